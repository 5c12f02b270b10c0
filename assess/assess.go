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
	Set    *criteria.Set
	Units  *units.List
	Period *period.Period // the period assessed; nil: the one every submission states
	// Keep keeps each ward's submission and checked values, which reports and the
	// archive need; scoring thousands of wards without them keeps memory flat.
	Keep bool
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
}

// Assessor takes submissions as they are read, from any number of goroutines.
type Assessor struct {
	o        Options
	mu       sync.Mutex
	byCode   map[string][]Ward
	problems []submission.Problem
}

// New starts an assessment.
func New(o Options) *Assessor {
	return &Assessor{o: o, byCode: map[string][]Ward{}}
}

// Add checks and scores one submission.
func (a *Assessor) Add(s submission.Submission) {
	vals, ps := submission.Check(a.o.Set, s)
	w := Ward{
		Ward:       score.Ward{Code: s.Ward.Code, Name: s.Ward.Name, District: s.Ward.District, Card: score.Evaluate(a.o.Set, vals)},
		Submission: s,
	}
	if a.o.Keep {
		w.Values = vals
	} else {
		w.Submission.Entries = nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.byCode[s.Ward.Code] = append(a.byCode[s.Ward.Code], w)
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
	for _, cands := range a.byCode {
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
	rank := make(map[string]int, len(a.o.Units.Wards))
	for i, w := range a.o.Units.Wards {
		rank[w.Code] = i
	}
	slices.SortStableFunc(as.Wards, func(x, y Ward) int { return cmp.Compare(rank[x.Code], rank[y.Code]) })
	res := score.Result{Criteria: score.InfoOf(a.o.Set), Period: p, Wards: make([]score.Ward, len(as.Wards))}
	for i, w := range as.Wards {
		res.Wards[i] = w.Ward
	}
	res.Summary = score.Summarize(res.Wards)
	res.Summary.NotSubmitted = a.notSubmitted(as.Wards)
	as.Result = res
	submission.Sort(as.Problems)
	return as
}

// notSubmitted are the wards of the list with no values for the period: no
// submission, or one whose values were not read (another period or version).
func (a *Assessor) notSubmitted(wards []Ward) []score.WardRef {
	sent := make(map[string]bool, len(wards))
	for _, w := range wards {
		if !w.Submission.Unread {
			sent[w.Code] = true
		}
	}
	refs := []score.WardRef{}
	for _, w := range a.o.Units.Wards {
		if !sent[w.Code] {
			refs = append(refs, score.WardRef{Code: w.Code, Name: w.Name, District: w.District})
		}
	}
	return refs
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
