package form

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/score"
)

// TestReadNotAFile covers paths that cannot be a workbook, said before opening.
func TestReadNotAFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "ninh-kieu")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.xlsx")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, msg string
	}{
		{folder, "là một thư mục, không phải tệp"},
		{empty, "tệp rỗng (0 byte)"},
		{filepath.Join(dir, "none.xlsx"), "không tìm thấy tệp"},
	} {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			sheets, problems := readAll([]string{tt.path}, readOpts{Set: testSet, Units: testUnits})
			if diff := cmp.Diff([]Problem{{File: tt.path, Msg: tt.msg}}, problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if len(sheets) != 0 {
				t.Errorf("sheets: %+v", sheets)
			}
			err := Annotate(tt.path, filepath.Join(t.TempDir(), "out.xlsx"), nil)
			if want := tt.path + ": " + tt.msg; err == nil || err.Error() != want {
				t.Errorf("Annotate: %v, want %s", err, want)
			}
		})
	}
}

// TestReadCellKinds starts from a good form for Cái Khế and puts a value of
// another kind than a number in one cell: a date reads raw as a good count, so
// the reader looks at the format of cells that could be one.
func TestReadCellKinds(t *testing.T) {
	const s = "Cái Khế"
	c := blankCells(t)
	now := func(id string) string { return c[id][0] }
	prev := func(id string) string { return c[id][1] }
	withFormat := func(f *excelize.File, cell string, st *excelize.Style) {
		id, err := f.NewStyle(st)
		must(t, err)
		must(t, f.SetCellStyle(s, cell, cell, id))
	}
	ddmmyyyy := "dd/mm/yyyy"
	general := `#,##0 "hộ";[Red]-#,##0`
	tests := []struct {
		name   string
		change func(f *excelize.File)
		want   []Problem
		values map[string]score.Reading // zero Reading: left out
	}{
		{
			name: "date typed in a count cell (built-in short date)",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("vu_dua_xe"), 44562))
				withFormat(f, now("vu_dua_xe"), &excelize.Style{NumFmt: 14})
			},
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: "ô chứa ngày tháng (01/01/2022), không phải số đếm"}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name: "date in last year's column (custom format)",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, prev("toi_pham_ttxh"), 44927))
				withFormat(f, prev("toi_pham_ttxh"), &excelize.Style{CustomNumFmt: &ddmmyyyy})
			},
			want:   []Problem{{Sheet: s, Cell: prev("toi_pham_ttxh"), Input: "toi_pham_ttxh", Msg: "ô chứa ngày tháng (01/01/2023), không phải số đếm"}},
			values: map[string]score.Reading{"toi_pham_ttxh": {Now: goodValues(testSet)["toi_pham_ttxh"].Now}},
		},
		{
			name: "date set by a program",
			change: func(f *excelize.File) {
				must(t, f.SetCellValue(s, now("vu_dua_xe"), time.Date(2022, 3, 15, 0, 0, 0, 0, time.UTC)))
			},
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: "ô chứa ngày tháng (15/03/2022), không phải số đếm"}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "count in the date range without a date format",
			change: func(f *excelize.File) { must(t, f.SetCellInt(s, now("ho_tong_so"), 44562)) },
			values: map[string]score.Reading{"ho_tong_so": {Now: score.N(44562)}},
		},
		{
			name: "count in the date range, custom number format with quoted text",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("ho_tong_so"), 44562))
				withFormat(f, now("ho_tong_so"), &excelize.Style{CustomNumFmt: &general})
			},
			values: map[string]score.Reading{"ho_tong_so": {Now: score.N(44562)}},
		},
		{
			name: "0 and 1 as numbers and as text are counts",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("vu_dua_xe"), 0))
				must(t, f.SetCellInt(s, now("doi_tuong_dua_xe"), 1))
				must(t, f.SetCellStr(s, prev("toi_pham_ttxh"), "1"))
			},
			values: map[string]score.Reading{"vu_dua_xe": {Now: score.N(0)}, "doi_tuong_dua_xe": {Now: score.N(1)},
				"toi_pham_ttxh": {Now: goodValues(testSet)["toi_pham_ttxh"].Now, Prev: score.N(1)}},
		},
		{
			name: "TRUE, FALSE, 1 and 0 are good yes/no values",
			change: func(f *excelize.File) {
				must(t, f.SetCellBool(s, now("dang_bo_htxs"), true))
				must(t, f.SetCellBool(s, now("ubnd_tap_the_ldxs"), false))
				must(t, f.SetCellInt(s, now("phuong_an_toan_antt"), 1))
				must(t, f.SetCellInt(s, now("cap_tham_muu_tot"), 0))
			},
			values: map[string]score.Reading{"dang_bo_htxs": {Now: score.N(1)}, "ubnd_tap_the_ldxs": {Now: score.N(0)},
				"phuong_an_toan_antt": {Now: score.N(1)}, "cap_tham_muu_tot": {Now: score.N(0)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := readEdited(t, tt.change, tt.want)
			if len(sheets) != 1 {
				t.Fatalf("sheets: %+v", sheets)
			}
			if diff := cmp.Diff(goodValuesWith(tt.values), sheets[0].Values); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIsDateFormat(t *testing.T) {
	for _, tt := range []struct {
		id     int
		custom string
		want   bool
	}{
		{0, "", false}, {1, "", false}, {3, "", false}, {14, "", true}, {22, "", true}, {45, "", true}, {49, "", false},
		{0, "dd/mm/yyyy", true}, {0, "[$-42A]dd/mm/yyyy", true}, {0, "[h]:mm", true}, {0, "hh:mm", true},
		{0, "#,##0", false}, {0, `#,##0 "ngày"`, false}, {0, "#,##0;[Red]-#,##0", false}, {0, `0\d`, false},
		{0, "0.00E+00", false}, {0, "General", false}, {0, `0_);(0)`, false},
	} {
		var custom *string
		if tt.custom != "" {
			custom = &tt.custom
		}
		if got := isDateFormat(tt.id, custom); got != tt.want {
			t.Errorf("isDateFormat(%d, %q) = %v, want %v", tt.id, tt.custom, got, tt.want)
		}
	}
}

// BenchmarkReadZeroCounts is BenchmarkRead with a count of 0 on every sheet, as
// real data has. Asking the type of such a cell (could it be FALSE?) loads the
// sheet a second time and made Read 2.7 times slower; this keeps it from coming
// back.
func BenchmarkReadZeroCounts(b *testing.B) {
	paths, list := benchForms(b, 4, 98)
	for _, p := range paths {
		f, err := excelize.OpenFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ref := ""
		for i, name := range f.GetSheetList() {
			if i == 0 {
				continue
			}
			if ref == "" {
				ref = findInputCell(b, f, name, "vu_dua_xe")
			}
			if err := f.SetCellInt(name, ref, 0); err != nil {
				b.Fatal(err)
			}
		}
		if err := f.Save(); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ResetTimer()
	for b.Loop() {
		sheets, problems := readAll(paths, readOpts{Set: testSet, Units: list, Period: &p2022})
		if len(sheets) != 4*98 || len(problems) != 0 {
			b.Fatalf("%d sheets, %d problems", len(sheets), len(problems))
		}
	}
}

// findInputCell is the "Kỳ này" cell of an input on a sheet written by Write.
func findInputCell(b *testing.B, f *excelize.File, sheet, id string) string {
	rows, err := f.GetRows(sheet)
	if err != nil {
		b.Fatal(err)
	}
	for i, row := range rows {
		if len(row) > 1 && row[1] == id {
			return cellName(5, i+1)
		}
	}
	b.Fatalf("no row for %s", id)
	return ""
}
