package criteria

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// Example is a case written beside its criterion in criteria.yaml: values for some
// inputs, and the verdict some indicators must get. score.CheckExamples runs them
// (`dean criteria check`), so that a rule edited by mistake is caught by name.
type Example struct {
	Name   string // what it guards, in a sentence: "giảm đúng 6 % thì đạt"
	Values map[string]ExampleValue
	Expect []Expectation
	Line   int
}

// ExampleValue is one input's values in an example; nil is a cell left empty.
type ExampleValue struct {
	Now, LastYear *int64
}

// Expectation is the verdict one indicator, or the criterion itself when ID is
// the criterion's, must get.
type Expectation struct {
	ID      string
	Verdict string // "pass", "fail", "na" or "missing": the codes of score.Verdict
	Line    int
}

// verdictWords are the words an example expects, as reports print them.
var verdictWords = []struct{ word, code string }{
	{"Đạt", "pass"},
	{"Không đạt", "fail"},
	{"Không áp dụng", "na"},
	{"Thiếu dữ liệu", "missing"},
}

// VerdictWord is the Vietnamese word for a verdict code ("fail" -> "Không đạt").
func VerdictWord(code string) string {
	for _, w := range verdictWords {
		if w.code == code {
			return w.word
		}
	}
	return code
}

// verdictCode reads a verdict word in any case and Unicode form.
func verdictCode(word string) (string, bool) {
	key := strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(word), " ")))
	for _, w := range verdictWords {
		if strings.ToLower(w.word) == key {
			return w.code, true
		}
	}
	return "", false
}

func (l *loader) examples(s *Set, c *Criterion, n *yaml.Node) {
	names := map[string]int{}
	for _, en := range l.seq(n, "examples") {
		m := l.mapping(en, "ví dụ của "+c.ID, "name", "values", "expect")
		if m == nil {
			continue
		}
		ex := &Example{Name: l.str(m, "name", false), Line: en.Line, Values: map[string]ExampleValue{}}
		if first, dup := names[ex.Name]; dup {
			l.add(en.Line, "ví dụ %q của %s trùng tên với ví dụ ở dòng %d", ex.Name, c.ID, first)
		} else if ex.Name != "" {
			names[ex.Name] = en.Line
		} else if _, ok := m["name"]; !ok {
			l.add(en.Line, "ví dụ của %s thiếu %q: một câu nói ví dụ kiểm tra điều gì", c.ID, "name")
		}
		if e, ok := m["values"]; ok {
			l.exampleValues(s, ex, e.value)
			l.later(func() { l.examplePartOf(s, ex, e.value.Line) })
		}
		if e, ok := m["expect"]; ok {
			l.expectations(s, c, ex, e.value)
		} else {
			l.add(en.Line, "%s thiếu %q: kết quả mong đợi của từng chỉ số", ex.title(), "expect")
		}
		c.Examples = append(c.Examples, ex)
	}
}

// title names an example in a problem: `ví dụ "giảm đúng 6 % thì đạt"`.
func (ex *Example) title() string {
	if ex.Name == "" {
		return "ví dụ không tên"
	}
	return fmt.Sprintf("ví dụ %q", ex.Name)
}

func (l *loader) exampleValues(s *Set, ex *Example, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, "%s: values phải là một bảng mã chỉ số: giá trị", ex.title())
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		if _, dup := ex.Values[id]; dup {
			l.add(k.Line, "%s: chỉ số %q ghi hai lần", ex.title(), id)
			continue
		}
		ex.Values[id] = ExampleValue{}
		now, last := v, (*yaml.Node)(nil)
		if v.Kind == yaml.MappingNode {
			m := l.mapping(v, "giá trị của "+id, "now", "last_year")
			if m == nil {
				continue
			}
			now, last = nil, nil
			if e, ok := m["now"]; ok {
				now = e.value
			}
			if e, ok := m["last_year"]; ok {
				last = e.value
			}
		}
		l.later(func() {
			in := s.inputs[id]
			if in == nil {
				l.add(k.Line, "%s: không có chỉ số %q trong bộ tiêu chí", ex.title(), id)
				return
			}
			if last != nil && !in.YoY {
				l.add(last.Line, "%s: chỉ số %q không so cùng kỳ, không có last_year", ex.title(), id)
				last = nil
			}
			ex.Values[id] = ExampleValue{Now: l.exampleNum(ex, in, now), LastYear: l.exampleNum(ex, in, last)}
		})
	}
}

// examplePartOf keeps examples to data a form could hold: a part never exceeds
// its whole, so no example rests on a case the form refuses.
func (l *loader) examplePartOf(s *Set, ex *Example, line int) {
	for _, in := range s.Inputs() { // in form order, for a stable report
		v, ok := ex.Values[in.ID]
		w, whole := ex.Values[in.PartOf]
		if !ok || !whole || in.PartOf == "" {
			continue
		}
		for _, pair := range [][2]*int64{{v.Now, w.Now}, {v.LastYear, w.LastYear}} {
			if pair[0] != nil && pair[1] != nil && *pair[0] > *pair[1] {
				l.add(line, "%s: %s (%d) lớn hơn %s (%d), biểu mẫu không nhận số liệu này", ex.title(), in.ID, *pair[0], in.PartOf, *pair[1])
			}
		}
	}
}

// exampleNum reads one value as the form would hold it: Có/Không, or a whole
// number ≥ 0.
func (l *loader) exampleNum(ex *Example, in *Input, n *yaml.Node) *int64 {
	if n == nil {
		return nil
	}
	text := strings.TrimSpace(n.Value)
	if n.Kind != yaml.ScalarNode || text == "" {
		l.add(n.Line, "%s: %s thiếu giá trị (muốn để trống thì bỏ hẳn dòng này)", ex.title(), in.ID)
		return nil
	}
	if in.Kind == Bool {
		if text != "Có" && text != "Không" {
			l.add(n.Line, "%s: %s nhận Có hoặc Không, không phải %q", ex.title(), in.ID, text)
			return nil
		}
		v := boolValue(text)
		return &v
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil || v < 0 {
		l.add(n.Line, "%s: %s phải là số nguyên ≥ 0, không phải %q", ex.title(), in.ID, text)
		return nil
	}
	return &v
}

func (l *loader) expectations(s *Set, c *Criterion, ex *Example, n *yaml.Node) {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		l.add(n.Line, "%s: expect phải là một bảng mã chỉ số: kết quả, ví dụ {toi_pham_ttxh: Đạt}", ex.title())
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := k.Value
		if seen[id] {
			l.add(k.Line, "%s: kết quả của %q ghi hai lần", ex.title(), id)
			continue
		}
		seen[id] = true
		code, ok := verdictCode(v.Value)
		if v.Kind != yaml.ScalarNode || !ok {
			l.add(v.Line, "%s: kết quả của %s là Đạt, Không đạt, Không áp dụng hoặc Thiếu dữ liệu, không phải %q", ex.title(), id, v.Value)
			continue
		}
		ex.Expect = append(ex.Expect, Expectation{ID: id, Verdict: code, Line: k.Line})
		if id == c.ID {
			continue
		}
		l.later(func() {
			in := s.inputs[id]
			switch {
			case in == nil:
				l.add(k.Line, "%s: không có chỉ số %q trong bộ tiêu chí", ex.title(), id)
			case in.Criterion != c:
				l.add(k.Line, "%s: chỉ số %q thuộc %s, không phải %s (ví dụ chỉ nêu kết quả của chỉ số thuộc tiêu chí mình)", ex.title(), id, in.Criterion.ID, c.ID)
			case in.Rule == nil:
				l.add(k.Line, "%s: chỉ số %q không có quy tắc nên không có kết quả", ex.title(), id)
			}
		})
	}
}
