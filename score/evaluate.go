package score

import (
	"math/big"
	"math/bits"
	"strings"

	"dean/criteria"
)

// Evaluate scores one ward's values against the set.
func Evaluate(set *criteria.Set, vals Values) Card {
	e := evaluator{set: set, vals: vals}
	var card Card
	cs := set.Criteria()
	if len(cs) > 0 { // sized once; left nil when empty, as append would
		card.Criteria = make([]Criterion, 0, len(cs))
	}
	for _, c := range cs {
		cr := Criterion{ID: c.ID, Name: c.Name}
		if n := rules(c); n > 0 {
			cr.Indicators = make([]Indicator, 0, n)
		}
		for _, in := range c.Inputs {
			if in.Rule == nil {
				continue
			}
			o := e.rule(in.Rule)
			cr.Indicators = append(cr.Indicators, Indicator{
				ID: in.ID, Verdict: o.verdict, Actual: o.actual, Target: o.target, Explanation: o.explain,
			})
		}
		cr.Verdict = combineAll(cr.Indicators)
		card.Criteria = append(card.Criteria, cr)
		card.Total++
		if cr.Verdict == Pass {
			card.Passed++
		}
	}
	card.Model = card.Total > 0 && card.Passed == card.Total
	return card
}

// rules counts a criterion's indicators.
func rules(c *criteria.Criterion) int {
	n := 0
	for _, in := range c.Inputs {
		if in.Rule != nil {
			n++
		}
	}
	return n
}

// combineAll: fail beats missing beats pass; not applicable never fails.
func combineAll(inds []Indicator) Verdict {
	v := Pass
	for _, in := range inds {
		switch in.Verdict {
		case Fail:
			return Fail
		case Missing:
			v = Missing
		}
	}
	return v
}

type evaluator struct {
	set  *criteria.Set
	vals Values
}

type outcome struct {
	verdict                 Verdict
	actual, target, explain string
}

func (e evaluator) rule(r *criteria.Rule) outcome {
	switch {
	case r.Any != nil:
		return e.any(r.Any)
	case r.All != nil:
		return e.all(r.All)
	}
	return e.leaf(r)
}

// any passes when one alternative passes; otherwise missing data in an alternative
// leaves the outcome open.
func (e evaluator) any(rs []*criteria.Rule) outcome {
	var outs []outcome
	for _, r := range rs {
		o := e.rule(r)
		if o.verdict == Pass {
			return o
		}
		outs = append(outs, o)
	}
	v := NA
	for _, o := range outs {
		if o.verdict == Missing {
			v = Missing
			break
		}
		if o.verdict == Fail {
			v = Fail
		}
	}
	return join(v, outs, "; hoặc ")
}

func (e evaluator) all(rs []*criteria.Rule) outcome {
	var outs []outcome
	v := Pass
	nas := 0
	for _, r := range rs {
		o := e.rule(r)
		outs = append(outs, o)
		switch o.verdict {
		case Fail:
			return o
		case Missing:
			v = Missing
		case NA:
			nas++
		}
	}
	if nas == len(outs) {
		v = NA
	}
	return join(v, outs, "; ")
}

func join(v Verdict, outs []outcome, sep string) outcome {
	var a, t, x []string
	for _, o := range outs {
		a, t, x = append(a, o.actual), append(t, o.target), append(x, o.explain)
	}
	return outcome{v, strings.Join(a, sep), strings.Join(t, sep), strings.Join(x, sep)}
}

func (e evaluator) num(id string, prev bool) (int64, bool) {
	r := e.vals[id]
	if prev {
		return r.Prev.V, r.Prev.OK
	}
	return r.Now.V, r.Now.OK
}

func (e evaluator) missing(id string, prev bool) outcome {
	which := "kỳ này"
	if prev {
		which = "cùng kỳ năm trước"
	}
	return outcome{verdict: Missing, explain: "thiếu số liệu " + id + " (" + which + ")"}
}

func (e evaluator) leaf(r *criteria.Rule) outcome {
	in := e.set.Input(r.Input)
	x, ok := e.num(r.Input, false)
	if !ok {
		return e.missing(r.Input, false)
	}
	target, _, ok := e.set.Resolve(r.Target)
	if !ok { // another input's value
		t, present := e.num(r.Target.Input, false)
		if !present {
			return e.missing(r.Target.Input, false)
		}
		target = big.NewRat(t, 1)
	}
	xr := big.NewRat(x, 1)
	switch r.Measure {
	case criteria.Ratio:
		d, ok := e.num(r.Other, false)
		if !ok {
			return e.missing(r.Other, false)
		}
		if d == 0 {
			return outcome{verdict: NA, actual: "—", target: opText(r.Op) + " " + exactPct(target),
				explain: "không áp dụng: " + r.Other + " bằng 0"}
		}
		ratio := new(big.Rat).SetFrac64(x, d)
		actual := pct(ratio, target)
		return decide(ratio, r.Op, target, actual, opText(r.Op)+" "+exactPct(target),
			criteria.FormatInt(x)+"/"+criteria.FormatInt(d)+" = "+actual)
	case criteria.Difference:
		o, ok := e.num(r.Other, false)
		if !ok {
			return e.missing(r.Other, false)
		}
		diff := big.NewRat(x-o, 1)
		actual := withUnit(x-o, in)
		return decide(diff, r.Op, target, actual, opText(r.Op)+" "+criteria.FormatDecimal(target, 4),
			withUnit(x, in)+", trừ "+criteria.FormatInt(o)+" do bất khả kháng hoặc kết luận không đúng, còn "+actual)
	case criteria.Change:
		p, ok := e.num(r.Input, true)
		if !ok {
			return e.missing(r.Input, true)
		}
		if p == 0 {
			o := e.leaf(r.ZeroBase)
			o.explain = "cùng kỳ năm trước bằng 0, kỳ này " + o.explain
			return o
		}
		change := new(big.Rat).SetFrac64(x-p, p)
		actual := changeText(change, target)
		return decide(change, r.Op, target, actual, changeTarget(r.Op, target),
			criteria.FormatInt(x)+" so với "+criteria.FormatInt(p)+" cùng kỳ: "+actual)
	}
	if in.Kind == criteria.Bool {
		return decide(xr, r.Op, target, yesNo(x), yesNo(target.Num().Int64()), yesNo(x))
	}
	what := withUnit(x, in)
	if r.Input != r.Owner {
		what = in.Label + ": " + what
	}
	return decide(xr, r.Op, target, withUnit(x, in), opText(r.Op)+" "+criteria.FormatDecimal(target, 4), what)
}

// decide compares exactly and writes the explanation "<what> (yêu cầu <target>)".
func decide(actual *big.Rat, op criteria.Op, target *big.Rat, actualText, targetText, what string) outcome {
	v := Fail
	if compare(actual, op, target) {
		v = Pass
	}
	return outcome{v, actualText, targetText, what + " (yêu cầu " + targetText + ")"}
}

func compare(a *big.Rat, op criteria.Op, b *big.Rat) bool {
	c := cmpRat(a, b)
	switch op {
	case criteria.GE:
		return c >= 0
	case criteria.GT:
		return c > 0
	case criteria.LE:
		return c <= 0
	case criteria.LT:
		return c < 0
	case criteria.EQ:
		return c == 0
	}
	return false
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
	an, ad, ok1 := fraction(a)
	bn, bd, ok2 := fraction(b)
	if !ok1 || !ok2 {
		return a.Cmp(b)
	}
	// Denominators are positive, so the order of a and b is that of an·bd and bn·ad.
	l, r := an*bd, bn*ad
	switch {
	case l < r:
		return -1
	case l > r:
		return 1
	}
	return 0
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
