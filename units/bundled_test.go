package units

import (
	"strings"
	"testing"
	"time"
)

func TestBundledLists(t *testing.T) {
	ls, err := loadBundled()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, file  string
		valid     Validity
		wards     int
		districts bool
	}{
		{"can-tho-2022", "can-tho-2022.csv", Validity{Until: day(2025, 6, 30)}, 42, true},
		{"can-tho-2025", "can-tho-2025.csv", Validity{From: day(2025, 7, 1)}, 31, false},
	}
	if len(ls) != len(tests) {
		t.Fatalf("%d bundled lists, want %d", len(ls), len(tests))
	}
	for i, tt := range tests {
		l := ls[i]
		if l.ID != tt.id || l.File != tt.file || l.Valid != tt.valid || len(l.Wards) != tt.wards || l.HasDistricts() != tt.districts {
			t.Errorf("list %d: %s %s %v %d wards, districts %v; want %s %s %v %d, %v",
				i, l.ID, l.File, l.Valid, len(l.Wards), l.HasDistricts(), tt.id, tt.file, tt.valid, tt.wards, tt.districts)
		}
		for _, w := range l.Wards {
			if w.List != l.ID {
				t.Errorf("%s: ward %s carries list %q", l.ID, w.Code, w.List)
			}
		}
	}
	if d := Default(); d.ID != "can-tho-2022" || len(d.Wards) != 42 {
		t.Errorf("Default: %s, %d wards", d.ID, len(d.Wards))
	}
}

func TestSameCodeTwoLists(t *testing.T) {
	old, _ := Named("can-tho-2022")
	now, _ := Named("can-tho-2025")
	a, _ := old.ByCode("31135")
	b, _ := now.ByCode("31135")
	if a.Name != "Tân An" || b.Name != "Ninh Kiều" || a.Key() == b.Key() {
		t.Errorf("31135: %v and %v", a, b)
	}
	if _, ok := old.ByKey(b.Key()); ok {
		t.Error("the 2022 list finds a ward by a key of the 2025 list")
	}
	if w, ok := now.ByKey(Key{"can-tho-2025", "31147"}); !ok || w.Name != "Tân An" {
		t.Errorf("ByKey: %v %v", w, ok)
	}
	if got := b.Key().String(); got != "can-tho-2025/31135" {
		t.Errorf("Key.String: %s", got)
	}
	if _, ok := Named("can-tho-2024"); ok {
		t.Error("Named found a list that does not exist")
	}
}

func TestInForce(t *testing.T) {
	tests := []struct {
		day  time.Time
		want string
	}{
		{day(2022, 5, 15), "can-tho-2022"},
		{day(2025, 5, 15), "can-tho-2022"},
		{day(2025, 6, 30), "can-tho-2022"},
		{day(2025, 7, 1), "can-tho-2025"},
		{day(2025, 11, 15), "can-tho-2025"},
		{day(2030, 11, 15), "can-tho-2025"},
	}
	for _, tt := range tests {
		l, err := InForce(tt.day)
		if err != nil || l.ID != tt.want {
			t.Errorf("InForce(%s): %v %v, want %s", dmy(tt.day), l, err, tt.want)
		}
	}
}

func TestCheckSet(t *testing.T) {
	parse := func(file, csv string) *List {
		l, err := Parse(strings.NewReader(csv), file)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	old := parse("a.csv", "# danh_muc: a\n# hieu_luc_den: 30/06/2025\nma_phuong,ten_phuong\n1,A\n")
	next := parse("b.csv", "# danh_muc: b\n# hieu_luc_tu: 01/07/2025\nma_phuong,ten_phuong\n1,B\n")
	early := parse("c.csv", "# danh_muc: c\n# ghi chú\n# hieu_luc_tu: 30/06/2025\nma_phuong,ten_phuong\n1,C\n")
	again := parse("d.csv", "# danh_muc: a\n# hieu_luc_tu: 01/01/2031\nma_phuong,ten_phuong\n1,A\n")
	user := parse("e.csv", "ma_phuong,ten_phuong\n1,A\n")
	tests := []struct {
		name  string
		lists []*List
		want  string
	}{
		{"one after the other", []*List{old, next}, ""},
		{"a day in both", []*List{old, early}, "c.csv:3: hiệu lực (từ 30/06/2025) chồng lên hiệu lực của danh mục a (a.csv, đến hết 30/06/2025)"},
		{"the same ID", []*List{old, again}, "d.csv: danh mục a trùng mã với danh mục trong a.csv"},
		{"a list without dates holds every day", []*List{next, user}, "e.csv: hiệu lực (không giới hạn) chồng lên hiệu lực của danh mục b (b.csv, từ 01/07/2025)"},
	}
	for _, tt := range tests {
		err := CheckSet(tt.lists)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
