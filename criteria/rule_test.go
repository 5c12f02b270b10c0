package criteria_test

import (
	"math/big"
	"strings"
	"testing"

	"dean/criteria"
)

// ruleFile holds one rule on a year-over-year count "a" (or on the yes/no "flag"),
// with counts b and c to refer to.
func ruleFile(on, rule string) string {
	rules := map[string]string{"a": "", "flag": ""}
	rules[on] = ", rule: " + rule
	return `version: "t"
params:
  muc: 6%
  so: 4
areas:
  - id: "1"
    name: Nhóm
    criteria:
      - id: TC01
        name: Một
        inputs:
          - {id: a, kind: count, label: A, yoy: true` + rules["a"] + `}
          - {id: b, kind: count, label: B}
          - {id: c, kind: count, label: C}
          - {id: flag, kind: bool, label: F` + rules["flag"] + `}
`
}

func TestRuleKeysMapOntoTheModel(t *testing.T) {
	pct := func(n int64) *big.Rat { return big.NewRat(n, 100) }
	tests := []struct {
		on, rule string
		measure  criteria.Measure
		op       criteria.Op
		input    string // measured input
		other    string
		bound    *big.Rat // the target's value, sign included; nil for another input's
		target   string   // another input's id
	}{
		{"flag", `{is: Có}`, criteria.Value, criteria.EQ, "flag", "", big.NewRat(1, 1), ""},
		{"flag", `{is: Không}`, criteria.Value, criteria.EQ, "flag", "", big.NewRat(0, 1), ""},
		{"a", `{at_least: so}`, criteria.Value, criteria.GE, "a", "", big.NewRat(4, 1), ""},
		{"a", `{above: 3}`, criteria.Value, criteria.GT, "a", "", big.NewRat(3, 1), ""},
		{"a", `{at_most: 3}`, criteria.Value, criteria.LE, "a", "", big.NewRat(3, 1), ""},
		{"a", `{below: 3}`, criteria.Value, criteria.LT, "a", "", big.NewRat(3, 1), ""},
		{"a", `{equal: 0}`, criteria.Value, criteria.EQ, "a", "", big.NewRat(0, 1), ""},
		{"a", `{share_of: b, at_least: 90%}`, criteria.Ratio, criteria.GE, "a", "b", pct(90), ""},
		{"a", `{share_of: b, below: muc}`, criteria.Ratio, criteria.LT, "a", "b", pct(6), ""},
		{"a", `{minus: b, equal: 0}`, criteria.Difference, criteria.EQ, "a", "b", big.NewRat(0, 1), ""},
		{"a", `{value_of: b, at_least: {value_of: c}}`, criteria.Value, criteria.GE, "b", "", nil, "c"},
		{"a", `{decrease_at_least: muc, if_last_year_zero: {equal: 0}}`, criteria.Change, criteria.LE, "a", "", pct(-6), ""},
		{"a", `{decrease_more_than: muc, if_last_year_zero: {equal: 0}}`, criteria.Change, criteria.LT, "a", "", pct(-6), ""},
		{"a", `{increase_at_least: 20%, if_last_year_zero: {at_least: 1}}`, criteria.Change, criteria.GE, "a", "", pct(20), ""},
		{"a", `{increase_more_than: muc, if_last_year_zero: {at_least: 1}}`, criteria.Change, criteria.GT, "a", "", pct(6), ""},
		{"a", `{decrease_at_least: 50%, if_last_year_zero: {equal: 0}}`, criteria.Change, criteria.LE, "a", "", pct(-50), ""},
	}
	for _, tt := range tests {
		s, err := criteria.Parse([]byte(ruleFile(tt.on, tt.rule)), "c.yaml")
		if err != nil {
			t.Errorf("%s: %v", tt.rule, err)
			continue
		}
		r := s.Input(tt.on).Rule
		if r.Measure != tt.measure || r.Op != tt.op || r.Input != tt.input || r.Other != tt.other || r.Target.Input != tt.target {
			t.Errorf("%s: got measure %d op %s input %q other %q target %q", tt.rule, r.Measure, r.Op, r.Input, r.Other, r.Target.Input)
		}
		if v, _, ok := s.Resolve(r.Target); ok != (tt.bound != nil) || (ok && v.Cmp(tt.bound) != 0) {
			t.Errorf("%s: bound %v (%v), want %v", tt.rule, v, ok, tt.bound)
		}
		if (r.Measure == criteria.Change) != (r.ZeroBase != nil) {
			t.Errorf("%s: zero base %+v", tt.rule, r.ZeroBase)
		}
	}
}

func TestRuleMistakesAreExplained(t *testing.T) {
	tests := []struct{ on, rule, want string }{
		{"a", `{}`, "quy tắc của a thiếu phép so sánh"},
		{"a", `4`, "quy tắc của a phải là một bảng khóa"},
		{"a", `{at_least: -so}`, "không ghi dấu + hay −"},
		{"a", `{at_least: +4}`, "không ghi dấu + hay −"},
		{"a", `{decrease_at_least: -muc, if_last_year_zero: {equal: 0}}`, "mức giảm viết bằng khóa decrease_at_least"},
		{"a", `{decrease_at_least: −6%, if_last_year_zero: {equal: 0}}`, "không ghi dấu + hay −"},
		{"a", `{equal: }`, "equal thiếu giá trị"},
		{"a", `{equal:0}`, `khóa không hợp lệ "equal:0"`},
		{"a", `{at_least: 4, at_most: 5}`, "2 phép so sánh (at_least, at_most)"},
		{"a", `{decrease_at_least: muc}`, "phải có if_last_year_zero"},
		{"a", `{at_least: 4, if_last_year_zero: {equal: 0}}`, "if_last_year_zero chỉ dùng với decrease_at_least"},
		{"a", `{decrease_at_least: muc, if_last_year_zero: {share_of: b, equal: 0}}`, `khóa không hợp lệ "share_of" trong if_last_year_zero của a`},
		{"a", `{decrease_at_least: muc, if_last_year_zero: {}}`, "if_last_year_zero của a thiếu phép so sánh"},
		{"a", `{share_of: b, minus: c, equal: 0}`, "một quy tắc chỉ có một trong share_of, minus"},
		{"a", `{share_of: b, decrease_at_least: muc, if_last_year_zero: {equal: 0}}`, "decrease_at_least không đi kèm share_of hay minus"},
		{"a", `{decrease_at_least: {value_of: b}, if_last_year_zero: {equal: 0}}`, "không so với chỉ số khác"},
		{"a", `{decrease_at_least: 4, if_last_year_zero: {equal: 0}}`, "phải so với một tỷ lệ phần trăm"},
		{"a", `{value_of: b, decrease_at_least: muc, if_last_year_zero: {equal: 0}}`, `decrease_at_least cần chỉ số "b" có yoy: true`},
		{"a", `{at_least: {value_of: zz}}`, `quy tắc nêu chỉ số "zz"`},
		{"a", `{at_least: {input: b}}`, `khóa không hợp lệ "input" trong at_least`},
		{"a", `{share_of: flag, at_least: 90%}`, `cần chỉ số "flag" kiểu count, nhưng nó là bool`},
		{"flag", `{is: Co}`, `nhận Có hoặc Không, không phải "Co"`},
		{"flag", `{is: Có, at_least: 1}`, "quy tắc is chỉ đi kèm value_of, không đi kèm at_least"},
		{"a", `{is: Có}`, `cần chỉ số "a" kiểu bool, nhưng nó là count`},
		{"a", `{any_of: []}`, "any_of cần ít nhất một quy tắc con"},
		{"a", `{any_of: [{equal: 0}], equal: 0}`, "any_of không đi kèm khóa nào khác"},
		{"a", `{all_of: [{equal: 0}, {wat: 1}]}`, `khóa không hợp lệ "wat"`},
	}
	for _, tt := range tests {
		_, err := criteria.Parse([]byte(ruleFile(tt.on, tt.rule)), "c.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.rule, err, tt.want)
		}
		line := map[string]string{"a": "c.yaml:12: ", "flag": "c.yaml:15: "}[tt.on]
		if ps, _ := err.(criteria.Problems); len(ps) != 1 || !strings.HasPrefix(err.Error(), line) {
			t.Errorf("%s: want one problem at the rule's line, got %v", tt.rule, err)
		}
	}
}

// TestOldRulesAreRefusedWithTheirRewriting: a file in the first rule language is
// never misread; each old rule comes back with its wording in the new one.
func TestOldRulesAreRefusedWithTheirRewriting(t *testing.T) {
	tests := []struct{ rule, want string }{
		{`{op: ">=", target: so}`, "viết lại: {at_least: so}"},
		{`{op: "=", target: 0}`, "viết lại: {equal: 0}"},
		{`{ratio_of: b, op: "<", target: muc}`, "viết lại: {share_of: b, below: muc}"},
		{`{minus: b, op: "=", target: 0}`, "viết lại: {minus: b, equal: 0}"},
		{`{input: b, op: ">=", target: {input: c}}`, "viết lại: {value_of: b, at_least: {value_of: c}}"},
		{`{change: true, op: "<=", target: -muc, zero_base: {op: "=", target: 0}}`,
			"(khóa change, op, target, zero_base), không còn dùng; viết lại: {decrease_at_least: muc, if_last_year_zero: {equal: 0}}"},
		{`{change: true, op: ">=", target: muc, zero_base: {op: ">=", target: 1}}`,
			"viết lại: {increase_at_least: muc, if_last_year_zero: {at_least: 1}}"},
		// The slip the new language exists for: a decrease whose sign was lost.
		{`{change: true, op: "<=", target: muc, zero_base: {op: "=", target: 0}}`,
			"không còn dùng; quy tắc này không rõ là mức giảm hay mức tăng: viết decrease_at_least (giảm ít nhất) hoặc increase_at_least (tăng ít nhất), kèm if_last_year_zero"},
		{`{any: [{op: "=", target: 0}, {all: [{input: b, op: "=", target: 0}]}]}`,
			"viết lại: {any_of: [{equal: 0}, {all_of: [{value_of: b, equal: 0}]}]}"},
	}
	for _, tt := range tests {
		_, err := criteria.Parse([]byte(ruleFile("a", tt.rule)), "c.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.rule, err, tt.want)
		}
		if ps, _ := err.(criteria.Problems); len(ps) != 1 {
			t.Errorf("%s: want one problem for one old rule, got %v", tt.rule, err)
		}
	}
}

func TestDescribeReadsAsTheKeys(t *testing.T) {
	tests := []struct{ on, rule, want string }{
		{"a", `{decrease_at_least: muc, if_last_year_zero: {equal: 0}}`, "a giảm ≥ 6 % (muc) so với cùng kỳ (cùng kỳ bằng 0: a = 0)"},
		{"a", `{decrease_more_than: 5%, if_last_year_zero: {equal: 0}}`, "a giảm > 5 % so với cùng kỳ (cùng kỳ bằng 0: a = 0)"},
		{"a", `{increase_at_least: 20%, if_last_year_zero: {at_least: 1}}`, "a tăng ≥ 20 % so với cùng kỳ (cùng kỳ bằng 0: a ≥ 1)"},
		{"a", `{share_of: b, below: muc}`, "a / b < 6 % (muc)"},
		{"flag", `{is: Có}`, "flag = Có"},
	}
	for _, tt := range tests {
		s, err := criteria.Parse([]byte(ruleFile(tt.on, tt.rule)), "c.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Describe(s.Input(tt.on).Rule); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.rule, got, tt.want)
		}
	}
}

// TestDecimalCommaInFlowMapping: YAML splits {below: 1,5%} at the comma; the
// problem says how to write it.
func TestDecimalCommaInFlowMapping(t *testing.T) {
	_, err := criteria.Parse([]byte(ruleFile("a", `{share_of: b, below: 1,5%}`)), "c.yaml")
	if err == nil || !strings.Contains(err.Error(), `khóa không hợp lệ "5%"`) || !strings.Contains(err.Error(), `ngoặc kép, ví dụ "1,5%"`) {
		t.Errorf("got %v", err)
	}
	if _, err := criteria.Parse([]byte(ruleFile("a", `{share_of: b, below: "1,5%"}`)), "c.yaml"); err != nil {
		t.Errorf("quoted: %v", err)
	}
}
