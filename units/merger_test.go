package units

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func k22(code string) Key { return Key{"can-tho-2022", code} }
func k25(code string) Key { return Key{"can-tho-2025", code} }

func TestNinhKieuIsThreeWardsNotOld31135(t *testing.T) {
	m := BundledMerger()
	var got []Key
	for _, l := range m.Predecessors(k25("31135")) {
		if !l.Whole || !l.Listed() {
			t.Errorf("%s: whole %v, listed %v", l.OldLabel(), l.Whole, l.Listed())
		}
		got = append(got, l.Old)
	}
	want := []Key{k22("31123"), k22("31135"), k22("31144")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("predecessors of new 31135 (-want +got):\n%s", diff)
	}
	if h, _ := m.History(k25("31135")); h != "gồm phường Thới Bình, Tân An (cũ), Xuân Khánh" {
		t.Errorf("history: %s", h)
	}
	// Old 31135 went whole into new 31135, which is not the same ward.
	if ls, _ := m.Successors(k22("31135")); len(ls) != 1 || ls[0].New != k25("31135") || ls[0].NewName != "Ninh Kiều" {
		t.Errorf("successors of old 31135: %+v", ls)
	}
	if got := m.Fate(k22("31135")); got != "nay thuộc phường Ninh Kiều" {
		t.Errorf("fate of old 31135: %s", got)
	}
	// A key of the wrong list finds nothing: new 31135 was never an old ward.
	if ls, known := m.Successors(k25("31135")); known || ls != nil {
		t.Errorf("new 31135 as an old ward: %v %v", ls, known)
	}
	if ls := m.Predecessors(k22("31135")); ls != nil {
		t.Errorf("old 31135 as a new ward: %v", ls)
	}
}

func TestHistories(t *testing.T) {
	m := BundledMerger()
	tests := []struct{ name, code, want string }{
		{"a ward taken in part", "31120", "gồm phường Cái Khế (cũ), An Hòa, Bùi Hữu Nghĩa (một phần)"},
		{"a commune never in the 2022 list", "31150", "gồm phường An Bình (cũ), Long Tuyền (cũ, một phần), xã Mỹ Khánh"},
		{"the name Tân An now", "31147", "gồm phường Hưng Lợi, An Khánh"},
		{"phường before xã, whatever the table order", "31789", "gồm phường Khánh Hòa (cũ), xã Hòa Đông, Vĩnh Hiệp"},
		{"a thị trấn", "31684", "gồm phường 10, thị trấn Mỹ Xuyên, xã Đại Tâm"},
	}
	for _, tt := range tests {
		if got, ok := m.History(k25(tt.code)); !ok || got != tt.want {
			t.Errorf("%s: History(%s) = %q, %v\nwant %q", tt.name, tt.code, got, ok, tt.want)
		}
	}
	if got, ok := m.History(k25("99999")); ok || got != "" {
		t.Errorf("unknown ward: %q %v", got, ok)
	}
}

func TestBuiHuuNghiaAndThotNotSplit(t *testing.T) {
	m := BundledMerger()
	for _, l := range m.Predecessors(k25("31120")) {
		if l.Old == k22("31178") && (l.Whole || l.OldLabel() != "phường Bùi Hữu Nghĩa (một phần)") {
			t.Errorf("Bùi Hữu Nghĩa in Cái Khế: whole %v, %s", l.Whole, l.OldLabel())
		}
	}
	ls, known := m.Successors(k22("31207"))
	var got []Key
	for _, l := range ls {
		if l.Whole {
			t.Errorf("old Thốt Nốt went whole into %s", l.New)
		}
		got = append(got, l.New)
	}
	if diff := cmp.Diff([]Key{k25("31207"), k25("31228")}, got); !known || diff != "" {
		t.Errorf("successors of old Thốt Nốt (-want +got), known %v:\n%s", known, diff)
	}
	tests := []struct{ code, want string }{
		{"31207", "nay một phần thuộc phường Thốt Nốt, một phần thuộc phường Thuận Hưng"},
		{"31178", "nay một phần thuộc phường Cái Khế, một phần thuộc phường Bình Thủy"},
		{"31147", "nay thuộc phường Tân An (mới)"}, // Hưng Lợi; the old Tân An is now in Ninh Kiều
		{"31117", "nay thuộc phường Cái Khế"},
	}
	for _, tt := range tests {
		if got := m.Fate(k22(tt.code)); got != tt.want {
			t.Errorf("Fate(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestNoGuessForWardsTheTableLacks(t *testing.T) {
	m := BundledMerger()
	var got []Key
	for _, w := range m.Unmapped() {
		got = append(got, w.Key())
	}
	want := []Key{k22("31126"), k22("31129"), k22("31141")} // An Nghiệp, An Cư, An Phú
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unmapped (-want +got):\n%s", diff)
	}
	for _, k := range want {
		if ls, known := m.Successors(k); known || ls != nil {
			t.Errorf("%s: successors %v, known %v", k, ls, known)
		}
		if got := m.Fate(k); got != "chưa rõ nay thuộc phường nào: bảng sáp nhập không có đơn vị này" {
			t.Errorf("%s: %s", k, got)
		}
	}
}

func TestPredecessorsOutsideDean(t *testing.T) {
	m := BundledMerger()
	var my Link
	for _, l := range m.Predecessors(k25("31150")) {
		if l.Old.Code == "31312" {
			my = l
		}
	}
	if my.Listed() || my.Old.List != "" || my.OldKind != "Xã" || my.OldLabel() != "xã Mỹ Khánh" {
		t.Errorf("Mỹ Khánh: %+v, label %s", my, my.OldLabel())
	}
	// Every ward of 2022 but three is accounted for; every link into the list is
	// a ward of it.
	old, _ := Named("can-tho-2022")
	listed := map[Key]bool{}
	for _, l := range m.Links {
		if l.Listed() {
			listed[l.Old] = true
		}
	}
	if len(listed) != len(old.Wards)-3 {
		t.Errorf("%d wards of 2022 in the table, want %d", len(listed), len(old.Wards)-3)
	}
	if len(m.Links) != 92 {
		t.Errorf("%d links, want the 92 rows of the 31 wards", len(m.Links))
	}
}

// The lists a table is checked against in the tests below.
func mergerLists(t *testing.T) []*List {
	parse := func(file, csv string) *List {
		l, err := Parse(strings.NewReader(csv), file)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	return []*List{
		parse("a.csv", "# danh_muc: a\n# hieu_luc_den: 30/06/2025\nma_phuong,ten_phuong,ma_quan,ten_quan\n1,Tân An,9,Q\n2,Thới Bình,9,Q\n3,Hưng Lợi,9,Q\n"),
		parse("b.csv", "# danh_muc: b\n# hieu_luc_tu: 01/07/2025\nma_phuong,ten_phuong\n1,Ninh Kiều\n3,Tân An\n"),
		parse("open.csv", "# danh_muc: open\nma_phuong,ten_phuong\n1,Tân An\n"),
	}
}

const mergerHeader = "ma_moi,ten_moi,ma_cu,ten_cu,pham_vi,ma_tinh,danh_muc_moi,danh_muc_cu\n"

func TestParseMergerGood(t *testing.T) {
	csv := "# ghi chú\n" + mergerHeader +
		"1,Phường Ninh Kiều,1,Phường Tân An,toàn bộ,92,b,a\n" +
		"1,Phường Ninh Kiều,2,Phường Thới Bình,một phần,92,b,a\n" +
		"3,Phường Tân An,3,Phường Hưng Lợi,toàn bộ,92,b,a\n" +
		"3,Phường Tân An,2,Phường Thới Bình,Một  phần,92,b,a\n" +
		"3,Phường Tân An,7,Xã Mỹ Khánh,toàn bộ,92,b,\n"
	m, err := ParseMerger(strings.NewReader(csv), "m.csv", mergerLists(t)...)
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{New: Key{"b", "1"}, NewName: "Ninh Kiều", Old: Key{"a", "1"}, OldName: "Tân An", OldKind: "Phường", Whole: true, NameReused: true, Line: 3},
		{New: Key{"b", "1"}, NewName: "Ninh Kiều", Old: Key{"a", "2"}, OldName: "Thới Bình", OldKind: "Phường", Line: 4},
		{New: Key{"b", "3"}, NewName: "Tân An", Old: Key{"a", "3"}, OldName: "Hưng Lợi", OldKind: "Phường", Whole: true, NewNameWasAnother: true, Line: 5},
		{New: Key{"b", "3"}, NewName: "Tân An", Old: Key{"a", "2"}, OldName: "Thới Bình", OldKind: "Phường", NewNameWasAnother: true, Line: 6},
		{New: Key{"b", "3"}, NewName: "Tân An", Old: Key{"", "7"}, OldName: "Mỹ Khánh", OldKind: "Xã", Whole: true, NewNameWasAnother: true, Line: 7},
	}
	if diff := cmp.Diff(want, m.Links); diff != "" {
		t.Errorf("links (-want +got):\n%s", diff)
	}
	if h, _ := m.History(Key{"b", "3"}); h != "gồm phường Hưng Lợi, Thới Bình (một phần), xã Mỹ Khánh" {
		t.Errorf("history: %s", h)
	}
}

func TestParseMergerReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		{"header", "ma_moi,ten_moi,ma_cu,ten_cu,pham_vi\n",
			[]string{"m.csv:1: dòng tiêu đề phải có các cột ma_moi,ten_moi,ma_cu,ten_cu,pham_vi,danh_muc_moi,danh_muc_cu"}},
		{"rows", mergerHeader +
			"1,Phường Ninh Kiều,1,Phường Tân An,toàn bộ,92,b,a\n" +
			"1,Phường Ninh Kiều,1,Phường Tân An,toàn bộ,92,b,a\n" + // 3
			"3,Phường Tân An,1,Phường Tân An,toàn bộ,92,b,a\n" + // 4: merged whole twice
			"3,Phường Tân An,2,Phường Thới Bình,cả,92,b,a\n" + // 5
			"3,Phường Tân An,3,Hưng Lợi,toàn bộ,92,b,a\n" + // 6
			"4,Phường Cái Khế,3,Phường Hưng Lợi,toàn bộ,92,b,a\n" + // 7
			"3,Phường Tân An,5,Phường Hưng Lợi,toàn bộ,92,b,a\n" + // 8
			"3,Phường Tân An,2,Phường An Bình,một phần,92,b,a\n" + // 9
			"3,Phường Tân An,2,Phường Thới Bình,một phần,92,c,a\n" + // 10
			"3,Phường Tân An,2,Phường Thới Bình,một phần,92,,a\n" + // 11
			"3,Phường Tân An,2,Phường Thới Bình,một phần,92,b,\n" + // 12: is in a
			"3,Phường Tân An,8,Xã Mỹ Khánh,toàn bộ,92,b,\n" +
			"1,Phường Ninh Kiều,8,Xã Mỹ Khánh,một phần,92,b,\n" + // 14: same old unit, already whole
			"3,Phường Tân An,2,Xã Mỹ Khánh,toàn bộ,92,b,a\n" + // 15
			",Phường Tân An,9,Xã Mỹ Khánh,toàn bộ\n", // 16
			[]string{
				"m.csv:3: trùng với dòng 2",
				`m.csv:4: Phường Tân An (mã 1) được sáp nhập vào hai phường mới (dòng 2 và dòng này) nên phạm vi phải là "một phần" ở cả hai dòng`,
				`m.csv:5: phạm vi "cả" không hợp lệ: ghi "toàn bộ" hoặc "một phần"`,
				`m.csv:6: tên cũ "Hưng Lợi" phải bắt đầu bằng loại đơn vị: Phường, Xã, Thị trấn hoặc Đặc khu`,
				"m.csv:7: mã 4 không có trong danh mục b",
				"m.csv:8: mã 5 không có trong danh mục a",
				"m.csv:9: mã 2 là phường Thới Bình trong danh mục a, không phải An Bình",
				`m.csv:10: không có danh mục "c" (cột danh_muc_moi)`,
				"m.csv:11: thiếu danh mục mới (cột danh_muc_moi)",
				"m.csv:12: phường Thới Bình (mã 2) có trong danh mục a: ghi a ở cột danh_muc_cu",
				`m.csv:14: Xã Mỹ Khánh (mã 8) được sáp nhập vào hai phường mới (dòng 13 và dòng này) nên phạm vi phải là "một phần" ở cả hai dòng`,
				"m.csv:15: Xã Mỹ Khánh: danh mục a chỉ có phường",
				"m.csv:16: cần 8 cột, có 5",
			}},
		{"a new ward without predecessors, dates", mergerHeader +
			"1,Phường Ninh Kiều,1,Phường Tân An,toàn bộ,92,b,open\n",
			[]string{
				"m.csv: phường Tân An (mã 3) của danh mục b không có dòng nào trong bảng",
				"m.csv:2: danh mục cũ open không ghi ngày hết hiệu lực (hieu_luc_den)",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMerger(strings.NewReader(tt.csv), "m.csv", mergerLists(t)...)
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
