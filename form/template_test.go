package form

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/period"
	"dean/score"
	"dean/units"
)

func TestWriteIsDeterministic(t *testing.T) {
	o := Options{Set: testSet, Wards: testUnits.Wards, Period: period.Period{Year: 2026, Half: true},
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}}
	var a, b bytes.Buffer
	if err := Write(&a, o); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, o); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same template differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-01-01T00:00:00Z" || props.Creator != "dean" {
		t.Errorf("core properties: created %q, creator %q", props.Created, props.Creator)
	}
}

func TestSheetNames(t *testing.T) {
	w := func(code, name string) units.Ward { return units.Ward{Code: code, Name: name} }
	tests := []struct {
		name  string
		wards []units.Ward
		want  []string
	}{
		{"ward names", []units.Ward{caiKhe, anHoa}, []string{"Cái Khế", "An Hòa"}},
		{"same name in two districts gets codes", []units.Ward{w("1", "Bình Thủy"), w("2", "Bình Thủy"), w("3", "Trà An")},
			[]string{"Bình Thủy (1)", "Bình Thủy (2)", "Trà An"}},
		{"same name ignoring case and tone placement", []units.Ward{w("1", "Thạnh Hoà"), w("2", "thạnh hòa")},
			[]string{"Thạnh Hoà (1)", "thạnh hòa (2)"}},
		{"same ward twice", []units.Ward{caiKhe, caiKhe}, []string{"Cái Khế (31117)", "Cái Khế (31117-2)"}},
		{"forbidden characters", []units.Ward{w("1", "Phường [1]: A/B*C?D\\E"), w("2", "'Quote'")},
			[]string{"Phường -1-- A-B-C-D-E", "Quote"}},
		{"long name cut to 31", []units.Ward{w("1", strings.Repeat("Phường rất dài ", 4))}, []string{"Phường rất dài Phường rất dài P"}},
		{"long shared name keeps the code", []units.Ward{w("11", strings.Repeat("x", 40)), w("12", strings.Repeat("x", 40))},
			[]string{strings.Repeat("x", 26) + " (11)", strings.Repeat("x", 26) + " (12)"}},
		{"a ward named like the guide", []units.Ward{w("9", "Hướng Dẫn")}, []string{"Hướng Dẫn (9)"}},
		{"empty name uses the code", []units.Ward{w("7", "  ")}, []string{"7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sheetNames(tt.wards)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("sheetNames (-want +got):\n%s", diff)
			}
			for _, n := range got {
				if len([]rune(n)) > 31 {
					t.Errorf("%q is longer than 31", n)
				}
			}
		})
	}
}

// TestTemplateLayout checks the contract with the districts on the written file.
func TestTemplateLayout(t *testing.T) {
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: p2022})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if diff := cmp.Diff([]string{"Hướng dẫn", "Cái Khế", "An Hòa"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	get := func(sheet, cell string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{"A3": "Phiên bản bộ tiêu chí", "B3": testSet.Version, "A4": "Kỳ báo cáo", "B4": "năm 2022"} {
		if got := get("Hướng dẫn", cell); got != want {
			t.Errorf("Hướng dẫn!%s = %q, want %q", cell, got, want)
		}
	}
	const s = "Cái Khế"
	const rowVersion, rowHeader = 5, 7 // with a district
	for cell, want := range map[string]string{
		"A1": "Mã phường", "B1": "31117", "A2": "Tên phường", "B2": "Cái Khế", "A3": "Quận", "B3": "Ninh Kiều",
		"A4": "Kỳ báo cáo", "B4": "năm 2022", "A5": "Phiên bản bộ tiêu chí", "B5": testSet.Version,
		"A8": "Nhóm 1. Xây dựng Đảng, xây dựng hệ thống chính trị phường", "A9": "TC01. Đảng bộ, chính quyền, phường an toàn",
		"A10": "1", "B10": "dang_bo_htxs", "D10": "Có/Không",
	} {
		if got := get(s, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", s, cell, got, want)
		}
	}
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(headers, rows[rowHeader-1]); diff != "" {
		t.Errorf("header row (-want +got):\n%s", diff)
	}
	if visible, _ := f.GetRowVisible(s, rowVersion); visible {
		t.Error("the version row is visible")
	}
	// Every input once, in order, with its unit.
	var ids []string
	for _, r := range rows[rowHeader:] {
		if len(r) > 1 && r[1] != "" {
			ids = append(ids, r[1])
		}
	}
	var want []string
	for _, in := range testSet.Inputs() {
		want = append(want, in.ID)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}

	cells := blankCells(t)
	locked := func(cell string) bool {
		t.Helper()
		id, err := f.GetCellStyle(s, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, c := range []string{"A1", "B1", "B4", "B10", "C10", "D10", "E7", cells["toi_pham_ttxh"][0][:1] + "7"} {
		if !locked(c) {
			t.Errorf("%s is not locked", c)
		}
	}
	yoyPrev := cells["toi_pham_ttxh"]
	notYoY := cells["tin_bao_xu_ly"]
	for _, c := range []string{cells["dang_bo_htxs"][0], yoyPrev[0], yoyPrev[1], notYoY[0], "G10"} {
		if locked(c) {
			t.Errorf("input cell %s is locked", c)
		}
	}
	greyed := "F" + notYoY[0][1:]
	if !locked(greyed) {
		t.Errorf("%s (last year, not asked) is not locked", greyed)
	}

	dvs, err := f.GetDataValidations(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 2 {
		t.Fatalf("%d data validations, want 2", len(dvs))
	}
	inSqref := func(dv *excelize.DataValidation, cell string) bool {
		return slices.Contains(strings.Fields(dv.Sqref), cell)
	}
	list, whole := dvs[0], dvs[1]
	if list.Type != "list" || !strings.Contains(list.Formula1, "Có,Không") || !inSqref(list, cells["dang_bo_htxs"][0]) {
		t.Errorf("yes/no validation: %+v", list)
	}
	if whole.Type != "whole" || whole.Operator != "greaterThanOrEqual" || !inSqref(whole, notYoY[0]) || !inSqref(whole, yoyPrev[1]) ||
		inSqref(whole, greyed) || whole.Error == nil || !strings.Contains(*whole.Error, "số nguyên không âm") {
		t.Errorf("count validation: %+v", whole)
	}

	layout, err := f.GetPageLayout(s)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Size != 9 || *layout.Orientation != "portrait" || *layout.FitToWidth != 1 {
		t.Errorf("page layout: size %d, %s, fit to width %d", *layout.Size, *layout.Orientation, *layout.FitToWidth)
	}
	prot, err := f.GetSheetProtection(s)
	if err != nil {
		t.Fatal(err)
	}
	if prot.Password != "" || !prot.SelectUnlockedCells || prot.InsertRows || prot.DeleteRows {
		t.Errorf("sheet protection: %+v", prot)
	}
	panes, err := f.GetPanes(s)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != rowHeader {
		t.Errorf("panes: %+v", panes)
	}
	// Each ward sheet prints its header row on every page.
	wantNames := []excelize.DefinedName{
		{Name: "_xlnm.Print_Titles", RefersTo: "'Cái Khế'!$7:$7", Scope: "Cái Khế"},
		{Name: "_xlnm.Print_Titles", RefersTo: "'An Hòa'!$7:$7", Scope: "An Hòa"},
	}
	if diff := cmp.Diff(wantNames, f.GetDefinedName()); diff != "" {
		t.Errorf("defined names (-want +got):\n%s", diff)
	}
}

// TestTemplateWithoutDistrict: a ward that reports directly (units lists from
// 1/7/2025 have no district) gets no "Quận" row, and its form still reads.
func TestTemplateWithoutDistrict(t *testing.T) {
	direct := caiKhe
	direct.District, direct.DistrictCode = "", ""
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{direct}, Period: p2022,
		Values: map[string]score.Values{direct.Code: goodValues(testSet)}})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const s = "Cái Khế"
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, r := range rows[:4] {
		labels = append(labels, r[0])
	}
	if diff := cmp.Diff([]string{"Mã phường", "Tên phường", "Kỳ báo cáo", "Phiên bản bộ tiêu chí"}, labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(headers, rows[5]); diff != "" {
		t.Errorf("header row 6 (-want +got):\n%s", diff)
	}
	if visible, _ := f.GetRowVisible(s, 4); visible {
		t.Error("the version row is visible")
	}
	if panes, _ := f.GetPanes(s); panes.YSplit != 6 {
		t.Errorf("panes: %+v", panes)
	}
	if dn := f.GetDefinedName(); len(dn) != 1 || dn[0].RefersTo != "'Cái Khế'!$6:$6" || dn[0].Scope != s {
		t.Errorf("print titles: %+v", dn)
	}
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if len(sheets) != 1 || len(problems) != 0 {
		t.Errorf("read back: %d sheets, problems %v", len(sheets), problems)
	}
}
