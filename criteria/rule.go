package criteria

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// The rule language. Each key says what it tests, so that the staff member who
// edits criteria.yaml next year reads a rule as a sentence, and no single
// character (a minus sign, say) can turn one meaning into another: a decrease is a
// key of its own, and a sign in a target is refused.

// comparison is a key that compares a measure with a target.
type comparison struct {
	key string
	op  Op
}

var comparisons = []comparison{
	{"at_least", GE}, // ít nhất, không dưới (≥)
	{"above", GT},    // trên, lớn hơn hẳn (>)
	{"at_most", LE},  // nhiều nhất, không quá (≤)
	{"below", LT},    // dưới, nhỏ hơn hẳn (<)
	{"equal", EQ},    // bằng (=)
}

// changeKey is a key that compares this period with the same period last year.
type changeKey struct {
	key    string
	op     Op
	negate bool // a decrease by p is a change ≤ −p
}

var changeKeys = []changeKey{
	{"decrease_at_least", LE, true},   // giảm ít nhất p
	{"decrease_more_than", LT, true},  // giảm hơn p
	{"increase_at_least", GE, false},  // tăng ít nhất p
	{"increase_more_than", GT, false}, // tăng hơn p
}

const (
	keyIs       = "is"
	keyValueOf  = "value_of"
	keyShareOf  = "share_of"
	keyMinus    = "minus"
	keyZeroBase = "if_last_year_zero"
	keyAnyOf    = "any_of"
	keyAllOf    = "all_of"
)

// oldKeys are the keys of the first rule language, which wrote a decrease as a
// negated parameter ("-giam_toi_pham_ttxh"): deleting the sign silently turned it
// into an increase. A file that still uses them is refused, with the new wording.
var oldKeys = map[string]bool{
	"op": true, "target": true, "ratio_of": true, "change": true, "zero_base": true,
	"input": true, "any": true, "all": true,
}

func compareKeys() []string {
	ks := make([]string, len(comparisons))
	for i, c := range comparisons {
		ks[i] = c.key
	}
	return ks
}

func changeKeyNames() []string {
	ks := make([]string, len(changeKeys))
	for i, c := range changeKeys {
		ks[i] = c.key
	}
	return ks
}

// ruleKeys lists every key a rule may have, for the message on an unknown one.
func ruleKeys() []string {
	ks := []string{keyIs, keyValueOf, keyShareOf, keyMinus}
	ks = append(ks, compareKeys()...)
	ks = append(ks, changeKeyNames()...)
	return append(ks, keyZeroBase, keyAnyOf, keyAllOf)
}

// rule reads one rule of owner. zeroBase is true for the rule under
// if_last_year_zero, which may only compare this period's value.
func (l *loader) rule(s *Set, owner *Input, measured string, n *yaml.Node, zeroBase bool) *Rule {
	what := "quy tắc của " + owner.ID
	if zeroBase {
		what = keyZeroBase + " của " + owner.ID
	}
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, "%s phải là một bảng khóa: giá trị, ví dụ {at_least: 4} hoặc {is: Có}", what)
		return nil
	}
	if l.oldRule(n) {
		return nil
	}
	allowed := compareKeys()
	if !zeroBase {
		allowed = ruleKeys()
	}
	m := l.mapping(n, what, allowed...)
	if m == nil {
		return nil
	}
	r := &Rule{Owner: owner.ID, Input: measured, Line: n.Line}
	if e, ok := m[keyValueOf]; ok {
		r.Input = l.inputRef(e)
	}
	for _, combo := range []string{keyAnyOf, keyAllOf} {
		e, ok := m[combo]
		if !ok {
			continue
		}
		if len(m) != 1 {
			l.add(n.Line, "quy tắc %s không đi kèm khóa nào khác", combo)
		}
		var subs []*Rule
		for _, sn := range l.seq(e.value, combo) {
			if sub := l.rule(s, owner, owner.ID, sn, false); sub != nil {
				subs = append(subs, sub)
			}
		}
		if len(subs) == 0 {
			l.add(e.value.Line, "quy tắc %s cần ít nhất một quy tắc con", combo)
		}
		if combo == keyAnyOf {
			r.Any = subs
		} else {
			r.All = subs
		}
		return r
	}
	if e, ok := m[keyIs]; ok {
		return l.isRule(s, r, m, e, n)
	}

	var cmps []entry
	for _, c := range comparisons {
		if e, ok := m[c.key]; ok {
			cmps = append(cmps, e)
			r.Op = c.op
		}
	}
	var change *changeKey
	for i, c := range changeKeys {
		if e, ok := m[c.key]; ok {
			cmps = append(cmps, e)
			change = &changeKeys[i]
			r.Op, r.Measure = c.op, Change
		}
	}
	switch {
	case len(cmps) == 0 && len(m) < len(n.Content)/2:
		return nil // an unknown key, already reported, was likely meant as one
	case len(cmps) == 0 && zeroBase:
		l.add(n.Line, "%s thiếu phép so sánh: một trong %s", what, strings.Join(compareKeys(), ", "))
		return nil
	case len(cmps) == 0:
		l.add(n.Line, "%s thiếu phép so sánh: một trong %s (hoặc %s với chỉ số so cùng kỳ, %s với Có/Không)",
			what, strings.Join(compareKeys(), ", "), strings.Join(changeKeyNames(), ", "), keyIs)
		return nil
	case len(cmps) > 1:
		keys := make([]string, len(cmps))
		for i, e := range cmps {
			keys[i] = e.key.Value
		}
		l.add(n.Line, "%s có %d phép so sánh (%s): mỗi quy tắc chỉ một; cần cả hai thì dùng all_of", what, len(cmps), strings.Join(keys, ", "))
		return nil
	}

	if e, ok := m[keyShareOf]; ok {
		r.Measure, r.Other = Ratio, l.inputRef(e)
	}
	if e, ok := m[keyMinus]; ok {
		if r.Measure == Ratio {
			l.add(n.Line, "một quy tắc chỉ có một trong %s, %s", keyShareOf, keyMinus)
		}
		r.Measure, r.Other = Difference, l.inputRef(e)
	}
	if change != nil && r.Other != "" {
		l.add(n.Line, "%s không đi kèm %s hay %s", cmps[0].key.Value, keyShareOf, keyMinus)
		r.Measure = Change
	}
	r.Target = l.operand(s, cmps[0], r.Measure, change != nil && change.negate)

	zb, hasZB := m[keyZeroBase]
	switch {
	case change != nil && hasZB:
		r.ZeroBase = l.rule(s, owner, r.Input, zb.value, true)
	case change != nil:
		l.add(n.Line, "quy tắc %s phải có %s: cách đánh giá khi cùng kỳ năm trước bằng 0, ví dụ %s: {equal: 0}",
			change.key, keyZeroBase, keyZeroBase)
	case hasZB:
		l.add(zb.key.Line, "%s chỉ dùng với %s", keyZeroBase, strings.Join(changeKeyNames(), ", "))
	}

	l.laterInput(s, r.Input, n.Line, Count)
	if r.Other != "" {
		l.laterInput(s, r.Other, n.Line, Count)
	}
	if change != nil {
		line, id := n.Line, r.Input
		l.later(func() {
			if in := s.inputs[id]; in != nil && !in.YoY {
				l.add(line, "%s cần chỉ số %q có yoy: true (biểu mẫu hỏi cả cùng kỳ năm trước)", change.key, id)
			}
		})
	}
	return r
}

// isRule reads {is: Có} or {is: Không}.
func (l *loader) isRule(s *Set, r *Rule, m map[string]entry, e entry, n *yaml.Node) *Rule {
	for k := range m {
		if k != keyIs && k != keyValueOf {
			l.add(n.Line, "quy tắc %s chỉ đi kèm %s, không đi kèm %s", keyIs, keyValueOf, k)
		}
	}
	v := e.value.Value
	if e.value.Kind != yaml.ScalarNode || (v != "Có" && v != "Không") {
		l.add(e.value.Line, "quy tắc %s nhận Có hoặc Không, không phải %q", keyIs, v)
	}
	r.Op = EQ
	r.Target = Operand{Lit: big.NewRat(boolValue(v), 1)}
	l.laterInput(s, r.Input, n.Line, Bool)
	return r
}

// inputRef reads the input id a key names (value_of, share_of, minus).
func (l *loader) inputRef(e entry) string {
	if e.value.Kind != yaml.ScalarNode || e.value.Value == "" {
		l.add(e.value.Line, "%s phải nêu một mã chỉ số", e.key.Value)
		return ""
	}
	return e.value.Value
}

// operand reads what a comparison key compares with: a number ("4", "100%"), a
// parameter's name, or {value_of: input}. negate turns a decrease into the
// change it bounds.
func (l *loader) operand(s *Set, e entry, measure Measure, negate bool) Operand {
	key, v := e.key.Value, e.value
	if v.Kind == yaml.MappingNode {
		tm := l.mapping(v, key, keyValueOf)
		ve, ok := tm[keyValueOf]
		if !ok {
			if len(v.Content) == 0 {
				l.add(v.Line, "%s: cần dạng {%s: mã chỉ số}", key, keyValueOf)
			}
			return Operand{}
		}
		if measure == Change {
			l.add(v.Line, "%s so với một tỷ lệ phần trăm hoặc tham số, không so với chỉ số khác", key)
			return Operand{}
		}
		id := l.inputRef(ve)
		l.laterInput(s, id, v.Line, Count)
		l.checkScale(v.Line, measure, false)
		return Operand{Input: id}
	}
	if v.Kind != yaml.ScalarNode {
		l.add(v.Line, "%s phải là một số, tên tham số hoặc {%s: mã chỉ số}", key, keyValueOf)
		return Operand{}
	}
	text := strings.TrimSpace(v.Value)
	switch {
	case text == "":
		l.add(v.Line, "%s thiếu giá trị (một số, tên tham số hoặc {%s: mã chỉ số})", key, keyValueOf)
		return Operand{}
	case strings.HasPrefix(text, "-"), strings.HasPrefix(text, "−"), strings.HasPrefix(text, "+"):
		l.add(v.Line, "%s %s: không ghi dấu + hay − (mức giảm viết bằng khóa decrease_at_least, mức tăng bằng increase_at_least)", key, text)
		return Operand{}
	}
	if idPattern.MatchString(text) {
		l.later(func() {
			p := s.params[text]
			if p == nil {
				if !l.invalid[text] {
					l.add(v.Line, "không có tham số %q", text)
				}
				return
			}
			l.checkScale(v.Line, measure, p.Percent)
		})
		return Operand{Param: text, Negate: negate}
	}
	val, pct, err := ParseNumber(text)
	if err != nil {
		l.add(v.Line, "%s: %v", key, err)
		return Operand{}
	}
	l.checkScale(v.Line, measure, pct)
	if !pct && !val.IsInt() {
		l.add(v.Line, "%s %s: giá trị đếm phải là số nguyên", key, text)
	}
	if msg := checkRange(&Param{Value: val, Percent: pct}); pct && msg != "" {
		l.add(v.Line, "%s %s: %s", key, text, msg)
	}
	return Operand{Lit: val, Percent: pct, Negate: negate}
}

func boolValue(s string) int64 {
	if s == "Có" {
		return 1
	}
	return 0
}

// laterInput checks, once every input is known, that a rule names an existing input
// of the kind it needs.
func (l *loader) laterInput(s *Set, id string, line int, kind Kind) {
	if id == "" {
		return // already reported
	}
	l.later(func() {
		in := s.inputs[id]
		switch {
		case in == nil:
			l.add(line, "quy tắc nêu chỉ số %q, không có trong bộ tiêu chí", id)
		case in.Kind != kind && (in.Kind == Bool || in.Kind == Count):
			l.add(line, "quy tắc cần chỉ số %q kiểu %s, nhưng nó là %s", id, kind, in.Kind)
		}
	})
}

// checkScale catches a count compared with a share or the reverse ("share ≥ 90"
// meant 90 %), which would otherwise never pass or always pass.
func (l *loader) checkScale(line int, m Measure, percent bool) {
	share := m == Ratio || m == Change
	switch {
	case share && !percent:
		l.add(line, "tỷ lệ và mức tăng, giảm phải so với một tỷ lệ phần trăm (ví dụ 90%%)")
	case !share && percent:
		l.add(line, "giá trị đếm phải so với một số, không phải tỷ lệ phần trăm")
	}
}

// oldRule reports a rule written with the first language's keys, with its
// rewriting when one exists, so that an old file is never misread.
func (l *loader) oldRule(n *yaml.Node) bool {
	var old []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; oldKeys[k] {
			old = append(old, k)
		}
	}
	if len(old) == 0 {
		return false
	}
	msg := fmt.Sprintf("quy tắc viết theo cách cũ (khóa %s), không còn dùng", strings.Join(old, ", "))
	text, ok := rewriteOld(n)
	switch {
	case ok:
		msg += "; viết lại: " + text
	case slices.Contains(old, "change"):
		// The slip the new keys exist for: a bound on the change that is neither
		// "decrease by at least" nor "increase by at least", as a lost sign leaves.
		msg += "; quy tắc này không rõ là mức giảm hay mức tăng: viết decrease_at_least (giảm ít nhất) " +
			"hoặc increase_at_least (tăng ít nhất), kèm if_last_year_zero"
	default:
		msg += "; xem cách viết mới ở đầu tệp criteria.yaml kèm theo dean"
	}
	l.add(n.Line, "%s", msg)
	return true
}

// rewriteOld writes an old rule in the new language; ok is false where there is
// no faithful rewriting (a change bounded the wrong way round, say).
func rewriteOld(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.MappingNode {
		return "", false
	}
	m := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = n.Content[i+1]
	}
	for old, key := range map[string]string{"any": keyAnyOf, "all": keyAllOf} {
		seq, ok := m[old]
		if !ok {
			continue
		}
		if len(m) != 1 || seq.Kind != yaml.SequenceNode {
			return "", false
		}
		parts := make([]string, len(seq.Content))
		for i, sn := range seq.Content {
			var ok bool
			if parts[i], ok = rewriteOld(sn); !ok {
				return "", false
			}
		}
		return "{" + key + ": [" + strings.Join(parts, ", ") + "]}", true
	}
	var parts []string
	if v, ok := m["input"]; ok {
		parts = append(parts, keyValueOf+": "+v.Value)
	}
	if v, ok := m["ratio_of"]; ok {
		parts = append(parts, keyShareOf+": "+v.Value)
	}
	if v, ok := m["minus"]; ok {
		parts = append(parts, keyMinus+": "+v.Value)
	}
	if v, ok := m["is"]; ok {
		return "{" + strings.Join(append(parts, keyIs+": "+v.Value), ", ") + "}", true
	}
	op, target := m["op"], m["target"]
	if op == nil || target == nil {
		return "", false
	}
	t := target.Value
	if target.Kind == yaml.MappingNode {
		if len(target.Content) != 2 || target.Content[0].Value != "input" {
			return "", false
		}
		t = "{" + keyValueOf + ": " + target.Content[1].Value + "}"
	}
	if _, ok := m["change"]; ok {
		name, neg := strings.CutPrefix(t, "-")
		var key string
		for _, c := range changeKeys {
			if Op(op.Value) == c.op && neg == c.negate {
				key = c.key
			}
		}
		zb, ok := m["zero_base"]
		if key == "" || !ok {
			return "", false
		}
		inner, ok := rewriteOld(zb)
		if !ok {
			return "", false
		}
		parts = append(parts, key+": "+name, keyZeroBase+": "+inner)
		return "{" + strings.Join(parts, ", ") + "}", true
	}
	if strings.HasPrefix(t, "-") {
		return "", false
	}
	for _, c := range comparisons {
		if Op(op.Value) == c.op {
			return "{" + strings.Join(append(parts, c.key+": "+t), ", ") + "}", true
		}
	}
	return "", false
}
