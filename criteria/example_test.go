package criteria_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/criteria"
)

// exampleFile is a small set whose TC01 carries the given examples.
func exampleFile(examples string) string {
	return `version: "t"
params:
  muc: 6%
areas:
  - id: "1"
    name: Nhóm
    criteria:
      - id: TC01
        name: Một
        inputs:
          - {id: a, kind: count, label: A, yoy: true, rule: {decrease_at_least: muc, if_last_year_zero: {equal: 0}}}
          - {id: b, kind: count, label: B}
          - {id: flag, kind: bool, label: F, rule: {is: Có}}
        examples:
` + examples + `      - id: TC02
        name: Hai
        inputs:
          - {id: c, kind: count, label: C, rule: {equal: 0}}
`
}

func TestExamplesAreRead(t *testing.T) {
	src := exampleFile(`          - name: giảm đúng 6 % thì đạt
            values: {a: {last_year: 100, now: 94}, b: 3, flag: Không}
            expect: {a: Đạt, flag: không đạt, TC01: KHÔNG ĐẠT}
          - name: để trống thì thiếu dữ liệu
            values: {a: {now: 5}}
            expect: {a: Thiếu dữ liệu}
`)
	s, err := criteria.Parse([]byte(src), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	exs := s.Input("a").Criterion.Examples
	if len(exs) != 2 {
		t.Fatalf("got %d examples, want 2", len(exs))
	}
	n := func(v int64) *int64 { return &v }
	want := &criteria.Example{
		Name: "giảm đúng 6 % thì đạt", Line: 15,
		Values: map[string]criteria.ExampleValue{"a": {Now: n(94), LastYear: n(100)}, "b": {Now: n(3)}, "flag": {Now: n(0)}},
		Expect: []criteria.Expectation{{ID: "a", Verdict: "pass", Line: 17}, {ID: "flag", Verdict: "fail", Line: 17}, {ID: "TC01", Verdict: "fail", Line: 17}},
	}
	if diff := cmp.Diff(want, exs[0]); diff != "" {
		t.Errorf("first example (-want +got):\n%s", diff)
	}
	if v := exs[1].Values["a"]; v.LastYear != nil || *v.Now != 5 {
		t.Errorf("a value without last_year: %+v", v)
	}
}

func TestExampleMistakesAreReportedWithTheirLines(t *testing.T) {
	src := exampleFile(`          - name: một
            values: {a: {last_year: 100, now: -1}, b: {last_year: 2, now: 1}, flag: có, zz: 1}
            expect: {a: Dat, c: Đạt, b: Đạt, yy: Đạt}
          - name: một
            values: {a: 1.5, b: }
            expect: {}
          - values: {a: {ago: 1}}
`)
	_, err := criteria.Parse([]byte(src), "c.yaml")
	ps, ok := err.(criteria.Problems)
	if !ok {
		t.Fatalf("want Problems, got %v", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`c.yaml:16: ví dụ "một": a phải là số nguyên ≥ 0, không phải "-1"`,
		`c.yaml:16: ví dụ "một": chỉ số "b" không so cùng kỳ, không có last_year`,
		`c.yaml:16: ví dụ "một": flag nhận Có hoặc Không, không phải "có"`,
		`c.yaml:16: ví dụ "một": không có chỉ số "zz" trong bộ tiêu chí`,
		`c.yaml:17: ví dụ "một": kết quả của a là Đạt, Không đạt, Không áp dụng hoặc Thiếu dữ liệu, không phải "Dat"`,
		`c.yaml:17: ví dụ "một": chỉ số "c" thuộc TC02, không phải TC01 (ví dụ chỉ nêu kết quả của chỉ số thuộc tiêu chí mình)`,
		`c.yaml:17: ví dụ "một": chỉ số "b" không có quy tắc nên không có kết quả`,
		`c.yaml:17: ví dụ "một": không có chỉ số "yy" trong bộ tiêu chí`,
		`c.yaml:18: ví dụ "một" của TC01 trùng tên với ví dụ ở dòng 15`,
		`c.yaml:19: ví dụ "một": a phải là số nguyên ≥ 0, không phải "1.5"`,
		`c.yaml:19: ví dụ "một": b thiếu giá trị (muốn để trống thì bỏ hẳn dòng này)`,
		`c.yaml:20: ví dụ "một": expect phải là một bảng mã chỉ số: kết quả, ví dụ {toi_pham_ttxh: Đạt}`,
		`c.yaml:21: ví dụ của TC01 thiếu "name": một câu nói ví dụ kiểm tra điều gì`,
		`c.yaml:21: khóa không hợp lệ "ago" trong giá trị của a (được dùng: now, last_year)`,
		`c.yaml:21: ví dụ không tên thiếu "expect": kết quả mong đợi của từng chỉ số`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%s", diff, strings.Join(got, "\n"))
	}
}

func TestExamplesHoldOnlyWhatAFormCould(t *testing.T) {
	src := strings.Replace(exampleFile(`          - name: phần lớn hơn tổng
            values: {c: 3, d: 2}
            expect: {TC01: Thiếu dữ liệu}
`), "          - {id: b, kind: count, label: B}\n",
		"          - {id: b, kind: count, label: B}\n          - {id: c, kind: count, label: C, part_of: d}\n          - {id: d, kind: count, label: D}\n", 1)
	_, err := criteria.Parse([]byte(strings.Replace(src, "id: c, kind: count, label: C, rule", "id: e, kind: count, label: E, rule", 1)), "c.yaml")
	if err == nil || !strings.Contains(err.Error(), `c.yaml:18: ví dụ "phần lớn hơn tổng": c (3) lớn hơn d (2), biểu mẫu không nhận số liệu này`) {
		t.Errorf("got %v", err)
	}
}

func TestVerdictWord(t *testing.T) {
	for code, word := range map[string]string{"pass": "Đạt", "fail": "Không đạt", "na": "Không áp dụng", "missing": "Thiếu dữ liệu"} {
		if got := criteria.VerdictWord(code); got != word {
			t.Errorf("%s: got %q, want %q", code, got, word)
		}
	}
	// A word typed in decomposed Unicode, as some keyboards write it, still reads.
	src := exampleFile("          - {name: x, values: {flag: Có}, expect: {flag: \"Đa\u0323t\"}}\n")
	if _, err := criteria.Parse([]byte(src), "c.yaml"); err != nil && strings.Contains(err.Error(), "kết quả của") {
		t.Errorf("decomposed Đạt: %v", err)
	}
}
