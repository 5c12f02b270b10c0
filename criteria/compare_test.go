package criteria_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/criteria"
)

func TestCompareDisclosesWhatDiffers(t *testing.T) {
	parse := func(src string) *criteria.Set {
		t.Helper()
		s, err := criteria.Parse([]byte(src), "c.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	base := parse(small)
	tests := []struct {
		name  string
		used  func() *criteria.Set
		want  criteria.Changes
		lines []string
	}{
		{"the same file", func() *criteria.Set { return parse(small) },
			criteria.Changes{Version: "t1", BaseVersion: "t1"}, nil},
		{"the same file laid out otherwise", func() *criteria.Set {
			return parse(strings.Replace(small, "{at_least: so}", "{ at_least:  so }", 1))
		}, criteria.Changes{Version: "t1", BaseVersion: "t1"}, nil},
		{"a threshold set on the command line", func() *criteria.Set {
			s := parse(small)
			if err := s.Set("muc", "5%"); err != nil {
				t.Fatal(err)
			}
			return s
		}, criteria.Changes{Version: "t1", BaseVersion: "t1", Params: []criteria.ParamChange{{Name: "muc", Label: "mức", Used: "5 %", Base: "6 %"}}},
			[]string{"Ngưỡng muc (mức): dùng 5 %, bộ tiêu chí gốc 6 %."}},
		{"a rule changed", func() *criteria.Set {
			return parse(strings.Replace(small, "{at_least: so}", "{at_most: so}", 1))
		}, criteria.Changes{Version: "t1", BaseVersion: "t1", Rules: true},
			[]string{"Quy tắc chấm khác bộ tiêu chí gốc: kết quả có thể khác cả ngoài các ngưỡng."}},
		{"a decrease turned into an increase", func() *criteria.Set {
			return parse(strings.Replace(small, "decrease_at_least", "increase_at_least", 1))
		}, criteria.Changes{Version: "t1", BaseVersion: "t1", Rules: true},
			[]string{"Quy tắc chấm khác bộ tiêu chí gốc: kết quả có thể khác cả ngoài các ngưỡng."}},
		{"a label and the version changed", func() *criteria.Set {
			return parse(strings.NewReplacer("label: B", "label: Bê", `version: "t1"`, `version: "t2"`).Replace(small))
		}, criteria.Changes{Version: "t2", BaseVersion: "t1", Wording: true},
			[]string{"Bộ tiêu chí phiên bản t2, bộ tiêu chí gốc phiên bản t1.",
				"Tên, nội dung chỉ số hoặc ví dụ khác bộ tiêu chí gốc; quy tắc chấm như nhau."}},
		{"a threshold added and one removed", func() *criteria.Set {
			return parse(strings.Replace(small, "  so: 4\n", "  so: 4\n  moi: {value: 2, label: mới}\n", 1))
		}, criteria.Changes{Version: "t1", BaseVersion: "t1", Params: []criteria.ParamChange{{Name: "moi", Label: "mới", Used: "2"}}},
			[]string{"Ngưỡng moi (mới): 2, không có trong bộ tiêu chí gốc."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := criteria.Compare(tt.used(), base)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got.None() != (tt.lines == nil) {
				t.Errorf("None() = %v with lines %q", got.None(), got.Lines())
			}
			if diff := cmp.Diff(tt.lines, got.Lines()); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
		})
	}
	removed := criteria.Compare(base, parse(strings.Replace(small, "  so: 4\n", "  so: 4\n  moi: 2\n", 1)))
	if want := []criteria.ParamChange{{Name: "moi", Base: "2"}}; !cmp.Equal(want, removed.Params) {
		t.Errorf("removed threshold: got %+v, want %+v", removed.Params, want)
	}
}
