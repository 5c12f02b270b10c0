// Package gen makes believable, deterministic form values for testing and
// benchmarking dean: the 42 wards of Cần Thơ in 2022, whose scores reproduce the
// Đề án's own figures, and a synthetic nationwide set for load.
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
	i int // index in the units list: the seed of every number
	v score.Values
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
// value where, and only where, the form asks for it.
func check(set *criteria.Set, v score.Values) error {
	for _, in := range set.Inputs() {
		r, ok := v[in.ID]
		switch {
		case !ok:
			return fmt.Errorf("gen: không có giá trị cho chỉ số %s", in.ID)
		case in.YoY != r.Prev.OK:
			return fmt.Errorf("gen: chỉ số %s: giá trị cùng kỳ không khớp với bộ tiêu chí", in.ID)
		}
	}
	if n := len(set.Inputs()); n != len(v) {
		return fmt.Errorf("gen: bộ tiêu chí có %d chỉ số, gen tạo %d", n, len(v))
	}
	return nil
}
