// Package criteria holds the typed model of the Ministry's criteria set — areas,
// criteria, inputs, rules and named thresholds — and loads it from YAML with every
// problem reported against its line.
package criteria

import (
	"math/big"
	"slices"
)

// Kind is what an input holds.
type Kind string

const (
	Bool  Kind = "bool"  // Có/Không, read as 1/0
	Count Kind = "count" // a whole number ≥ 0
)

// Set is a whole criteria file: the thresholds, the areas and their criteria.
type Set struct {
	Version string
	Source  string // legal basis
	Params  []*Param
	Areas   []*Area

	params map[string]*Param
	inputs map[string]*Input
	// Computed once loaded, since every sheet of every form asks: the inputs in
	// form order and each one's wholes. Overrides change values, never these.
	inputList []*Input
	wholes    map[string][]*Input
}

// Area is one of the seven groups (nhóm) of criteria.
type Area struct {
	ID       string
	Name     string
	Criteria []*Criterion
}

// Criterion is one of the 22 criteria: it passes when every indicator passes or is
// not applicable.
type Criterion struct {
	ID       string // TC01 … TC22
	Name     string
	Area     *Area
	Inputs   []*Input
	Examples []*Example
}

// Input is one line of the data-entry form. An input with a Rule is also an
// indicator of its criterion; one without (a denominator, say) only feeds others.
type Input struct {
	ID        string
	Label     string
	Unit      string
	Kind      Kind
	YoY       bool   // the form also asks for the same period last year
	PartOf    string // the value may not exceed this input's (a part of a whole)
	Rule      *Rule
	Criterion *Criterion
	Line      int
}

// Param is a named threshold that rules refer to and users may override.
type Param struct {
	Name    string
	Label   string
	Value   *big.Rat
	Percent bool // shown and parsed as a percentage; Value is then a fraction
	Line    int
}

// Measure is what a rule compares with its target.
type Measure int

const (
	Value      Measure = iota // the input's value
	Ratio                     // the input divided by another input
	Difference                // the input minus another input
	Change                    // (this period − last year) / last year
)

// Op is a comparison; "<" and ">" are strict.
type Op string

const (
	GE Op = ">="
	GT Op = ">"
	LE Op = "<="
	LT Op = "<"
	EQ Op = "="
)

// Rule is one indicator's test. A leaf compares a measure of an input with a
// target; Any and All combine leaves. In criteria.yaml (rule.go reads it):
// value_of sets Input; share_of and minus set Measure and Other; at_least,
// above, at_most, below and equal set Op and Target; the decrease_ and increase_
// keys set Measure Change, Op and Target, and if_last_year_zero ZeroBase;
// any_of and all_of set Any and All; is: Có is Op = with the target 1.
type Rule struct {
	Owner   string  // the input the rule belongs to (the indicator)
	Input   string  // whose value is measured; Owner unless the rule says otherwise
	Measure Measure // with Other: the denominator (Ratio) or what is subtracted (Difference)
	Other   string
	Op      Op
	Target  Operand
	// ZeroBase decides a Change when last year's value is 0 and the change has no
	// meaning: it is a Value rule on this period's value.
	ZeroBase *Rule
	Any, All []*Rule
	Line     int
}

// Operand is a rule's target: a literal, a named parameter, or another input's
// value. Negate is set by the decrease keys: "decrease_at_least: p" is the change
// ≤ −p, the file itself never holds a sign.
type Operand struct {
	Lit     *big.Rat
	Percent bool // a literal written as a percentage
	Param   string
	Negate  bool
	Input   string
}

// Param returns the named threshold, or nil.
func (s *Set) Param(name string) *Param { return s.params[name] }

// Input returns the input with this id, or nil.
func (s *Set) Input(id string) *Input { return s.inputs[id] }

// Criteria returns every criterion in order.
func (s *Set) Criteria() []*Criterion {
	var cs []*Criterion
	for _, a := range s.Areas {
		cs = append(cs, a.Criteria...)
	}
	return cs
}

// Inputs returns every input in form order. The slice is shared: do not
// change it.
func (s *Set) Inputs() []*Input { return slices.Clip(s.inputList) }

func (s *Set) index() {
	s.inputList = nil
	for _, c := range s.Criteria() {
		s.inputList = append(s.inputList, c.Inputs...)
	}
	s.wholes = map[string][]*Input{}
	for _, in := range s.inputList {
		s.wholes[in.ID] = s.findWholes(in.ID)
	}
}

// Resolve gives an operand's value when it is not another input's; ok is false for
// an input operand or an unknown parameter.
func (s *Set) Resolve(o Operand) (v *big.Rat, percent, ok bool) {
	switch {
	case o.Lit != nil:
		v, percent = o.Lit, o.Percent
	case o.Param != "":
		p := s.params[o.Param]
		if p == nil {
			return nil, false, false
		}
		v, percent = p.Value, p.Percent
	default:
		return nil, false, false
	}
	if o.Negate {
		v = new(big.Rat).Neg(v)
	}
	return v, percent, true
}

// Text writes the threshold as users write it: "6 %", "1,5 %", "4".
func (p *Param) Text() string {
	if p.Percent {
		return FormatPercentN(p.Value, 4)
	}
	return FormatDecimal(p.Value, 4)
}
