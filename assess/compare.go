package assess

import (
	"cmp"
	"slices"
	"strings"

	"dean/score"
	"dean/units"
)

// Changes is what differs between two scorings of the same wards: the wards whose
// count of criteria met or model status changed, and every criterion that
// flipped, with both explanations.
type Changes struct {
	// Criteria are those scored with now, and how they depart from the bundled
	// ones: a list of flips means little without the threshold that made them.
	Criteria score.Info   `json:"criteria"`
	Wards    []WardChange `json:"wards"`
	Flips    []Flip       `json:"flips"`
}

// WardChange is one ward's totals before and after.
type WardChange struct {
	Period string     `json:"period"`
	Ward   units.Ward `json:"-"`
	Code   string     `json:"ward"`
	List   string     `json:"list"`
	Name   string     `json:"name"`
	Before Totals     `json:"before"`
	After  Totals     `json:"after"`
}

// Totals is a ward's count of criteria met, and whether it is a model ward.
type Totals struct {
	Passed int  `json:"passed"`
	Total  int  `json:"total"`
	Model  bool `json:"model"`
}

// Flip is one criterion of one ward whose verdict changed.
type Flip struct {
	Period     string        `json:"period"`
	Ward       units.Ward    `json:"-"`
	Code       string        `json:"ward"`
	List       string        `json:"list"`
	Name       string        `json:"name"` // the ward's
	Criterion  string        `json:"criterion"`
	Title      string        `json:"criterion_name"`
	Before     score.Verdict `json:"before"`
	After      score.Verdict `json:"after"`
	BeforeText string        `json:"before_explanation"`
	AfterText  string        `json:"after_explanation"`
}

// Compare lists what changed for period from before to after, ward by ward (a
// ward is matched by its list and code). Wards are in after's order, flips in
// criterion order within each ward.
func Compare(period string, before, after []Ward) Changes {
	was := make(map[units.Key]Ward, len(before))
	for _, w := range before {
		was[w.Submission.Ward.Key()] = w
	}
	var ch Changes
	for _, w := range after {
		b, ok := was[w.Submission.Ward.Key()]
		if !ok {
			continue
		}
		ward := w.Submission.Ward
		bt, at := totals(b.Card), totals(w.Card)
		if bt != at {
			ch.Wards = append(ch.Wards, WardChange{Period: period, Ward: ward, Code: ward.Code, List: ward.List, Name: ward.Name, Before: bt, After: at})
		}
		old := make(map[string]score.Criterion, len(b.Criteria))
		for _, c := range b.Criteria {
			old[c.ID] = c
		}
		for _, c := range w.Criteria {
			o, ok := old[c.ID]
			if !ok || o.Verdict == c.Verdict {
				continue
			}
			bx, ax := explain(o, c)
			ch.Flips = append(ch.Flips, Flip{Period: period, Ward: ward, Code: ward.Code, List: ward.List, Name: ward.Name,
				Criterion: c.ID, Title: c.Name, Before: o.Verdict, After: c.Verdict, BeforeText: bx, AfterText: ax})
		}
	}
	return ch
}

// Add appends another period's changes.
func (c *Changes) Add(o Changes) {
	c.Wards = append(c.Wards, o.Wards...)
	c.Flips = append(c.Flips, o.Flips...)
}

// ByCriterion groups the flips by criterion, in criterion order.
func (c Changes) ByCriterion() [][]Flip {
	fs := slices.Clone(c.Flips)
	slices.SortStableFunc(fs, func(a, b Flip) int { return cmp.Compare(a.Criterion, b.Criterion) })
	var out [][]Flip
	for i, f := range fs {
		if i == 0 || f.Criterion != fs[i-1].Criterion {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], f)
	}
	return out
}

func totals(c score.Card) Totals { return Totals{Passed: c.Passed, Total: c.Total, Model: c.Model} }

// explain writes a flipped criterion's explanations before and after: those of
// the indicators whose verdict changed, each after its id (all of them when none
// did, as when a rule itself was rewritten).
func explain(before, after score.Criterion) (string, string) {
	was := map[string]score.Indicator{}
	for _, in := range before.Indicators {
		was[in.ID] = in
	}
	var b, a []string
	for _, in := range after.Indicators {
		if o, ok := was[in.ID]; ok && o.Verdict != in.Verdict {
			b = append(b, o.ID+": "+o.Explanation())
			a = append(a, in.ID+": "+in.Explanation())
		}
	}
	if len(a) == 0 {
		for _, in := range before.Indicators {
			b = append(b, in.ID+": "+in.Explanation())
		}
		for _, in := range after.Indicators {
			a = append(a, in.ID+": "+in.Explanation())
		}
	}
	return strings.Join(b, "; "), strings.Join(a, "; ")
}
