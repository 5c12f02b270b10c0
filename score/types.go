// Package score is the pure core of dean: it evaluates one ward's values against a
// criteria set and returns, for every criterion and indicator, a verdict with the
// actual value, the target and a sentence in Vietnamese that explains it.
//
// It reads no files and no clock: the caller brings the values and the criteria.
// Comparisons are exact (math/big rationals), so 100 → 94 is exactly −6 % and passes
// "giảm ≥ 6 %", and 3 of 200 is exactly 1,5 % and fails "dưới 1,5 %".
package score

import (
	"bytes"
	"encoding/json"
	"fmt"

	"dean/criteria"
)

// Verdict is an indicator's or criterion's outcome. It is a byte, as a
// nationwide run keeps hundreds of thousands; in JSON and CSV it is a word.
type Verdict uint8

const (
	Missing Verdict = iota // thiếu dữ liệu: never a silent pass or fail (and the zero Verdict)
	Pass
	Fail
	NA // không áp dụng: a ratio whose whole is 0
)

var verdictCodes = [...]string{Missing: "missing", Pass: "pass", Fail: "fail", NA: "na"}

// String is the code the JSON contract uses: pass, fail, na, missing.
func (v Verdict) String() string {
	if int(v) < len(verdictCodes) {
		return verdictCodes[v]
	}
	return "missing"
}

// ParseVerdict reads a code; ok is false for any other word.
func ParseVerdict(s string) (Verdict, bool) {
	for v, code := range verdictCodes {
		if code == s {
			return Verdict(v), true
		}
	}
	return Missing, false
}

// MarshalText writes the code.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads a code.
func (v *Verdict) UnmarshalText(b []byte) error {
	x, ok := ParseVerdict(string(b))
	if !ok {
		return fmt.Errorf("score: no verdict %q", b)
	}
	*v = x
	return nil
}

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

// Indicator is one rule's outcome: its verdict, and the numbers it was decided
// on. Its words — the actual value, the target, the explanation — are written
// from those numbers when an output asks, so that the thousands of cards of a
// nationwide run hold numbers, not text.
type Indicator struct {
	ID      string
	Verdict Verdict
	set     *criteria.Set
	fact    fact
}

// Actual is the value as measured: "giảm 4 %", "48/50 = 96 %".
func (i Indicator) Actual() string { return i.fact.words(i.set).actual }

// Target is what the rule asks: "giảm ≥ 6 %".
func (i Indicator) Target() string { return i.fact.words(i.set).target }

// Explanation says both in a sentence: "48 so với 50 cùng kỳ: giảm 4 % (yêu cầu
// giảm ≥ 6 %)".
func (i Indicator) Explanation() string { return i.fact.words(i.set).explain }

// indicatorJSON is an indicator as the JSON contract writes it.
type indicatorJSON struct {
	ID          string  `json:"id"`
	Verdict     Verdict `json:"result"`
	Actual      string  `json:"actual"`
	Target      string  `json:"target"`
	Explanation string  `json:"explanation"`
}

// MarshalJSON writes the indicator with its words, "<" and "≥" as they are.
func (i Indicator) MarshalJSON() ([]byte, error) {
	w := i.fact.words(i.set)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(indicatorJSON{ID: i.ID, Verdict: i.Verdict, Actual: w.actual, Target: w.target, Explanation: w.explain})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
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
