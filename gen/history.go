package gen

import (
	"fmt"
	"maps"
	"slices"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/units"
)

// Filing is one period's filled forms: the units list in force on the period's
// due date and each of its wards' values.
type Filing struct {
	Period period.Period
	Units  *units.List
	Values map[string]score.Values // by ward code in Units
}

// HistoryPeriods are the periods History makes, in order: three on the 42 wards
// of 2022, three on the 31 wards of 1/7/2025.
var HistoryPeriods = []period.Period{
	{Year: 2023}, {Year: 2024}, {Year: 2025, Half: true},
	{Year: 2025}, {Year: 2026, Half: true}, {Year: 2026},
}

// History returns the filings of HistoryPeriods, which continue CanTho2022 and
// tell the story of story.go: with the default criteria each ward meets the
// criteria oldMet or newMet say. Last year's values are those of the period a
// year before (its own, or the sum of its predecessors' across the 2025 merger,
// each predecessor whole even where only part of it was taken, as dean pre-fills
// them); invented only where dean holds none (the first half of 2024; communes
// and the wards of Hậu Giang and Sóc Trăng).
func History(set *criteria.Set) ([]Filing, error) {
	old := units.Default()
	v22, err := CanTho2022(set, old)
	if err != nil {
		return nil, err
	}
	plan, err := canThoPlan(old)
	if err != nil {
		return nil, err
	}
	h := &history{
		set:    set,
		merger: units.BundledMerger(),
		filed:  map[period.Period]Filing{{Year: 2022}: {Period: period.Period{Year: 2022}, Units: old, Values: v22}},
		fails:  map[units.Key][]string{},
		ways:   map[units.Key]map[string]int{},
	}
	for i, ws := range canThoWays(plan) {
		k := old.Wards[i].Key()
		h.fails[k] = byDifficulty(plan[i])
		h.ways[k] = ws
	}
	var out []Filing
	for _, p := range HistoryPeriods {
		f, err := h.period(p)
		if err != nil {
			return nil, err
		}
		h.filed[p] = f
		out = append(out, f)
	}
	return out, nil
}

type history struct {
	set    *criteria.Set
	merger *units.Merger
	filed  map[period.Period]Filing
	fails  map[units.Key][]string       // each ward's failed criteria in its latest period, hardest first
	ways   map[units.Key]map[string]int // how the wards of 2022 failed each criterion then
	used   []int64                      // deal's tally for wards new in 2025
}

func (h *history) period(p period.Period) (Filing, error) {
	l, err := p.Units()
	if err != nil {
		return Filing{}, err
	}
	f := Filing{Period: p, Units: l, Values: map[string]score.Values{}}
	for i, u := range l.Wards {
		k := u.Key()
		seed, sz, met, err := h.ward(p, i, u)
		if err == nil {
			err = h.plan(p, u, seed, met)
		}
		var last lastYear
		if err == nil {
			last, err = h.lastYear(p, u, seed)
		}
		if err == nil {
			f.Values[u.Code], err = h.fill(p, seed, sz, h.fails[k], last, h.way(k, seed))
		}
		if err != nil {
			return Filing{}, fmt.Errorf("gen: kỳ %s, phường %s %s: %w", p, u.Code, u.Name, err)
		}
	}
	return f, nil
}

// ward finds the story's figure for the ward in period p, its seed (its place in
// the 2022 list, as in CanTho2022, or 100 on in the list of 2025) and its size:
// as many units as it was formed from.
func (h *history) ward(p period.Period, i int, u units.Ward) (seed int, sz size, met int, err error) {
	sz = size{units: 1, year: p.Year, half: p.Half}
	t := slices.Index(HistoryPeriods, p)
	if old, ok := oldMet[u.Code]; ok && u.List == "can-tho-2022" && t < 3 {
		return i, sz, old[t], nil
	}
	if n, ok := newMet[u.Code]; ok && u.List == "can-tho-2025" && t >= 3 {
		sz.units = int64(len(h.merger.Predecessors(u.Key())))
		return 100 + i, sz, n[t-3], nil
	}
	return 0, sz, 0, fmt.Errorf("kịch bản không có số tiêu chí đạt của phường này")
}

// plan moves the ward's failed criteria to this period's: a ward that improves
// keeps its hardest failures, one that slips back fails relapses anew. A ward new
// in 2025 starts from the failures of the wards it was formed from, hardest
// first; beyond them, and for wards dean has no history of, from what was dealt
// in 2022: no patrol truck, then the weights.
func (h *history) plan(p period.Period, u units.Ward, seed, met int) error {
	k := u.Key()
	n := len(hardest) - met
	prev, ok := h.fails[k]
	if !ok {
		var from []string
		for _, lk := range h.merger.Predecessors(k) {
			for _, c := range h.fails[lk.Old] {
				if !slices.Contains(from, c) {
					from = append(from, c)
				}
			}
		}
		prev = byDifficulty(from)
		if len(prev) < n && !slices.Contains(prev, "TC05") {
			prev = append(prev, "TC05")
		}
		if h.used == nil {
			h.used = make([]int64, len(weights))
		}
		if len(prev) < n {
			prev = append(prev, deal(seed, n-len(prev), h.used, prev)...)
		}
		prev = byDifficulty(prev)
	}
	next := slices.Clone(prev[:min(n, len(prev))])
	for _, c := range relapses {
		if len(next) < n && !slices.Contains(next, c) {
			next = append(next, c)
		}
	}
	if len(next) != n {
		return fmt.Errorf("không chọn được %d tiêu chí không đạt", n)
	}
	h.fails[k] = byDifficulty(next)
	return nil
}

// lastYear is what dean puts in the form's "Cùng kỳ năm trước" for the ward in
// period p: its own value a year before; across the merger, the sum of its
// predecessors'; for the first half of 2024, which dean does not hold, an
// estimate from the year's figures.
func (h *history) lastYear(p period.Period, u units.Ward, seed int) (lastYear, error) {
	q := period.Period{Year: p.Year - 1, Half: p.Half}
	f, ok := h.filed[q]
	if !ok {
		a, ok := h.filed[period.Period{Year: q.Year}]
		if !ok || a.Units.ID != u.List {
			return nil, fmt.Errorf("không có số liệu kỳ %s hay năm %d", q, q.Year)
		}
		return firstHalfBefore(seed, a.Values[u.Code]), nil
	}
	if f.Units.ID == u.List {
		return lastYearOf(f.Values[u.Code]), nil
	}
	l := lastYear{}
	preds := h.merger.Predecessors(u.Key())
	for _, lk := range preds {
		switch v, ok := f.Values[lk.Old.Code]; {
		case lk.Old.List == f.Units.ID && ok:
			l.add(lastYearOf(v))
		case lk.Listed():
			return nil, fmt.Errorf("không có số liệu kỳ %s của %s", q, lk.Old)
		default:
			l.add(unlisted(lk, q))
		}
	}
	if len(preds) == 0 {
		return nil, fmt.Errorf("bảng sáp nhập không có phường này")
	}
	return l, nil
}

// way is how the ward fails a criterion: as in 2022 where it failed it then,
// else fixed by the ward and the criterion, so that a ward failing a criterion
// year after year does so for the same reason.
func (h *history) way(k units.Key, seed int) func(string) int {
	return func(c string) int {
		if n, ok := h.ways[k][c]; ok {
			return n
		}
		return int(pick(seed, "way/"+c, 0, 11))
	}
}

// fill makes the ward's values: a ward of its size meeting every criterion
// against last year's values, then failing each of fails one way. A way that
// does not fail its criterion (a share that a bigger ward still meets), fails
// another too, or breaks a part–whole, gives way to the next.
func (h *history) fill(p period.Period, seed int, sz size, fails []string, last lastYear, way func(string) int) (score.Values, error) {
	w := sized(seed, sz)
	var want []string
	if slices.Contains(fails, "TC05") {
		want = []string{"TC05"}
	} else {
		w.set("xe_o_to_tuan_tra", 1)
	}
	progress(w, p, last)
	if got := failing(h.set, w.v); !slices.Equal(got, want) {
		return nil, fmt.Errorf("trước khi áp tiêu chí không đạt, không đạt %v", got)
	}
	for _, c := range fails {
		if c == "TC05" {
			continue
		}
		want = append(want, c)
		slices.Sort(want)
		ways := failures[c]
		if c == "TC10" {
			ways = setbacks
		}
		done := false
		for n := range len(ways) {
			saved := maps.Clone(w.v)
			ways[(way(c)+n)%len(ways)](w)
			if check(h.set, w.v) == nil && slices.Equal(failing(h.set, w.v), want) {
				done = true
				break
			}
			clear(w.v)
			maps.Copy(w.v, saved)
		}
		if !done {
			return nil, fmt.Errorf("không có cách nào làm tiêu chí %s không đạt mà không ảnh hưởng tiêu chí khác", c)
		}
	}
	return w.v, check(h.set, w.v)
}

// failing lists the criteria the values fail, in the set's order, and those
// lacking data marked so.
func failing(set *criteria.Set, v score.Values) []string {
	c := score.Evaluate(set, v)
	out := c.With(score.Fail)
	for _, id := range c.With(score.Missing) {
		out = append(out, "thiếu "+id)
	}
	return out
}

func byDifficulty(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int {
		return slices.Index(hardest, a) - slices.Index(hardest, b)
	})
	return out
}
