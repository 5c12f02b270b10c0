// Package assess is the one path from submitted values to a period's result.
// Whatever read the submissions — the xlsx form, the archive — each is checked
// against the criteria (submission.Check) and scored (score.Evaluate) here and
// nowhere else; a ward submitted twice counts once; the wards come out in the
// units list's order, with the wards that sent nothing named.
package assess

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"sync"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// Options is what submissions are assessed against.
type Options struct {
	Set *criteria.Set
	// Base is the bundled criteria: results say how Set departs from them. nil:
	// not compared (tests, and the archive's old runs).
	Base *criteria.Set
	// Units orders the wards and names those without data. nil: the bundled list
	// the submitted wards belong to, when they all belong to one.
	Units  *units.List
	Period *period.Period // the period assessed; nil: the one every submission states
	// Keep keeps each ward's submission and checked values, which reports and the
	// archive need; scoring thousands of wards without them keeps memory flat.
	Keep bool
	// Prior, when set, gives what dean holds of a ward's same period a year
	// earlier: a submission whose "Cùng kỳ năm trước" differs is warned about.
	// It is called from many goroutines at once.
	Prior func(w units.Ward, period string) (submission.Prior, bool)
}

// Ward is one ward's outcome and what it rests on.
type Ward struct {
	score.Ward
	Submission submission.Submission // its Entries only with Options.Keep
	Values     score.Values          // only with Options.Keep
}

// Assessment is a period's result and every problem found on the way.
type Assessment struct {
	Result   score.Result
	Wards    []Ward // in Result.Wards' order
	Problems []submission.Problem
	// Periods are the periods the submissions state, when none was asked for;
	// Result.Period is empty when there are several.
	Periods []string
	// Units is the list the wards were ordered by (Options.Units, or the one they
	// belong to); nil when they belong to several lists.
	Units *units.List
}

// wardPeriod is what may be submitted once: a ward's values for a period (an
// import may hold several periods).
type wardPeriod struct {
	ward   units.Key
	period string
}

// Assessor takes submissions as they are read, from any number of goroutines.
type Assessor struct {
	o        Options
	mu       sync.Mutex
	byKey    map[wardPeriod][]Ward
	problems []submission.Problem
}

// New starts an assessment.
func New(o Options) *Assessor {
	return &Assessor{o: o, byKey: map[wardPeriod][]Ward{}}
}

// Prior sets where last year's values come from (see Options.Prior), before
// the first Add.
func (a *Assessor) Prior(f func(w units.Ward, period string) (submission.Prior, bool)) {
	a.o.Prior = f
}

// Add checks and scores one submission.
func (a *Assessor) Add(s submission.Submission) {
	vals, ps := submission.Check(a.o.Set, s)
	if a.o.Prior != nil && !s.Unread {
		if p, ok := a.o.Prior(s.Ward, a.period(s)); ok {
			ps = append(ps, submission.CompareLastYear(a.o.Set, s, vals, p)...)
		}
	}
	w := Ward{
		Ward:       score.Ward{List: s.Ward.List, Code: s.Ward.Code, Name: s.Ward.Name, District: s.Ward.District, Card: score.Evaluate(a.o.Set, vals)},
		Submission: s,
	}
	if a.o.Keep {
		w.Values = vals
	} else {
		w.Submission.Entries = nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	k := wardPeriod{s.Ward.Key(), a.period(s)}
	a.byKey[k] = append(a.byKey[k], w)
	a.problems = append(a.problems, ps...)
}

// Problems adds problems found by whatever read the submissions.
func (a *Assessor) Problems(ps ...submission.Problem) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.problems = append(a.problems, ps...)
}

// Finish puts the wards in order.
func (a *Assessor) Finish() *Assessment {
	a.mu.Lock()
	defer a.mu.Unlock()
	as := &Assessment{Problems: a.problems}
	for _, cands := range a.byKey {
		slices.SortFunc(cands, func(x, y Ward) int { return order(x.Submission.Source, y.Submission.Source) })
		as.Wards = append(as.Wards, cands[0])
		for _, dup := range cands[1:] {
			as.Problems = append(as.Problems, duplicate(dup.Submission, cands[0].Submission))
		}
	}
	p := ""
	if a.o.Period != nil {
		p = a.o.Period.String()
	} else if as.Periods = stated(as.Wards); len(as.Periods) == 1 {
		p = as.Periods[0]
	}
	as.Units = a.units(as.Wards)
	rank := map[units.Key]int{}
	if as.Units != nil {
		for i, w := range as.Units.Wards {
			rank[w.Key()] = i
		}
	}
	// Wards of another list than the one ordering them (a user's list beside a
	// bundled one) come last, by list and code, so the order never depends on
	// the order of reading.
	slices.SortStableFunc(as.Wards, func(x, y Ward) int {
		rx, okx := rank[x.Submission.Ward.Key()]
		ry, oky := rank[y.Submission.Ward.Key()]
		return cmp.Or(cmp.Compare(b2i(!okx), b2i(!oky)), cmp.Compare(rx, ry), cmp.Compare(x.List, y.List), cmp.Compare(x.Code, y.Code))
	})
	res := score.Result{Criteria: score.InfoOf(a.o.Set, a.o.Base), Period: p, Wards: make([]score.Ward, len(as.Wards))}
	for i, w := range as.Wards {
		res.Wards[i] = w.Ward
	}
	res.Summary = score.Summarize(res.Wards)
	res.Summary.NotSubmitted = notSubmitted(as.Units, as.Wards)
	as.Result = res
	submission.Sort(as.Problems)
	return as
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// units is the list given, or else the bundled list every submitted ward
// belongs to; nil when they belong to several or to none.
func (a *Assessor) units(wards []Ward) *units.List {
	if a.o.Units != nil {
		return a.o.Units
	}
	id := ""
	for _, w := range wards {
		switch {
		case id == "":
			id = w.List
		case w.List != id:
			return nil
		}
	}
	if id == "" && a.o.Period != nil {
		l, _ := a.o.Period.Units()
		return l
	}
	l, _ := units.Named(id)
	return l
}

// notSubmitted are the wards of the list with no values for the period: no
// submission, or one whose values were not read (another period or version).
func notSubmitted(list *units.List, wards []Ward) []score.WardRef {
	refs := []score.WardRef{}
	if list == nil {
		return refs
	}
	sent := make(map[units.Key]bool, len(wards))
	for _, w := range wards {
		if !w.Submission.Unread {
			sent[w.Submission.Ward.Key()] = true
		}
	}
	for _, w := range list.Wards {
		if !sent[w.Key()] {
			refs = append(refs, score.WardRef{List: w.List, Code: w.Code, Name: w.Name, District: w.District})
		}
	}
	return refs
}

// period is the period a submission is assessed for.
func (a *Assessor) period(s submission.Submission) string {
	if a.o.Period != nil {
		return a.o.Period.String()
	}
	return s.Period
}

func order(a, b submission.Source) int {
	return cmp.Or(cmp.Compare(a.FileIndex, b.FileIndex), cmp.Compare(a.SheetIndex, b.SheetIndex))
}

func duplicate(s, first submission.Submission) submission.Problem {
	where := fmt.Sprintf("trang %q", first.Source.Sheet)
	if first.Source.File != s.Source.File {
		where = fmt.Sprintf("tệp %s, %s", first.Source.File, where)
	}
	src := s.Source
	return submission.Problem{
		File: src.File, Sheet: src.Sheet, Cell: s.CodeAt.String(),
		Msg: fmt.Sprintf("phường %s (mã %s) đã có ở %s: mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng",
			s.Ward.Name, s.Ward.Code, where),
		Pos: submission.Pos{File: src.FileIndex, Sheet: src.SheetIndex, Row: s.CodeAt.Row, Col: s.CodeAt.Col},
	}
}

// stated lists the periods the submissions state, each once, in order.
func stated(wards []Ward) []string {
	var found []string
	for _, w := range wards {
		if p := w.Submission.Period; p != "" && !slices.Contains(found, p) {
			found = append(found, p)
		}
	}
	sort.Strings(found)
	return found
}

// Usable tells whether any ward had a single value to score: an output made of
// nothing but missing data would pass for a real result.
func (as *Assessment) Usable() bool {
	for _, w := range as.Result.Wards {
		if len(w.With(score.Missing)) < w.Total {
			return true
		}
	}
	return false
}
