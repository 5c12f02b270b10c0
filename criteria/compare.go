package criteria

import (
	"fmt"
	"slices"
	"strings"
)

// ParamChange is a threshold whose value in use differs from the base set's, each
// written as users write it ("5 %", "6 %"). Used or Base is "" when that set has
// no such threshold.
type ParamChange struct {
	Name, Label string
	Used, Base  string
}

// Changes is how a criteria set in use departs from a base set (the bundled one),
// so that results scored with other thresholds or another file say so.
type Changes struct {
	Version, BaseVersion string
	Params               []ParamChange // in the order of the set in use, then the base's
	// Rules is true when what decides a verdict differs beyond the thresholds:
	// areas, criteria, inputs, kinds, rules, or which thresholds a rule names.
	Rules bool
	// Wording is true when only what is read differs: names, labels, units, the
	// legal basis, the version, or the examples.
	Wording bool
}

// None reports whether the set in use is the base set in all but layout.
func (c Changes) None() bool { return len(c.Params) == 0 && !c.Rules && !c.Wording }

// Lines says the changes in Vietnamese, one sentence each, for a report or a
// command's output; none when there is nothing to disclose.
func (c Changes) Lines() []string {
	var lines []string
	if c.Version != c.BaseVersion {
		lines = append(lines, fmt.Sprintf("Bộ tiêu chí phiên bản %s, bộ tiêu chí gốc phiên bản %s.", c.Version, c.BaseVersion))
	}
	if c.Rules {
		lines = append(lines, "Quy tắc chấm khác bộ tiêu chí gốc: kết quả có thể khác cả ngoài các ngưỡng.")
	} else if c.Wording {
		lines = append(lines, "Tên, nội dung chỉ số hoặc ví dụ khác bộ tiêu chí gốc; quy tắc chấm như nhau.")
	}
	for _, p := range c.Params {
		label := ""
		if p.Label != "" {
			label = " (" + p.Label + ")"
		}
		switch {
		case p.Base == "":
			lines = append(lines, fmt.Sprintf("Ngưỡng %s%s: %s, không có trong bộ tiêu chí gốc.", p.Name, label, p.Used))
		case p.Used == "":
			lines = append(lines, fmt.Sprintf("Ngưỡng %s%s của bộ tiêu chí gốc (%s) không được dùng.", p.Name, label, p.Base))
		default:
			lines = append(lines, fmt.Sprintf("Ngưỡng %s%s: dùng %s, bộ tiêu chí gốc %s.", p.Name, label, p.Used, p.Base))
		}
	}
	return lines
}

// Compare says how used departs from base: the thresholds whose values differ,
// and whether the rules or only the wording differ.
func Compare(used, base *Set) Changes {
	c := Changes{
		Version: used.Version, BaseVersion: base.Version,
		Rules:   used.rulesText() != base.rulesText(),
		Wording: used.wordingText() != base.wordingText(),
	}
	for _, p := range used.Params {
		b := base.Param(p.Name)
		if b != nil && b.Label != p.Label {
			c.Wording = true
		}
		switch {
		case b == nil:
			c.Params = append(c.Params, ParamChange{Name: p.Name, Label: p.Label, Used: p.Text()})
		case p.Value.Cmp(b.Value) != 0 || p.Percent != b.Percent:
			c.Params = append(c.Params, ParamChange{Name: p.Name, Label: p.Label, Used: p.Text(), Base: b.Text()})
		}
	}
	for _, b := range base.Params {
		if used.Param(b.Name) == nil {
			c.Params = append(c.Params, ParamChange{Name: b.Name, Label: b.Label, Base: b.Text()})
		}
	}
	return c
}

// rulesText is a canonical form of everything that decides a verdict, threshold
// values aside: two sets with the same text score alike under the same thresholds.
func (s *Set) rulesText() string {
	var b strings.Builder
	for _, a := range s.Areas {
		fmt.Fprintf(&b, "area %q\n", a.ID)
		for _, c := range a.Criteria {
			fmt.Fprintf(&b, " criterion %q\n", c.ID)
			for _, in := range c.Inputs {
				fmt.Fprintf(&b, "  input %q %s yoy=%v part_of=%q\n", in.ID, in.Kind, in.YoY, in.PartOf)
				writeRule(&b, in.Rule, "   ")
			}
		}
	}
	return b.String()
}

func writeRule(b *strings.Builder, r *Rule, indent string) {
	if r == nil {
		return
	}
	t := r.Target
	lit := ""
	if t.Lit != nil {
		lit = t.Lit.RatString()
	}
	fmt.Fprintf(b, "%srule owner=%q input=%q measure=%d other=%q op=%q lit=%s%%%v param=%q neg=%v target_input=%q any=%d all=%d\n",
		indent, r.Owner, r.Input, r.Measure, r.Other, r.Op, lit, t.Percent, t.Param, t.Negate, t.Input, len(r.Any), len(r.All))
	if r.ZeroBase != nil {
		writeRule(b, r.ZeroBase, indent+" zero ")
	}
	for _, sub := range r.Any {
		writeRule(b, sub, indent+" any ")
	}
	for _, sub := range r.All {
		writeRule(b, sub, indent+" all ")
	}
}

// wordingText is a canonical form of what a reader sees and no verdict depends on,
// thresholds' labels aside (Compare sets them against each other).
func (s *Set) wordingText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q\n", s.Version, s.Source)
	for _, a := range s.Areas {
		fmt.Fprintf(&b, "area %q\n", a.Name)
		for _, c := range a.Criteria {
			fmt.Fprintf(&b, " criterion %q\n", c.Name)
			for _, in := range c.Inputs {
				fmt.Fprintf(&b, "  input %q %q\n", in.Label, in.Unit)
			}
			for _, ex := range c.Examples {
				fmt.Fprintf(&b, "  example %q\n", ex.Name)
				ids := make([]string, 0, len(ex.Values))
				for id := range ex.Values {
					ids = append(ids, id)
				}
				slices.Sort(ids)
				for _, id := range ids {
					v := ex.Values[id]
					fmt.Fprintf(&b, "   %q now=%s last_year=%s\n", id, optional(v.Now), optional(v.LastYear))
				}
				for _, e := range ex.Expect {
					fmt.Fprintf(&b, "   expect %q %s\n", e.ID, e.Verdict)
				}
			}
		}
	}
	return b.String()
}

func optional(v *int64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprint(*v)
}
