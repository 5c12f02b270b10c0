package submission

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"dean/criteria"
	"dean/score"
	"dean/units"
)

func testSet(t *testing.T) *criteria.Set {
	t.Helper()
	data, err := os.ReadFile("testdata/criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := criteria.Parse(data, "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// row is one entry as a form would give it, at row r: its id in B, "Kỳ này" in E
// and "Cùng kỳ năm trước" in F; "" is a blank cell, "!" one the reader refused.
func row(r int, id, now, prev string) Entry {
	cell := func(col int, s string) Cell {
		c := Cell{At: Ref{Col: col, Row: r}}
		switch s {
		case "":
		case "!":
			c.Filled, c.Bad = true, true
		case "Có":
			c.Filled, c.Num = true, score.N(1)
		default:
			var n int64
			for _, ch := range s {
				n = n*10 + int64(ch-'0')
			}
			c.Filled, c.Num = true, score.N(n)
		}
		return c
	}
	return Entry{ID: id, At: Ref{Col: 2, Row: r}, Now: cell(5, now), Prev: cell(6, prev)}
}

// good is a submission with every input filled well, rows 8 to 12.
func good() []Entry {
	return []Entry{row(8, "co_khong", "Có", ""), row(9, "so_vu", "47", "50"), row(10, "ho_so", "100", ""),
		row(11, "dung_han", "100", ""), row(12, "truoc_han", "20", "")}
}

func with(es []Entry, changes ...Entry) []Entry {
	out := append([]Entry{}, es...)
	for _, c := range changes {
		replaced := false
		for i := range out {
			if out[i].At.Row == c.At.Row {
				out[i], replaced = c, true
			}
		}
		if !replaced {
			out = append(out, c)
		}
	}
	return out
}

func without(es []Entry, id string) []Entry {
	var out []Entry
	for _, e := range es {
		if e.ID != id {
			out = append(out, e)
		}
	}
	return out
}

func TestCheck(t *testing.T) {
	set := testSet(t)
	p := func(cell, input, msg string) Problem { return Problem{Cell: cell, Input: input, Msg: msg} }
	for _, tt := range []struct {
		name    string
		entries []Entry
		want    []Problem
		drop    []string // inputs left out of the values
	}{
		{"every value good", good(), nil, nil},
		{"an unknown id", with(good(), row(13, "ho_so_moi", "3", "")),
			[]Problem{p("B13", "", `mã chỉ số "ho_so_moi" không có trong bộ tiêu chí phiên bản test-1`)}, nil},
		{"an id in capitals is the id", with(good(), row(8, "CO_KHONG", "Có", "")), nil, nil},
		{"a criterion id with values, in place of an input's row", with(without(good(), "ho_so"), row(10, "TC01", "100", "")),
			[]Problem{p("", "ho_so", "không có dòng nào cho chỉ số này (Số hồ sơ)"),
				p("B10", "", `"TC01" là mã tiêu chí, không phải mã chỉ số, nên số liệu ở dòng này không được dùng: hãy ghi mã chỉ số của dòng (như trong biểu mẫu gốc)`)},
			[]string{"ho_so"}},
		{"a criterion id as a group label, without values", with(good(), row(7, "TC01", "", "")), nil, nil},
		{"an id twice", with(good(), row(13, "ho_so", "90", "")),
			[]Problem{p("B13", "ho_so", "chỉ số lặp lại, đã có ở dòng 10: số liệu của chỉ số này không được dùng")}, []string{"ho_so"}},
		{"a blank value is missing data", with(good(), row(11, "dung_han", "", "")),
			[]Problem{{Cell: "E11", Input: "dung_han", Msg: "thiếu số liệu kỳ này", Missing: true}}, []string{"dung_han"}},
		{"a blank last year", with(good(), row(9, "so_vu", "47", "")),
			[]Problem{{Cell: "F9", Input: "so_vu", Msg: "thiếu số liệu cùng kỳ năm trước", Missing: true}}, nil},
		{"last year where none is asked", with(good(), row(10, "ho_so", "100", "90")),
			[]Problem{p("F10", "ho_so", `chỉ số này không so sánh với cùng kỳ: số liệu ở cột "Cùng kỳ năm trước" không được dùng, hãy để trống`)}, nil},
		{"a cell the reader refused is said once", with(good(), row(10, "ho_so", "!", "")), nil, []string{"ho_so"}},
		{"a part above its whole", with(good(), row(11, "dung_han", "120", "")),
			[]Problem{p("E11", "dung_han", "số liệu (120) lớn hơn số liệu của ho_so ở ô E10 (100): đây là một phần của ho_so nên không thể lớn hơn")},
			[]string{"dung_han"}},
		{"a part above its whole's whole, the whole blank", with(good(), row(11, "dung_han", "", ""), row(12, "truoc_han", "150", "")),
			[]Problem{{Cell: "E11", Input: "dung_han", Msg: "thiếu số liệu kỳ này", Missing: true},
				p("E12", "truoc_han", "số liệu (150) lớn hơn số liệu của ho_so ở ô E10 (100): đây là một phần của ho_so nên không thể lớn hơn")},
			[]string{"dung_han", "truoc_han"}},
		{"a part above its direct whole only", with(good(), row(11, "dung_han", "50", ""), row(12, "truoc_han", "60", "")),
			[]Problem{p("E12", "truoc_han", "số liệu (60) lớn hơn số liệu của dung_han ở ô E11 (50): đây là một phần của dung_han nên không thể lớn hơn")},
			[]string{"truoc_han"}},
		{"an input without a row", without(good(), "ho_so"),
			[]Problem{p("", "ho_so", "không có dòng nào cho chỉ số này (Số hồ sơ)")}, []string{"ho_so"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := Submission{Entries: tt.entries, Table: 7}
			vals, ps := Check(set, s)
			Sort(ps)
			if diff := cmp.Diff(tt.want, ps, cmpopts.IgnoreFields(Problem{}, "Pos"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			for _, in := range set.Inputs() {
				_, got := vals[in.ID]
				dropped := false
				for _, d := range tt.drop {
					dropped = dropped || d == in.ID
				}
				if got == dropped {
					t.Errorf("%s: in values %v, want %v", in.ID, got, !dropped)
				}
			}
		})
	}
}

// TestBlankSubmissionIsOneProblem: a district that has not started needs one
// message, not one per cell; a cell typed in but refused keeps every message.
func TestBlankSubmissionIsOneProblem(t *testing.T) {
	set := testSet(t)
	blank := []Entry{row(8, "co_khong", "", ""), row(9, "so_vu", "", ""), row(10, "ho_so", "", ""), row(11, "dung_han", "", ""), row(12, "truoc_han", "", "")}
	_, ps := Check(set, Submission{Entries: blank, Table: 7})
	want := []Problem{{Cell: "E8", Msg: "trang chưa điền số liệu: cả 6 ô cần điền đều trống", Missing: true}}
	if diff := cmp.Diff(want, ps, cmpopts.IgnoreFields(Problem{}, "Pos")); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	_, ps = Check(set, Submission{Entries: with(blank, row(10, "ho_so", "!", "")), Table: 7})
	if len(ps) != 5 {
		t.Errorf("%d problems, want the 5 blank cells: %v", len(ps), ps)
	}
	if vals, ps := Check(set, Submission{Entries: blank, Unread: true}); len(vals) != 0 || len(ps) != 0 {
		t.Errorf("an unread submission: %v, %v", vals, ps)
	}
}

func TestCompareLastYear(t *testing.T) {
	set := testSet(t)
	s := Submission{Ward: units.Ward{Code: "31135"}, Entries: good()}
	vals, _ := Check(set, s)
	for _, tt := range []struct {
		name  string
		prior Prior
		want  []Problem
	}{
		{"the same as the archive", Prior{Period: "2024", Values: map[string]int64{"so_vu": 50}, Basis: "tệp a.xlsx"}, nil},
		{"another value", Prior{Period: "2024", Values: map[string]int64{"so_vu": 55, "ho_so": 1}, Basis: "tệp a.xlsx, trang \"Tân An\""},
			[]Problem{{Cell: "F9", Input: "so_vu", Warning: true, Msg: `cùng kỳ năm trước ghi 50, khác số liệu kỳ 2024 trong kho lưu trữ (55, tệp a.xlsx, trang "Tân An"): hãy kiểm tra lại`}}},
		{"a sum with a part taken whole", Prior{Period: "2024", Values: map[string]int64{"so_vu": 60}, Basis: "tổng", Partial: []string{"phường Bùi Hữu Nghĩa (một phần)"}},
			[]Problem{{Cell: "F9", Input: "so_vu", Warning: true, Msg: "cùng kỳ năm trước ghi 50, khác số liệu kỳ 2024 trong kho lưu trữ (60, tổng); số liệu kho gồm toàn bộ phường Bùi Hữu Nghĩa (một phần) dù chỉ một phần sáp nhập vào phường này: hãy kiểm tra lại"}}},
		{"nothing known", Prior{Period: "2024"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := CompareLastYear(set, s, vals, tt.prior)
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Problem{}, "Pos"), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestRef(t *testing.T) {
	for _, tt := range []struct {
		ref Ref
		s   string
	}{{Ref{1, 1}, "A1"}, {Ref{26, 9}, "Z9"}, {Ref{27, 10}, "AA10"}, {Ref{16384, 1048576}, "XFD1048576"}, {Ref{}, ""}} {
		if got := tt.ref.String(); got != tt.s {
			t.Errorf("%+v: %q, want %q", tt.ref, got, tt.s)
		}
		if got := ParseRef(tt.s); got != tt.ref {
			t.Errorf("ParseRef(%q) = %+v", tt.s, got)
		}
	}
	for _, bad := range []string{"", "A", "1", "A0", "a1", "AAAA1", "A12345678", "E1x"} {
		if got := ParseRef(bad); got != (Ref{}) {
			t.Errorf("ParseRef(%q) = %+v, want none", bad, got)
		}
	}
}
