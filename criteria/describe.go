package criteria

import (
	"fmt"
	"strings"
)

// Describe writes a rule as a short formula a reader can check against the data
// dictionary: "toi_pham_ttxh: thay đổi ≤ −6 % (giam_toi_pham_ttxh); cùng kỳ = 0: = 0".
func (s *Set) Describe(r *Rule) string {
	switch {
	case r.Any != nil:
		return s.describeAll(r.Any, " hoặc ")
	case r.All != nil:
		return s.describeAll(r.All, " và ")
	}
	var lhs string
	switch r.Measure {
	case Ratio:
		lhs = r.Input + " / " + r.Other
	case Difference:
		lhs = r.Input + " − " + r.Other
	case Change:
		return s.describeChange(r)
	default:
		lhs = r.Input
	}
	return fmt.Sprintf("%s %s %s", lhs, opSymbol(r.Op), s.operandText(r.Target, r.Input))
}

// describeChange writes a year-over-year rule as its key reads: "toi_pham_ttxh
// giảm ≥ 6 % (giam_toi_pham_ttxh) so với cùng kỳ (cùng kỳ bằng 0: toi_pham_ttxh = 0)".
func (s *Set) describeChange(r *Rule) string {
	target := r.Target
	target.Negate = false
	verb, op := "tăng", r.Op
	if r.Target.Negate {
		verb = "giảm"
		op = map[Op]Op{LE: GE, LT: GT}[r.Op]
	}
	text := fmt.Sprintf("%s %s %s %s so với cùng kỳ", r.Input, verb, opSymbol(op), s.operandText(target, r.Input))
	if r.ZeroBase != nil {
		text += fmt.Sprintf(" (cùng kỳ bằng 0: %s)", s.Describe(r.ZeroBase))
	}
	return text
}

func (s *Set) describeAll(rs []*Rule, sep string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = "(" + s.Describe(r) + ")"
	}
	return strings.Join(parts, sep)
}

func (s *Set) operandText(o Operand, input string) string {
	if o.Input != "" {
		return o.Input
	}
	v, pct, ok := s.Resolve(o)
	if !ok {
		return "?"
	}
	text := FormatDecimal(v, 4)
	if pct {
		text = FormatPercentN(v, 4)
	}
	if in := s.Input(input); o.Param == "" && in != nil && in.Kind == Bool {
		text = map[bool]string{true: "Có", false: "Không"}[v.Sign() != 0]
	}
	if o.Param != "" {
		text += " (" + o.Param + ")"
	}
	return text
}

func opSymbol(op Op) string {
	switch op {
	case GE:
		return "≥"
	case LE:
		return "≤"
	}
	return string(op)
}
