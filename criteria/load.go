package criteria

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Problem is one thing wrong in a criteria file, at a line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem found in one load; it is the error Parse returns.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Parse reads a criteria file. file names it in problems. It returns every problem
// at once, as Problems, and no set when there is any.
func Parse(data []byte, file string) (*Set, error) {
	l := &loader{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.add(yamlLine(err), "YAML không hợp lệ: %s", yamlMsg(err))
		return nil, l.problems
	}
	if len(doc.Content) == 0 {
		l.add(0, "tệp rỗng")
		return nil, l.problems
	}
	s := l.set(doc.Content[0])
	if len(l.problems) > 0 {
		sortProblems(l.problems)
		return nil, l.problems
	}
	return s, nil
}

type loader struct {
	file     string
	problems Problems
	pending  []func()        // checks that need every input and parameter known
	invalid  map[string]bool // parameters declared with a bad value, already reported
}

func (l *loader) add(line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{l.file, line, fmt.Sprintf(format, args...)})
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func (l *loader) set(n *yaml.Node) *Set {
	s := &Set{params: map[string]*Param{}, inputs: map[string]*Input{}}
	l.invalid = map[string]bool{}
	m := l.mapping(n, "tệp tiêu chí", "version", "source", "params", "areas")
	if m == nil {
		return s
	}
	s.Version = l.str(m, "version", true)
	s.Source = l.str(m, "source", false)
	if p, ok := m["params"]; ok {
		l.params(s, p.value)
	}
	if a, ok := m["areas"]; ok {
		l.areas(s, a.value)
	} else {
		l.add(n.Line, "thiếu khóa %q", "areas")
	}
	for _, f := range l.pending {
		f()
	}
	return s
}

type entry struct {
	key   *yaml.Node
	value *yaml.Node
}

// mapping checks that n is a mapping whose keys are all allowed and unique.
func (l *loader) mapping(n *yaml.Node, what string, allowed ...string) map[string]entry {
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, "%s phải là một bảng khóa: giá trị", what)
		return nil
	}
	m := map[string]entry{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(allowed, k.Value) {
			l.add(k.Line, "khóa không hợp lệ %q trong %s (được dùng: %s)", k.Value, what, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := m[k.Value]; dup {
			l.add(k.Line, "khóa %q lặp lại trong %s", k.Value, what)
			continue
		}
		m[k.Value] = entry{k, v}
	}
	return m
}

func (l *loader) str(m map[string]entry, key string, required bool) string {
	e, ok := m[key]
	if !ok {
		if required {
			l.add(0, "thiếu khóa %q", key)
		}
		return ""
	}
	if e.value.Kind != yaml.ScalarNode || e.value.Value == "" {
		l.add(e.value.Line, "%q phải là một giá trị chữ, không rỗng", key)
		return ""
	}
	return e.value.Value
}

func (l *loader) params(s *Set, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, "params phải là một bảng tên: giá trị")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if !idPattern.MatchString(name) {
			l.add(k.Line, "tên tham số %q không hợp lệ (chỉ chữ thường không dấu, số và _)", name)
			continue
		}
		if s.params[name] != nil {
			l.add(k.Line, "tham số %q khai báo hai lần (lần đầu ở dòng %d)", name, s.params[name].Line)
			continue
		}
		p := &Param{Name: name, Line: k.Line}
		l.invalid[name] = true // until its value proves good
		valueNode := v
		if v.Kind == yaml.MappingNode {
			m := l.mapping(v, "tham số "+name, "value", "label")
			p.Label = l.str(m, "label", false)
			e, ok := m["value"]
			if !ok {
				l.add(v.Line, "tham số %q thiếu khóa %q", name, "value")
				continue
			}
			valueNode = e.value
		}
		if valueNode.Kind != yaml.ScalarNode {
			l.add(valueNode.Line, "giá trị của tham số %q phải là một số", name)
			continue
		}
		val, pct, err := ParseNumber(valueNode.Value)
		if err != nil {
			l.add(valueNode.Line, "tham số %q: %v", name, err)
			continue
		}
		p.Value, p.Percent = val, pct
		if msg := checkRange(p); msg != "" {
			l.add(valueNode.Line, "tham số %q: %s", name, msg)
			continue
		}
		delete(l.invalid, name)
		s.params[name] = p
		s.Params = append(s.Params, p)
	}
}

// checkRange keeps thresholds meaningful: a share between 0 and 100 %, a count a
// whole number ≥ 0.
func checkRange(p *Param) string {
	if p.Percent {
		if p.Value.Sign() < 0 || p.Value.Cmp(big.NewRat(1, 1)) > 0 {
			return fmt.Sprintf("tỷ lệ %s nằm ngoài khoảng 0 %% – 100 %%", FormatPercent(p.Value))
		}
		// Reports print a threshold with up to 4 decimals; a finer one would be
		// shown rounded beside a verdict it seems to contradict.
		if !new(big.Rat).Mul(p.Value, big.NewRat(1_000_000, 1)).IsInt() {
			return "tỷ lệ chỉ ghi tối đa 4 chữ số thập phân (ví dụ 1,2345 %)"
		}
		return ""
	}
	if !p.Value.IsInt() || p.Value.Sign() < 0 {
		return fmt.Sprintf("%s phải là số nguyên ≥ 0 (tỷ lệ thì viết kèm %%, ví dụ 6%%)", FormatDecimal(p.Value, 4))
	}
	return ""
}

func (l *loader) seq(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		l.add(n.Line, "%s phải là một danh sách", what)
		return nil
	}
	return n.Content
}

func (l *loader) areas(s *Set, n *yaml.Node) {
	areaIDs := map[string]int{}
	critIDs := map[string]int{}
	for _, an := range l.seq(n, "areas") {
		m := l.mapping(an, "nhóm tiêu chí", "id", "name", "criteria")
		if m == nil {
			continue
		}
		a := &Area{ID: l.str(m, "id", false), Name: l.str(m, "name", false)}
		if a.ID == "" {
			l.add(an.Line, "nhóm tiêu chí thiếu %q", "id")
		} else if first, dup := areaIDs[a.ID]; dup {
			l.add(an.Line, "mã nhóm %q trùng với nhóm ở dòng %d", a.ID, first)
		} else {
			areaIDs[a.ID] = an.Line
		}
		if e, ok := m["criteria"]; ok {
			for _, cn := range l.seq(e.value, "criteria") {
				if c := l.criterion(s, a, cn, critIDs); c != nil {
					a.Criteria = append(a.Criteria, c)
				}
			}
		}
		s.Areas = append(s.Areas, a)
	}
}

func (l *loader) criterion(s *Set, a *Area, n *yaml.Node, ids map[string]int) *Criterion {
	m := l.mapping(n, "tiêu chí", "id", "name", "inputs")
	if m == nil {
		return nil
	}
	c := &Criterion{ID: l.str(m, "id", false), Name: l.str(m, "name", false), Area: a}
	if c.ID == "" {
		l.add(n.Line, "tiêu chí thiếu %q", "id")
	} else if first, dup := ids[c.ID]; dup {
		l.add(n.Line, "mã tiêu chí %q trùng với tiêu chí ở dòng %d", c.ID, first)
	} else {
		ids[c.ID] = n.Line
	}
	if e, ok := m["inputs"]; ok {
		for _, in := range l.seq(e.value, "inputs") {
			if i := l.input(s, c, in); i != nil {
				c.Inputs = append(c.Inputs, i)
			}
		}
	}
	if len(c.Inputs) == 0 {
		l.add(n.Line, "tiêu chí %s không có chỉ số nào", c.ID)
	}
	return c
}

func (l *loader) input(s *Set, c *Criterion, n *yaml.Node) *Input {
	m := l.mapping(n, "chỉ số", "id", "kind", "label", "unit", "yoy", "part_of", "rule")
	if m == nil {
		return nil
	}
	in := &Input{
		ID: l.str(m, "id", false), Label: l.str(m, "label", false), Unit: l.str(m, "unit", false),
		Kind: Kind(l.str(m, "kind", false)), PartOf: l.str(m, "part_of", false),
		Criterion: c, Line: n.Line,
	}
	switch {
	case in.ID == "":
		l.add(n.Line, "chỉ số thiếu %q", "id")
		return nil
	case !idPattern.MatchString(in.ID):
		l.add(m["id"].value.Line, "mã chỉ số %q không hợp lệ (chỉ chữ thường không dấu, số và _)", in.ID)
	case s.inputs[in.ID] != nil:
		l.add(n.Line, "mã chỉ số %q trùng với chỉ số ở dòng %d", in.ID, s.inputs[in.ID].Line)
		return nil
	}
	s.inputs[in.ID] = in
	if in.Kind != Bool && in.Kind != Count {
		l.add(n.Line, "chỉ số %q: kind phải là bool hoặc count, không phải %q", in.ID, in.Kind)
	}
	if in.Label == "" {
		l.add(n.Line, "chỉ số %q thiếu %q", in.ID, "label")
	}
	if e, ok := m["yoy"]; ok {
		if err := e.value.Decode(&in.YoY); err != nil {
			l.add(e.value.Line, "chỉ số %q: yoy phải là true hoặc false", in.ID)
		}
	}
	if in.PartOf != "" {
		line := m["part_of"].value.Line
		l.later(func() {
			if s.inputs[in.PartOf] == nil {
				l.add(line, "chỉ số %q: part_of nêu chỉ số %q, không có trong bộ tiêu chí", in.ID, in.PartOf)
			}
		})
	}
	if e, ok := m["rule"]; ok {
		in.Rule = l.rule(s, in, e.value, false)
	}
	return in
}

func (l *loader) later(f func()) { l.pending = append(l.pending, f) }

// rule reads one rule. inner is true for a zero_base rule, which may only compare.
func (l *loader) rule(s *Set, owner *Input, n *yaml.Node, inner bool) *Rule {
	m := l.mapping(n, "quy tắc của "+owner.ID, "is", "input", "op", "target", "ratio_of", "minus", "change", "zero_base", "any", "all")
	if m == nil {
		return nil
	}
	r := &Rule{Owner: owner.ID, Input: owner.ID, Line: n.Line}
	if e, ok := m["input"]; ok {
		r.Input = e.value.Value
	}
	for _, combo := range []string{"any", "all"} {
		e, ok := m[combo]
		if !ok {
			continue
		}
		if len(m) != 1 {
			l.add(n.Line, "quy tắc %q không đi kèm khóa nào khác", combo)
		}
		var subs []*Rule
		for _, sn := range l.seq(e.value, combo) {
			if sub := l.rule(s, owner, sn, false); sub != nil {
				subs = append(subs, sub)
			}
		}
		if len(subs) == 0 {
			l.add(e.value.Line, "quy tắc %q cần ít nhất một quy tắc con", combo)
		}
		if combo == "any" {
			r.Any = subs
		} else {
			r.All = subs
		}
		return r
	}
	if e, ok := m["is"]; ok {
		if e.value.Value != "Có" && e.value.Value != "Không" {
			l.add(e.value.Line, "quy tắc is nhận Có hoặc Không, không phải %q", e.value.Value)
		}
		r.Op = EQ
		r.Target = Operand{Lit: big.NewRat(boolValue(e.value.Value), 1)}
		l.laterInput(s, r.Input, n.Line, Bool)
		return r
	}
	forms := 0
	if e, ok := m["ratio_of"]; ok {
		r.Measure, r.Other = Ratio, e.value.Value
		forms++
	}
	if e, ok := m["minus"]; ok {
		r.Measure, r.Other = Difference, e.value.Value
		forms++
	}
	if e, ok := m["change"]; ok {
		var yes bool
		if err := e.value.Decode(&yes); err != nil || !yes {
			l.add(e.value.Line, "change chỉ nhận giá trị true")
		}
		r.Measure = Change
		forms++
	}
	if forms > 1 {
		l.add(n.Line, "một quy tắc chỉ có một trong ratio_of, minus, change")
	}
	if inner && r.Measure != Value {
		l.add(n.Line, "zero_base chỉ so sánh giá trị kỳ này (op, target)")
	}
	r.Op = l.op(m, n)
	r.Target = l.operand(s, m, n, r)
	if e, ok := m["zero_base"]; ok {
		if r.Measure != Change {
			l.add(e.key.Line, "zero_base chỉ dùng với change")
		} else {
			r.ZeroBase = l.rule(s, owner, e.value, true)
		}
	} else if r.Measure == Change {
		l.add(n.Line, "quy tắc change phải nêu zero_base: cách đánh giá khi cùng kỳ năm trước bằng 0")
	}
	l.laterInput(s, r.Input, n.Line, Count)
	if r.Other != "" {
		l.laterInput(s, r.Other, n.Line, Count)
	}
	if r.Measure == Change {
		line, id := n.Line, r.Input
		l.later(func() {
			if in := s.inputs[id]; in != nil && !in.YoY {
				l.add(line, "quy tắc change cần chỉ số %q có yoy: true", id)
			}
		})
	}
	return r
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

var ops = []Op{GE, GT, LE, LT, EQ}

func (l *loader) op(m map[string]entry, n *yaml.Node) Op {
	e, ok := m["op"]
	if !ok {
		l.add(n.Line, "quy tắc thiếu %q (một trong >=, >, <=, <, =)", "op")
		return ""
	}
	for _, o := range ops {
		if Op(e.value.Value) == o {
			return o
		}
	}
	l.add(e.value.Line, "phép so sánh %q không hợp lệ (một trong >=, >, <=, <, =)", e.value.Value)
	return ""
}

func (l *loader) operand(s *Set, m map[string]entry, n *yaml.Node, r *Rule) Operand {
	e, ok := m["target"]
	if !ok {
		l.add(n.Line, "quy tắc thiếu %q", "target")
		return Operand{}
	}
	v := e.value
	if v.Kind == yaml.MappingNode {
		tm := l.mapping(v, "target", "input")
		if tm == nil {
			return Operand{}
		}
		id := l.str(tm, "input", true)
		l.laterInput(s, id, v.Line, Count)
		l.checkScale(v.Line, r.Measure, false)
		return Operand{Input: id}
	}
	if v.Kind != yaml.ScalarNode {
		l.add(v.Line, "target phải là một số, tên tham số hoặc {input: mã chỉ số}")
		return Operand{}
	}
	text := v.Value
	if name, neg := strings.CutPrefix(text, "-"); idPattern.MatchString(name) {
		o := Operand{Param: name, Negate: neg}
		measure := r.Measure
		l.later(func() {
			p := s.params[name]
			if p == nil {
				if !l.invalid[name] {
					l.add(v.Line, "không có tham số %q", name)
				}
				return
			}
			l.checkScale(v.Line, measure, p.Percent)
		})
		return o
	}
	val, pct, err := ParseNumber(text)
	if err != nil {
		l.add(v.Line, "target: %v", err)
		return Operand{}
	}
	l.checkScale(v.Line, r.Measure, pct)
	if !pct && !val.IsInt() {
		l.add(v.Line, "target %s: giá trị đếm phải là số nguyên", text)
	}
	if msg := checkRange(&Param{Value: val, Percent: pct}); pct && msg != "" {
		l.add(v.Line, "target %s: %s", text, msg)
	}
	return Operand{Lit: val, Percent: pct}
}

// checkScale catches a count compared with a share or the reverse ("ratio >= 90"
// meant 90 %), which would otherwise never pass or always pass.
func (l *loader) checkScale(line int, m Measure, percent bool) {
	share := m == Ratio || m == Change
	switch {
	case share && !percent:
		l.add(line, "tỷ lệ và mức thay đổi phải so với một tỷ lệ phần trăm (ví dụ 90%%)")
	case !share && percent:
		l.add(line, "giá trị đếm phải so với một số, không phải tỷ lệ phần trăm")
	}
}

// yamlLine digs the line out of a yaml.v3 syntax error ("yaml: line 12: ...").
func yamlLine(err error) int {
	var line int
	fmt.Sscanf(strings.TrimPrefix(err.Error(), "yaml: "), "line %d:", &line)
	return line
}

func yamlMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
		msg = msg[i+2:]
	}
	return msg
}

// sortProblems orders problems by line so a long list reads top to bottom.
func sortProblems(ps Problems) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
}
