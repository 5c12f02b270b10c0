package main

import (
	"context"
	"fmt"
	"strings"

	"dean/archive"
	"dean/assess"
	"dean/criteria"
	"dean/period"
	"dean/plan"
	"dean/report"
	"dean/score"
	"dean/units"
)

// withHistory adds to a report what the archive holds: each ward's criteria met
// over the stored periods up to the report's, and the plan year by year with the
// recognitions of the register. Without an archive the report is left as it is.
func withHistory(in *report.Input, rs results, reg *plan.Register) error {
	if rs.arc == nil || in.Units == nil {
		return nil
	}
	ctx := context.Background()
	trend, err := trendOf(ctx, rs, in.Units, in.Period, len(rs.set.Criteria()))
	if err != nil {
		return err
	}
	years, err := trackArchive(ctx, rs, reg, &in.Period)
	if err != nil {
		return err
	}
	in.Trend, in.Progress = trend, years
	in.Histories = plan.Histories(years, reg, units.BundledMerger())
	return nil
}

// results gives a stored period's wards with their criteria met as this command
// scores them, so that a trend or a yearly count agrees with the rest of what
// the command prints: the stored results when their run used the same criteria
// file and thresholds, else the stored values scored again. A stored rescore
// with other thresholds thus never passes for the official result.
type results struct {
	arc  *archive.Archive
	set  *criteria.Set
	crit archive.Criteria
	// own is the period the command scored itself (a report's), which stands
	// whatever the archive holds of it.
	own     string
	ownWard []archive.Score
}

func newResults(arc *archive.Archive, o criteriaOptions, set *criteria.Set) results {
	return results{arc: arc, set: set, crit: runCriteria(o, set)}
}

// withOwn makes the wards of res the results of its period.
func (rs results) withOwn(res score.Result) results {
	rs.own, rs.ownWard = res.Period, nil
	for _, w := range res.Wards {
		rs.ownWard = append(rs.ownWard, archive.Score{
			Ward:   units.Ward{List: w.List, Code: w.Code, Name: w.Name, District: w.District},
			Passed: w.Passed, Total: w.Total,
		})
	}
	return rs
}

func (rs results) of(ctx context.Context, code string) ([]archive.Score, error) {
	if code == rs.own {
		return rs.ownWard, nil
	}
	scores, complete, err := rs.arc.Scores(ctx, code, rs.crit)
	if err != nil || complete {
		return scores, err
	}
	p, err := period.Parse(code)
	if err != nil {
		return nil, fmt.Errorf("kho lưu trữ có kỳ %q không hợp lệ: %w", code, err)
	}
	recs, err := rs.arc.Current(ctx, code)
	if err != nil {
		return nil, err
	}
	a := assess.New(assess.Options{Set: rs.set, Period: &p})
	for _, r := range recs {
		a.Add(r.Submission())
	}
	scores = scores[:0]
	for _, w := range a.Finish().Wards {
		scores = append(scores, archive.Score{Ward: w.Submission.Ward, Passed: w.Passed, Total: w.Total})
	}
	return scores, nil
}

// trendOf is each ward of list's criteria met in the stored periods on that list,
// up to upTo; a ward of the 2025 map whose predecessors have results on the map
// before says them.
func trendOf(ctx context.Context, rs results, list *units.List, upTo period.Period, total int) (*report.Trend, error) {
	codes, err := rs.arc.Periods(ctx)
	if err != nil {
		return nil, err
	}
	tr := &report.Trend{}
	passed := map[units.Key][]int{}
	var before map[units.Key]int // the last old-map period's results
	beforeCode := ""
	for _, code := range codes {
		p, err := period.Parse(code)
		if err != nil || after(p, upTo) {
			continue
		}
		scores, err := rs.of(ctx, code)
		if err != nil {
			return nil, err
		}
		on, off := map[units.Key]int{}, map[units.Key]int{}
		for _, s := range scores {
			if s.Ward.List == list.ID {
				on[s.Ward.Key()] = s.Passed
			} else {
				off[s.Ward.Key()] = s.Passed
			}
		}
		if len(off) > 0 {
			before, beforeCode = off, code
		}
		if len(on) == 0 {
			continue
		}
		i := len(tr.Periods)
		tr.Periods = append(tr.Periods, code)
		for _, w := range list.Wards {
			row := append(passed[w.Key()], make([]int, i+1-len(passed[w.Key()]))...)
			row[i] = -1
			if n, ok := on[w.Key()]; ok {
				row[i] = n
			}
			passed[w.Key()] = row
		}
	}
	if len(tr.Periods) == 0 {
		return nil, nil
	}
	merger := units.BundledMerger()
	for _, w := range list.Wards {
		tr.Rows = append(tr.Rows, report.TrendRow{Ward: w, Passed: passed[w.Key()], Total: total,
			Before: beforeMerger(merger, w, before, beforeCode, total)})
	}
	return tr, nil
}

// beforeMerger says a new ward's predecessors' results in the last period on the
// map before: "trước sáp nhập (6 tháng đầu năm 2025): phường Thới Bình 18/22,
// phường Tân An (cũ) 17/22, phường Xuân Khánh 22/22"; "" when none has one.
func beforeMerger(m *units.Merger, w units.Ward, results map[units.Key]int, code string, total int) string {
	var parts []string
	found := false
	for _, l := range m.Predecessors(w.Key()) {
		n, ok := results[l.Old]
		if !ok {
			parts = append(parts, l.OldLabel()+" chưa có số liệu")
			continue
		}
		found = true
		parts = append(parts, fmt.Sprintf("%s %d/%d", l.OldLabel(), n, total))
	}
	if !found {
		return ""
	}
	label := code
	if p, err := period.Parse(code); err == nil {
		label = p.Label()
	}
	return "trước sáp nhập (" + label + "): " + strings.Join(parts, ", ")
}
