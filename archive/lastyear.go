package archive

import (
	"context"
	"fmt"
	"sync"

	"dean/period"
	"dean/submission"
	"dean/units"
)

// LastYear finds in the archive a ward's same period a year earlier, across the
// 2025 merger: a ward of the new map gets the sum of its predecessors' counts. It
// loads each period once and may be asked from many goroutines.
type LastYear struct {
	a      *Archive
	merger *units.Merger
	asOf   int64 // with snapshot: only submissions stored up to this one count
	snap   bool
	mu     sync.Mutex
	loaded map[string]map[units.Key]Record // current records by period, then ward
}

// LastYear starts a lookup over the archive; merger links the lists (nil: no
// history crosses a map change).
func (a *Archive) LastYear(merger *units.Merger) *LastYear {
	return &LastYear{a: a, merger: merger, loaded: map[string]map[units.Key]Record{}}
}

// LastYearAsOf is LastYear over the archive as it stood when submission asOf was
// the last stored (see Last): an import compares its forms with what was there
// before it began, whatever order it stores its own files in.
func (a *Archive) LastYearAsOf(merger *units.Merger, asOf int64) *LastYear {
	ly := a.LastYear(merger)
	ly.asOf, ly.snap = asOf, true
	return ly
}

// Prior is what the archive holds of w's period a year before p; ok is false
// when it holds nothing of it.
func (l *LastYear) Prior(ctx context.Context, w units.Ward, p period.Period) (submission.Prior, bool, error) {
	q := period.Period{Year: p.Year - 1, Half: p.Half}
	recs, err := l.period(ctx, q.String())
	if err != nil || len(recs) == 0 {
		return submission.Prior{}, false, err
	}
	prior := submission.Prior{Period: q.String(), Values: map[string]int64{}}
	if r, ok := recs[w.Key()]; ok {
		prior.Basis = fmt.Sprintf("tệp %s, trang %q", r.Source.File, r.Source.Sheet)
		for _, v := range r.Values {
			if v.Now.OK {
				prior.Values[v.Input] = v.Now.V
			}
		}
		return prior, true, nil
	}
	if l.merger == nil {
		return submission.Prior{}, false, nil
	}
	links := l.merger.Predecessors(w.Key())
	if len(links) == 0 {
		return submission.Prior{}, false, nil
	}
	prior.Basis, _ = l.merger.History(w.Key())
	prior.Basis = "tổng các đơn vị cũ, " + prior.Basis
	counts := map[string]int{} // how many predecessors know each input
	for _, lk := range links {
		r, ok := recs[lk.Old]
		if !lk.Listed() || !ok {
			prior.Missing = append(prior.Missing, lk.OldLabel())
			continue
		}
		if !lk.Whole {
			prior.Partial = append(prior.Partial, lk.OldLabel())
		}
		for _, v := range r.Values {
			if v.Now.OK {
				prior.Values[v.Input] += v.Now.V
				counts[v.Input]++
			}
		}
	}
	for id, n := range counts {
		if n < len(links) || len(prior.Missing) > 0 {
			delete(prior.Values, id) // a sum missing a part would understate
		}
	}
	return prior, true, nil
}

func (l *LastYear) period(ctx context.Context, code string) (map[units.Key]Record, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if recs, ok := l.loaded[code]; ok {
		return recs, nil
	}
	list, err := l.a.Current(ctx, code)
	if l.snap {
		list, err = l.a.CurrentAsOf(ctx, code, l.asOf)
	}
	if err != nil {
		return nil, err
	}
	recs := make(map[units.Key]Record, len(list))
	for _, r := range list {
		recs[r.Ward.Key()] = r
	}
	l.loaded[code] = recs
	return recs, nil
}
