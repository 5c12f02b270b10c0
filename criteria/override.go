package criteria

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Set changes a named threshold, as `--set name=value` does. A share takes "6%",
// "6,5 %" or "0.06"; a count a whole number.
func (s *Set) Set(name, text string) error {
	p := s.params[name]
	if p == nil {
		return fmt.Errorf("không có tham số %q (xem: dean criteria show)", name)
	}
	v, pct, err := ParseNumber(text)
	if err != nil {
		return fmt.Errorf("tham số %s: %v", name, err)
	}
	if p.Percent && !pct && v.IsInt() && v.Sign() > 0 {
		return fmt.Errorf("tham số %s là tỷ lệ: viết %s%% hoặc dạng thập phân (0,06 là 6 %%)", name, text)
	}
	if !p.Percent && pct {
		return fmt.Errorf("tham số %s là một số đếm, không phải tỷ lệ: %q", name, text)
	}
	next := *p
	next.Value, next.Percent = v, p.Percent
	if msg := checkRange(&next); msg != "" {
		return fmt.Errorf("tham số %s: %s", name, msg)
	}
	p.Value = v
	return nil
}

// SetAssignment applies "name=value".
func (s *Set) SetAssignment(kv string) error {
	name, value, ok := strings.Cut(kv, "=")
	if !ok {
		return fmt.Errorf("%q: cần dạng tên=giá_trị, ví dụ giam_toi_pham_ttxh=5%%", kv)
	}
	return s.Set(strings.TrimSpace(name), strings.TrimSpace(value))
}

// ApplyParams applies an overrides file: a YAML mapping `params: {name: value}` (or
// the mapping alone). Every problem comes back, with its line.
func (s *Set) ApplyParams(data []byte, file string) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Problems{{file, yamlLine(err), "YAML không hợp lệ: " + yamlMsg(err)}}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	n := doc.Content[0]
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "params" {
		n = n.Content[1]
	}
	if n.Kind != yaml.MappingNode {
		return Problems{{file, n.Line, "cần một bảng params: {tên: giá trị}"}}
	}
	var ps Problems
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			ps = append(ps, Problem{file, v.Line, fmt.Sprintf("tham số %s: giá trị phải là một số", k.Value)})
			continue
		}
		if err := s.Set(k.Value, v.Value); err != nil {
			ps = append(ps, Problem{file, k.Line, err.Error()})
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}
