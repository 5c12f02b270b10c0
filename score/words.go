package score

import (
	"cmp"
	"math/big"
	"math/bits"
	"strings"

	"dean/criteria"
)

// words are what an indicator's numbers say, as the outputs print them.
type words struct{ actual, target, explain string }

// words writes the actual value, the target and the explanation of a fact, in
// Vietnamese: "48 so với 50 cùng kỳ: giảm 4 % (yêu cầu giảm ≥ 6 %)".
func (f fact) words(set *criteria.Set) words {
	switch {
	case f.rule == nil:
		return words{}
	case f.lack != none:
		id, prev := f.lack.id(f.rule)
		which := "kỳ này"
		if prev {
			which = "cùng kỳ năm trước"
		}
		return words{explain: "thiếu số liệu " + id + " (" + which + ")"}
	case f.rule.Any != nil || f.rule.All != nil:
		if f.decisive >= 0 {
			return (*f.subs)[f.decisive].words(set)
		}
		sep := "; "
		if f.rule.Any != nil {
			sep = "; hoặc "
		}
		var a, t, x []string
		for _, s := range *f.subs {
			w := s.words(set)
			a, t, x = append(a, w.actual), append(t, w.target), append(x, w.explain)
		}
		return words{strings.Join(a, sep), strings.Join(t, sep), strings.Join(x, sep)}
	}
	return f.leafWords(set)
}

func (f fact) leafWords(set *criteria.Set) words {
	r := f.rule
	in := set.Input(r.Input)
	target, _, ok := set.Resolve(r.Target)
	if !ok {
		target = big.NewRat(f.tgt, 1)
	}
	switch r.Measure {
	case criteria.Ratio:
		if f.other == 0 {
			return words{"—", opText(r.Op) + " " + exactPct(target), "không áp dụng: " + r.Other + " bằng 0"}
		}
		ratio := new(big.Rat).SetFrac64(f.x, f.other)
		actual := pct(ratio, target)
		return decided(actual, opText(r.Op)+" "+exactPct(target),
			criteria.FormatInt(f.x)+"/"+criteria.FormatInt(f.other)+" = "+actual)
	case criteria.Difference:
		actual := withUnit(f.x-f.other, in)
		return decided(actual, opText(r.Op)+" "+criteria.FormatDecimal(target, 4),
			withUnit(f.x, in)+", trừ "+criteria.FormatInt(f.other)+" do bất khả kháng hoặc kết luận không đúng, còn "+actual)
	case criteria.Change:
		if f.prev == 0 {
			w := (*f.subs)[0].words(set)
			w.explain = "cùng kỳ năm trước bằng 0, kỳ này " + w.explain
			return w
		}
		change := new(big.Rat).SetFrac64(f.x-f.prev, f.prev)
		actual := changeText(change, target)
		return decided(actual, changeTarget(r.Op, target),
			criteria.FormatInt(f.x)+" so với "+criteria.FormatInt(f.prev)+" cùng kỳ: "+actual)
	}
	if in.Kind == criteria.Bool {
		return decided(yesNo(f.x), yesNo(target.Num().Int64()), yesNo(f.x))
	}
	what := withUnit(f.x, in)
	if r.Input != r.Owner {
		what = in.Label + ": " + what
	}
	return decided(withUnit(f.x, in), opText(r.Op)+" "+criteria.FormatDecimal(target, 4), what)
}

// decided writes the explanation "<what> (yêu cầu <target>)".
func decided(actual, target, what string) words {
	return words{actual, target, what + " (yêu cầu " + target + ")"}
}

func opText(op criteria.Op) string {
	switch op {
	case criteria.GE:
		return "≥"
	case criteria.LE:
		return "≤"
	}
	return string(op)
}

func yesNo(v int64) string {
	if v != 0 {
		return "Có"
	}
	return "Không"
}

func withUnit(n int64, in *criteria.Input) string {
	if in == nil || in.Unit == "" {
		return criteria.FormatInt(n)
	}
	return criteria.FormatInt(n) + " " + in.Unit
}

// pct shows a share with as many decimals as its target has (at least one), and
// more when that would make a value that misses its target look equal to it
// (99,96 % shown as "100 %").
func pct(v, target *big.Rat) string {
	d := max(1, decimals(exactPct(target)))
	// Values a display step or more apart never print alike: skip the comparison,
	// which is most of the cost on a nationwide run.
	if apart(v, target, d+2) {
		return criteria.FormatPercentN(v, d)
	}
	for ; ; d++ {
		s := criteria.FormatPercentN(v, d)
		if d >= 6 || cmpRat(v, target) == 0 || s != criteria.FormatPercentN(target, d) {
			return s
		}
	}
}

// small is below 2^31 in absolute value: the product of two such numbers, and
// the difference of two such products, fit in an int64.
func small(n int64) bool { return n > -1<<31 && n < 1<<31 }

// fraction gives r as num/den in machine words when both are small, which counts
// and thresholds are: the exact comparisons below then need no math/big.
func fraction(r *big.Rat) (num, den int64, ok bool) {
	n, d := r.Num(), r.Denom()
	if !n.IsInt64() || !d.IsInt64() {
		return 0, 0, false
	}
	num, den = n.Int64(), d.Int64()
	return num, den, small(num) && small(den)
}

// cmpRat is a.Cmp(b), exact, by cross-multiplying when both are small fractions.
func cmpRat(a, b *big.Rat) int {
	an, ad, ok := fraction(a)
	if !ok {
		return a.Cmp(b)
	}
	return cmpFrac(an, ad, b)
}

// cmpFrac compares n/d (d > 0) with b exactly: by cross-multiplying when all
// are small, as counts and thresholds are, else with math/big.
func cmpFrac(n, d int64, b *big.Rat) int {
	bn, bd, ok := fraction(b)
	if !ok || !small(n) || !small(d) {
		return new(big.Rat).SetFrac64(n, d).Cmp(b)
	}
	// Denominators are positive, so the order is that of n·bd and bn·d.
	return cmp.Compare(n*bd, bn*d)
}

// apart reports whether |a − b| ≥ 10^−exp, exactly.
func apart(a, b *big.Rat, exp int) bool {
	an, ad, ok1 := fraction(a)
	bn, bd, ok2 := fraction(b)
	if ok1 && ok2 && exp >= 0 && exp <= 18 {
		// |an/ad − bn/bd| ≥ 10^−exp ⇔ |an·bd − bn·ad| · 10^exp ≥ ad·bd, where the
		// difference is below 2^63 and the product with 10^exp is taken in 128 bits.
		diff := an*bd - bn*ad
		if diff < 0 {
			diff = -diff
		}
		pow := uint64(1)
		for range exp {
			pow *= 10
		}
		hi, lo := bits.Mul64(uint64(diff), pow)
		return hi > 0 || lo >= uint64(ad*bd)
	}
	step := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
	return new(big.Rat).Abs(new(big.Rat).Sub(a, b)).Cmp(step) >= 0
}

// decimals counts the digits after the decimal comma in "1,25 %".
func decimals(s string) int {
	_, frac, ok := strings.Cut(strings.TrimSuffix(s, " %"), ",")
	if !ok {
		return 0
	}
	return len(frac)
}

func changeText(change, target *big.Rat) string {
	abs := new(big.Rat).Abs(change)
	switch change.Sign() {
	case -1:
		return "giảm " + pct(abs, new(big.Rat).Abs(target))
	case 1:
		return "tăng " + pct(abs, new(big.Rat).Abs(target))
	}
	return "không đổi"
}

func changeTarget(op criteria.Op, target *big.Rat) string {
	abs := exactPct(new(big.Rat).Abs(target))
	switch {
	case (op == criteria.LE || op == criteria.LT) && target.Sign() < 0:
		return "giảm " + opText(flip(op)) + " " + abs
	case (op == criteria.GE || op == criteria.GT) && target.Sign() > 0:
		return "tăng " + opText(op) + " " + abs
	}
	return "mức thay đổi " + opText(op) + " " + exactPct(target)
}

// exactPct writes a target as it was set (1,25 % stays 1,25 %): a rounded target
// could contradict the verdict beside it.
func exactPct(v *big.Rat) string { return criteria.FormatPercentN(v, 4) }

// flip turns "change ≤ −6 %" into "decrease ≥ 6 %".
func flip(op criteria.Op) criteria.Op {
	switch op {
	case criteria.LE:
		return criteria.GE
	case criteria.LT:
		return criteria.GT
	}
	return op
}
