package form

import (
	"strings"

	"dean/assess"
	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// The tests read forms the way the commands do — form.Read, then
// assess (submission.Check and scoring) — and look at the result as one sheet per
// ward with its checked values and, when asked, its cells.

type Problem = submission.Problem

type readOpts struct {
	Set    *criteria.Set
	Units  *units.List
	Period *period.Period
	Cells  bool
	Each   func(Sheet)
}

type Sheet struct {
	File, Sheet string
	Ward        units.Ward
	Period      string
	Values      score.Values
	Cells       map[string][2]string
}

func readAll(paths []string, o readOpts) ([]Sheet, []Problem) {
	list := o.Units
	if list == nil {
		list = units.Default()
	}
	a := assess.New(assess.Options{Set: o.Set, Units: list, Period: o.Period, Keep: true})
	a.Problems(Read(paths, ReadOptions{Set: o.Set, Units: o.Units, Period: o.Period}, func(s submission.Submission) {
		a.Add(s)
		if o.Each != nil {
			o.Each(sheetOf(o, s, nil))
		}
	})...)
	as := a.Finish()
	var sheets []Sheet
	for _, w := range as.Wards {
		sheets = append(sheets, sheetOf(o, w.Submission, w.Values))
	}
	ps := as.Problems
	for i := range ps {
		ps[i].Pos = submission.Pos{}
	}
	if len(ps) == 0 {
		ps = nil
	}
	return sheets, ps
}

func sheetOf(o readOpts, s submission.Submission, vals score.Values) Sheet {
	sh := Sheet{File: s.Source.File, Sheet: s.Source.Sheet, Ward: s.Ward, Period: s.Period, Values: vals}
	if sh.Values == nil {
		sh.Values = score.Values{}
	}
	if !o.Cells {
		return sh
	}
	sh.Cells = map[string][2]string{}
	for _, e := range s.Entries {
		in := o.Set.Input(strings.ToLower(e.ID))
		if in == nil {
			continue
		}
		refs := [2]string{e.Now.At.String(), ""}
		if in.YoY {
			refs[1] = e.Prev.At.String()
		}
		if _, ok := sh.Cells[in.ID]; !ok {
			sh.Cells[in.ID] = refs
		}
	}
	return sh
}
