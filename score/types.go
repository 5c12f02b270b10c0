// Package score is the pure core of dean: it evaluates one ward's values against a
// criteria set and returns, for every criterion and indicator, a verdict with the
// actual value, the target and a sentence in Vietnamese that explains it.
//
// It reads no files and no clock: the caller brings the values and the criteria.
// Comparisons are exact (math/big rationals), so 100 → 94 is exactly −6 % and passes
// "giảm ≥ 6 %", and 3 of 200 is exactly 1,5 % and fails "dưới 1,5 %".
package score

// Verdict is an indicator's or criterion's outcome.
type Verdict string

const (
	Pass    Verdict = "pass"
	Fail    Verdict = "fail"
	NA      Verdict = "na"      // không áp dụng: a ratio whose whole is 0
	Missing Verdict = "missing" // thiếu dữ liệu: never a silent pass or fail
)

// Text is the verdict as a report says it.
func (v Verdict) Text() string {
	switch v {
	case Pass:
		return "Đạt"
	case Fail:
		return "Không đạt"
	case NA:
		return "Không áp dụng"
	}
	return "Thiếu dữ liệu"
}

// Num is one cell of the form: a whole number (Có/Không as 1/0), or nothing.
type Num struct {
	V  int64
	OK bool
}

// N is a present value.
func N(v int64) Num { return Num{V: v, OK: true} }

// Reading is one input's values: this period and, for year-over-year inputs, the
// same period last year.
type Reading struct {
	Now, Prev Num
}

// Values holds one ward's readings by input id. An absent id, or an absent Num, is
// missing data.
type Values map[string]Reading

// Indicator is one rule's outcome.
type Indicator struct {
	ID          string  `json:"id"`
	Verdict     Verdict `json:"result"`
	Actual      string  `json:"actual"`
	Target      string  `json:"target"`
	Explanation string  `json:"explanation"`
}

// Criterion is one criterion's outcome: it fails when any indicator fails, is
// missing when any lacks data, and passes otherwise.
type Criterion struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Verdict    Verdict     `json:"result"`
	Indicators []Indicator `json:"indicators"`
}

// Card is one ward's outcome against the whole set.
type Card struct {
	Passed   int         `json:"passed"`
	Total    int         `json:"total"`
	Model    bool        `json:"model"` // đạt chuẩn: every criterion passed
	Criteria []Criterion `json:"criteria"`
}

// With lists the ids of the criteria with this verdict.
func (c Card) With(v Verdict) []string {
	var ids []string
	for _, cr := range c.Criteria {
		if cr.Verdict == v {
			ids = append(ids, cr.ID)
		}
	}
	return ids
}
