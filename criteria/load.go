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

var (
	idPattern   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	decimalTail = regexp.MustCompile(`^[0-9]+ ?%?$`)
)

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
	s.index() // the checks below ask for inputs in form order
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
			hint := ""
			if decimalTail.MatchString(k.Value) {
				// {value: 1,5%} reads as {value: 1, 5%: null}: YAML splits at the comma.
				hint = `; số có dấu phẩy thập phân trong {…} phải đặt trong ngoặc kép, ví dụ "1,5%"`
			}
			l.add(k.Line, "khóa không hợp lệ %q trong %s (được dùng: %s)%s", k.Value, what, strings.Join(allowed, ", "), hint)
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
	m := l.mapping(n, "tiêu chí", "id", "name", "inputs", "examples")
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
	if e, ok := m["examples"]; ok {
		l.examples(s, c, e.value)
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
		in.Rule = l.rule(s, in, in.ID, e.value, false)
	}
	return in
}

func (l *loader) later(f func()) { l.pending = append(l.pending, f) }

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
