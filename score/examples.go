package score

import (
	"fmt"
	"strings"

	"dean/criteria"
)

// ExampleFailure is one expectation of a criteria file's example that the engine
// does not meet.
type ExampleFailure struct {
	Criterion   string // TC10
	Example     string // the example's name
	Line        int    // the example's line in the criteria file
	ID          string // the indicator, or the criterion when it is the criterion's id
	Want, Got   Verdict
	Explanation string // the engine's own words for what it got
}

// String says it in one line: `TC10, ví dụ "giảm đúng 6 % thì đạt": toi_pham_ttxh
// cần Đạt, kết quả Không đạt — 94 so với 100 cùng kỳ: giảm 6 % (yêu cầu tăng ≥ 6 %)`.
func (f ExampleFailure) String() string {
	s := fmt.Sprintf("%s, ví dụ %q: %s cần %s, kết quả %s", f.Criterion, f.Example, f.ID, f.Want.Text(), f.Got.Text())
	if f.Explanation != "" {
		s += " — " + f.Explanation
	}
	return s
}

// CheckExamples runs every example of the set and returns the expectations it
// does not meet, in file order. Examples state what the file's own thresholds
// decide: run them on the set as parsed, before any --set or --params.
func CheckExamples(set *criteria.Set) []ExampleFailure {
	var fails []ExampleFailure
	for _, c := range set.Criteria() {
		for _, ex := range c.Examples {
			card := Evaluate(set, exampleValues(ex))
			got := card.criterion(c.ID)
			for _, want := range ex.Expect {
				v, why := got.outcome(want.ID)
				if v.String() == want.Verdict {
					continue
				}
				w, _ := ParseVerdict(want.Verdict)
				fails = append(fails, ExampleFailure{
					Criterion: c.ID, Example: ex.Name, Line: ex.Line, ID: want.ID,
					Want: w, Got: v, Explanation: why,
				})
			}
		}
	}
	return fails
}

func exampleValues(ex *criteria.Example) Values {
	vals := make(Values, len(ex.Values))
	for id, v := range ex.Values {
		var r Reading
		if v.Now != nil {
			r.Now = N(*v.Now)
		}
		if v.LastYear != nil {
			r.Prev = N(*v.LastYear)
		}
		vals[id] = r
	}
	return vals
}

func (c Card) criterion(id string) Criterion {
	for _, cr := range c.Criteria {
		if cr.ID == id {
			return cr
		}
	}
	return Criterion{ID: id}
}

// outcome is the verdict of an indicator, or of the criterion itself, with the
// engine's explanation.
func (cr Criterion) outcome(id string) (Verdict, string) {
	if id == cr.ID {
		parts := make([]string, 0, len(cr.Indicators))
		for _, in := range cr.Indicators {
			if in.Verdict != Pass {
				parts = append(parts, in.ID+": "+in.Verdict.Text())
			}
		}
		return cr.Verdict, strings.Join(parts, "; ")
	}
	for _, in := range cr.Indicators {
		if in.ID == id {
			return in.Verdict, in.Explanation()
		}
	}
	return Missing, "không có chỉ số " + id
}
