// Package gen makes believable, deterministic form values for testing and
// benchmarking dean: the 42 wards of Cần Thơ in 2022, whose scores reproduce the
// Đề án's own figures; the six periods after it, to 2026, across the 2025 merger,
// with the recognitions that go with them (History, Register: the story is in
// story.go); and a synthetic nationwide set for load.
//
// Nothing here is random: every number is arithmetic on the ward's index and the
// input's id, so the generated workbooks are byte-identical from run to run.
package gen

import (
	"fmt"
	"hash/fnv"

	"dean/criteria"
	"dean/score"
)

// ward is one ward's values under construction.
type ward struct {
	i  int // index in the units list: the seed of every number
	v  score.Values
	sz size
}

// size is what a ward's counts are scaled by in a period after 2022: stocks
// (households, officers, addicts) by the number of old units the ward was formed
// from, and grown a little each year; flows (crimes, dossiers, complaints) by that
// number too, varied from year to year, and halved for a six-month period. The
// zero size is 2022's: every count as picked.
type size struct {
	units int64 // old units merged into the ward; 0 or 1: none merged
	year  int   // 0: 2022's picks, unscaled
	half  bool  // a six-month period
}

// stock is a count that carries over from year to year: the same ward keeps it,
// grown by up to 2 % a year since 2022.
func (w ward) stock(salt string, lo, hi int64) int64 {
	v := w.pick(salt, lo, hi)
	if w.sz.year == 0 {
		return v
	}
	grown := int64(w.sz.year-2022) * w.pick(salt+"/tang", 0, 2)
	return v * max(w.sz.units, 1) * (100 + grown) / 100
}

// flow is a count of what happened in the period: up to 15 % either way from one
// year to the next, half as much in six months.
func (w ward) flow(salt string, lo, hi int64) int64 {
	v := w.pick(salt, lo, hi)
	if w.sz.year == 0 {
		return v
	}
	v = v * max(w.sz.units, 1) * w.pick(fmt.Sprintf("%s/%d", salt, w.sz.year), 85, 115) / 100
	if w.sz.half {
		v /= 2
	}
	return v
}

func newWard(i int) ward { return ward{i: i, v: make(score.Values, 96)} }

func (w ward) set(id string, now int64) { w.v[id] = score.Reading{Now: score.N(now)} }

func (w ward) yoy(id string, now, prev int64) {
	w.v[id] = score.Reading{Now: score.N(now), Prev: score.N(prev)}
}

func (w ward) get(id string) int64  { return w.v[id].Now.V }
func (w ward) prev(id string) int64 { return w.v[id].Prev.V }

// pick is a number in [lo, hi] fixed by the ward and a salt (usually the input id):
// a hash rather than a PRNG so that adding an input never shifts the others.
func (w ward) pick(salt string, lo, hi int64) int64 { return pick(w.i, salt, lo, hi) }

func pick(i int, salt string, lo, hi int64) int64 {
	h := fnv.New64a()
	h.Write([]byte(salt))
	x := uint64(i)*0x9E3779B97F4A7C15 ^ h.Sum64()
	x ^= x >> 31
	x *= 0x94D049BB133111EB
	x ^= x >> 29
	return lo + int64(x%uint64(hi-lo+1))
}

// atLeast is the smallest whole number that is at least pct % of n (never more
// than n), so that a share meant to pass a "≥ p %" rule does.
func atLeast(n, pct int64) int64 { return min(n, (n*pct+99)/100) }

// below is the largest whole number that is at most pct % of n.
func below(n, pct int64) int64 { return n * pct / 100 }

// check makes sure the values fill exactly the set's inputs, with last year's
// value where, and only where, the form asks for it, and would pass dean check:
// whole numbers ≥ 0, Có/Không as 1/0, no part above its whole.
func check(set *criteria.Set, v score.Values) error {
	for _, in := range set.Inputs() {
		r, ok := v[in.ID]
		switch {
		case !ok:
			return fmt.Errorf("gen: không có giá trị cho chỉ số %s", in.ID)
		case in.YoY != r.Prev.OK:
			return fmt.Errorf("gen: chỉ số %s: giá trị cùng kỳ không khớp với bộ tiêu chí", in.ID)
		}
		for _, n := range []score.Num{r.Now, r.Prev} {
			if n.OK && (n.V < 0 || in.Kind == criteria.Bool && n.V > 1) {
				return fmt.Errorf("gen: chỉ số %s: giá trị %d không hợp lệ", in.ID, n.V)
			}
		}
		for _, whole := range set.Wholes(in.ID) {
			wr := v[whole.ID]
			if r.Now.V > wr.Now.V || in.YoY && whole.YoY && r.Prev.V > wr.Prev.V {
				return fmt.Errorf("gen: chỉ số %s lớn hơn %s, là tổng của nó", in.ID, whole.ID)
			}
		}
	}
	if n := len(set.Inputs()); n != len(v) {
		return fmt.Errorf("gen: bộ tiêu chí có %d chỉ số, gen tạo %d", n, len(v))
	}
	return nil
}
