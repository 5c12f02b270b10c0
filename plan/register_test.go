package plan

import (
	"strings"
	"testing"

	"dean/units"
)

func bundled(t *testing.T, id string) *units.List {
	t.Helper()
	l, ok := units.Named(id)
	if !ok {
		t.Fatalf("no list %s", id)
	}
	return l
}

func TestParseRegister(t *testing.T) {
	lists := units.Bundled()
	good := "\uFEFFdanh_muc,ma_phuong,ten_phuong,nam,so_quyet_dinh,ngay_quyet_dinh\n" +
		"can-tho-2022,31117,Cái Khế,2023,1520/QĐ-BCA-V05,20/12/2023\n" +
		"can-tho-2025,31135,Ninh Kiều,2025,2001/QĐ-BCA-V05,5/1/2026\n"
	reg, err := ParseRegister(strings.NewReader(good), "cong-nhan.csv", lists...)
	if err != nil {
		t.Fatal(err)
	}
	if len(reg.Items) != 2 || reg.Items[1].Ward.Key() != (units.Key{List: "can-tho-2025", Code: "31135"}) || reg.Items[1].Date.Day() != 5 {
		t.Errorf("register: %+v", reg.Items)
	}
	// Semicolons, as Excel on a Vietnamese Windows saves.
	if _, err := ParseRegister(strings.NewReader(strings.ReplaceAll(good, ",", ";")), "f.csv", lists...); err != nil {
		t.Errorf("semicolons: %v", err)
	}
	for _, tt := range []struct {
		name, row, want string
	}{
		{"a code of another list", "can-tho-2025,31117,Cái Khế,2025,1/QĐ,20/12/2025", "f.csv:2: mã phường 31117 không có trong danh mục can-tho-2025"},
		{"31135 is Ninh Kiều on the new list", "can-tho-2025,31135,Tân An,2025,1/QĐ,20/12/2025", `f.csv:2: tên phường "Tân An" không khớp với mã 31135 (theo danh mục can-tho-2025 là phường Ninh Kiều)`},
		{"unknown list", "ha-noi,00004,Ba Đình,2025,1/QĐ,20/12/2025", `f.csv:2: không có danh mục đơn vị "ha-noi"`},
		{"a decision before its year ends", "can-tho-2022,31117,Cái Khế,2024,1/QĐ,20/12/2023", "f.csv:2: quyết định ngày 20/12/2023 công nhận cho năm 2024: chưa hết năm đã công nhận"},
		{"a bad date", "can-tho-2022,31117,Cái Khế,2023,1/QĐ,2023-12-20", `f.csv:2: ngày quyết định "2023-12-20" không hợp lệ`},
		{"no decision number", "can-tho-2022,31117,Cái Khế,2023,,20/12/2023", "f.csv:2: thiếu số quyết định"},
		{"the same ward and year twice", "can-tho-2022,31117,Cái Khế,2023,1/QĐ,20/12/2023\ncan-tho-2022,31117,Cái Khế,2023,2/QĐ,21/12/2023", "f.csv:3: phường Cái Khế đã được ghi công nhận năm 2023 ở dòng 2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRegister(strings.NewReader(strings.Join(registerHeader, ",")+"\n"+tt.row+"\n"), "f.csv", lists...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// TestTrackAcrossTheMerger: a ward recognised before the merger is shown under its
// successor as history; the cumulative count is of the year's map.
func TestTrackAcrossTheMerger(t *testing.T) {
	old, nw := bundled(t, "can-tho-2022"), bundled(t, "can-tho-2025")
	reg := &Register{Items: []Recognition{
		{Ward: mustWard(t, old, "31117"), Year: 2023, Decision: "1/QĐ"}, // Cái Khế (cũ) → Cái Khế
		{Ward: mustWard(t, old, "31123"), Year: 2024, Decision: "2/QĐ"}, // Thới Bình → Ninh Kiều
		{Ward: mustWard(t, nw, "31135"), Year: 2025, Decision: "3/QĐ"},  // Ninh Kiều itself
	}}
	listFor := func(y int) *units.List {
		if y >= 2025 {
			return nw
		}
		return old
	}
	scores := map[int]Scores{
		2024: {Year: 2024, List: old, Assessed: 42, Model: []units.Key{{List: old.ID, Code: "31117"}, {List: old.ID, Code: "31123"}}},
		2026: {Year: 2026, Half: true, List: nw, Assessed: 31, Model: make([]units.Key, 17)},
	}
	merger := units.BundledMerger()
	years := Track(Default(), 2022, 2026, scores, reg, merger, listFor)
	type row struct{ year, inYear, recognised, inherited, min, model int }
	var got []row
	for _, y := range years {
		m := -1
		if y.Scores != nil {
			m = len(y.Scores.Model)
		}
		got = append(got, row{y.Year, y.RecognisedInYear, y.Recognised, y.Inherited, y.Target.Min, m})
	}
	want := []row{
		{2022, 0, 0, 0, 10, -1},
		{2023, 1, 1, 0, 10, -1},
		{2024, 1, 2, 0, 10, 2},
		{2025, 1, 1, 1, 10, -1}, // Ninh Kiều recognised itself; Cái Khế inherits
		{2026, 0, 1, 1, 16, 17},
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("year %d: got %+v, want %+v", want[i].year, got[i], want[i])
		}
	}
	if st := years[4].Status(); st != "đạt chỉ tiêu" {
		t.Errorf("2026 status %q", st)
	}
	h := Histories(years, reg, merger)
	if len(h) != 2 || !strings.HasPrefix(h[0], "Phường Cái Khế (gồm phường Cái Khế (cũ), An Hòa, Bùi Hữu Nghĩa (một phần)): phường Cái Khế (cũ) được công nhận năm 2023") {
		t.Errorf("histories: %q", h)
	}
}

func mustWard(t *testing.T, l *units.List, code string) units.Ward {
	t.Helper()
	w, ok := l.ByCode(code)
	if !ok {
		t.Fatalf("%s not in %s", code, l.ID)
	}
	return w
}

// Without a register, recognitions are unknown, never 0: the table shows "—" and
// the JSON null.
func TestTrackWithoutRegister(t *testing.T) {
	old := bundled(t, "can-tho-2022")
	scores := map[int]Scores{2024: {Year: 2024, List: old, Assessed: 42}}
	years := Track(Default(), 2024, 2024, scores, nil, units.BundledMerger(), func(int) *units.List { return old })
	var table, js strings.Builder
	if err := WriteTable(&table, years, nil, nil); err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(strings.Split(table.String(), "\n")[1]); len(f) < 7 || f[5] != "—" || f[6] != "—" {
		t.Errorf("recognitions without a register: %q, want — and —", f)
	}
	if err := WriteJSON(&js, years); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"recognised_in_year": null`) || !strings.Contains(js.String(), `"recognised_cumulative": null`) {
		t.Errorf("JSON without a register:\n%s", js.String())
	}
}
