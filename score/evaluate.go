package score

import (
	"math/big"

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
			f := e.rule(in.Rule)
			cr.Indicators = append(cr.Indicators, Indicator{ID: in.ID, Verdict: f.verdict, set: set, fact: f})
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

// fact is what a rule was decided on: the verdict and the numbers, from which the
// words are written only when an output asks for them (a nationwide run scores
// hundreds of thousands of indicators and keeps every card).
type fact struct {
	rule    *criteria.Rule
	verdict Verdict
	// x is the measured input's value this period; other the denominator (a
	// share) or what is subtracted (a difference); prev last year's value; tgt
	// the target when it is another input's value.
	x, other, prev, tgt int64
	// subs are the alternatives evaluated (any/all), or the zero-base rule that
	// decided a change from a last year of 0; nil for most rules.
	subs *[]fact
	// lack says which of the rule's inputs has no value; none when all do.
	lack lack
	// decisive is the alternative whose words alone explain the verdict; -1 when
	// the words are every alternative's, joined.
	decisive int8
}

// lack is which value a rule missed.
type lack uint8

const (
	none       lack = iota
	lackInput       // the measured input, this period
	lackPrev        // the measured input, last year
	lackTarget      // the input that is the target
	lackOther       // the denominator, or what is subtracted
)

// id is the missing input's id, and whether it is last year's value.
func (l lack) id(r *criteria.Rule) (string, bool) {
	switch l {
	case lackPrev:
		return r.Input, true
	case lackTarget:
		return r.Target.Input, false
	case lackOther:
		return r.Other, false
	}
	return r.Input, false
}

func (e evaluator) rule(r *criteria.Rule) fact {
	switch {
	case r.Any != nil:
		return e.any(r)
	case r.All != nil:
		return e.all(r)
	}
	return e.leaf(r)
}

// any passes when one alternative passes; otherwise missing data in an alternative
// leaves the outcome open.
func (e evaluator) any(r *criteria.Rule) fact {
	subs := make([]fact, 0, len(r.Any))
	f := fact{rule: r, decisive: -1, subs: &subs}
	for _, sub := range r.Any {
		o := e.rule(sub)
		subs = append(subs, o)
		if o.verdict == Pass {
			f.verdict, f.decisive = Pass, int8(len(subs)-1)
			return f
		}
	}
	f.verdict = NA
	for _, o := range subs {
		if o.verdict == Missing {
			f.verdict = Missing
			break
		}
		if o.verdict == Fail {
			f.verdict = Fail
		}
	}
	return f
}

func (e evaluator) all(r *criteria.Rule) fact {
	subs := make([]fact, 0, len(r.All))
	f := fact{rule: r, decisive: -1, verdict: Pass, subs: &subs}
	nas := 0
	for _, sub := range r.All {
		o := e.rule(sub)
		subs = append(subs, o)
		switch o.verdict {
		case Fail:
			f.verdict, f.decisive = Fail, int8(len(subs)-1)
			return f
		case Missing:
			f.verdict = Missing
		case NA:
			nas++
		}
	}
	if nas == len(subs) {
		f.verdict = NA
	}
	return f
}

func (e evaluator) num(id string, prev bool) (int64, bool) {
	r := e.vals[id]
	if prev {
		return r.Prev.V, r.Prev.OK
	}
	return r.Now.V, r.Now.OK
}

func lacking(r *criteria.Rule, l lack) fact {
	return fact{rule: r, verdict: Missing, lack: l, decisive: -1}
}

func (e evaluator) leaf(r *criteria.Rule) fact {
	f := fact{rule: r, decisive: -1}
	var ok bool
	if f.x, ok = e.num(r.Input, false); !ok {
		return lacking(r, lackInput)
	}
	target, _, ok := e.set.Resolve(r.Target)
	if !ok { // another input's value
		if f.tgt, ok = e.num(r.Target.Input, false); !ok {
			return lacking(r, lackTarget)
		}
		target = big.NewRat(f.tgt, 1)
	}
	// The actual value is the fraction n/d, d > 0, compared with the target
	// exactly and, for the small numbers counts are, without math/big.
	var n, d int64 = f.x, 1
	switch r.Measure {
	case criteria.Ratio:
		if f.other, ok = e.num(r.Other, false); !ok {
			return lacking(r, lackOther)
		}
		if f.other == 0 {
			f.verdict = NA
			return f
		}
		n, d = f.x, f.other
	case criteria.Difference:
		if f.other, ok = e.num(r.Other, false); !ok {
			return lacking(r, lackOther)
		}
		n = f.x - f.other
	case criteria.Change:
		if f.prev, ok = e.num(r.Input, true); !ok {
			return lacking(r, lackPrev)
		}
		if f.prev == 0 {
			z := []fact{e.leaf(r.ZeroBase)}
			f.verdict, f.subs, f.decisive = z[0].verdict, &z, 0
			return f
		}
		n, d = f.x-f.prev, f.prev
	}
	if d < 0 {
		n, d = -n, -d
	}
	f.verdict = Fail
	if compare(cmpFrac(n, d, target), r.Op) {
		f.verdict = Pass
	}
	return f
}

// compare says whether c, the order of the actual value against the target
// (-1, 0, 1), satisfies op.
func compare(c int, op criteria.Op) bool {
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
