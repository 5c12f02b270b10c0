package score

import (
	"fmt"
	"math/big"
	"strings"

	"dean/criteria"
)

// Evaluate scores one ward's values against the set.
func Evaluate(set *criteria.Set, vals Values) Card {
	e := evaluator{set: set, vals: vals}
	var card Card
	for _, c := range set.Criteria() {
		cr := Criterion{ID: c.ID, Name: c.Name}
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
	return outcome{verdict: Missing, explain: fmt.Sprintf("thiếu số liệu %s (%s)", id, which)}
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
				explain: fmt.Sprintf("không áp dụng: %s bằng 0", r.Other)}
		}
		ratio := new(big.Rat).SetFrac64(x, d)
		actual := pct(ratio, target)
		return decide(ratio, r.Op, target, actual, opText(r.Op)+" "+exactPct(target),
			fmt.Sprintf("%s/%s = %s", criteria.FormatInt(x), criteria.FormatInt(d), actual))
	case criteria.Difference:
		o, ok := e.num(r.Other, false)
		if !ok {
			return e.missing(r.Other, false)
		}
		diff := big.NewRat(x-o, 1)
		actual := criteria.FormatInt(x - o)
		return decide(diff, r.Op, target, actual, opText(r.Op)+" "+criteria.FormatDecimal(target, 4),
			fmt.Sprintf("%s, trừ %s do bất khả kháng hoặc kết luận không đúng, còn %s", withUnit(x, in), criteria.FormatInt(o), actual))
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
			fmt.Sprintf("%s so với %s cùng kỳ: %s", criteria.FormatInt(x), criteria.FormatInt(p), actual))
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
	c := a.Cmp(b)
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
	step := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d+2)), nil))
	if new(big.Rat).Abs(new(big.Rat).Sub(v, target)).Cmp(step) >= 0 {
		return criteria.FormatPercentN(v, d)
	}
	for ; ; d++ {
		s := criteria.FormatPercentN(v, d)
		if d >= 6 || v.Cmp(target) == 0 || s != criteria.FormatPercentN(target, d) {
			return s
		}
	}
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
