package form

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/score"
	"dean/units"
	"dean/xlsx"
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
			name: "a date before 1954 is a date all the same",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("ho_tong_so"), 18264))
				withFormat(f, now("ho_tong_so"), &excelize.Style{CustomNumFmt: &ddmmyyyy})
			},
			want:   []Problem{{Sheet: s, Cell: now("ho_tong_so"), Input: "ho_tong_so", Msg: "ô chứa ngày tháng (01/01/1950), không phải số đếm"}},
			values: map[string]score.Reading{"ho_tong_so": {}},
		},
		{
			name: "a small count shown as a date is a date",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("vu_dua_xe"), 3))
				withFormat(f, now("vu_dua_xe"), &excelize.Style{NumFmt: 14})
			},
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: "ô chứa ngày tháng (03/01/1900), không phải số đếm"}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name: "a date-time and a time are named as such",
			change: func(f *excelize.File) {
				must(t, f.SetCellFloat(s, now("vu_dua_xe"), 45306.5, 1, 64))
				withFormat(f, now("vu_dua_xe"), &excelize.Style{NumFmt: 22})
				must(t, f.SetCellFloat(s, now("doi_tuong_dua_xe"), 0.75, 2, 64))
				withFormat(f, now("doi_tuong_dua_xe"), &excelize.Style{NumFmt: 20})
			},
			want: []Problem{
				{Sheet: s, Cell: now("doi_tuong_dua_xe"), Input: "doi_tuong_dua_xe", Msg: "ô chứa giờ (18:00), không phải số đếm"},
				{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: "ô chứa ngày giờ (15/01/2024 12:00), không phải số đếm"},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}, "doi_tuong_dua_xe": {}},
		},
		{
			name: "TRUE or FALSE in a count cell is refused, not read as 1 or 0",
			change: func(f *excelize.File) {
				must(t, f.SetCellBool(s, now("vu_dua_xe"), true))
				must(t, f.SetCellBool(s, now("doi_tuong_dua_xe"), false))
			},
			want: []Problem{
				{Sheet: s, Cell: now("doi_tuong_dua_xe"), Input: "doi_tuong_dua_xe", Msg: "ô chứa giá trị logic FALSE, không phải số đếm: hãy ghi số"},
				{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: "ô chứa giá trị logic TRUE, không phải số đếm: hãy ghi số"},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}, "doi_tuong_dua_xe": {}},
		},
		{
			name:   "1e3 typed as text is no number",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, now("ho_tong_so"), "1e3")) },
			want:   []Problem{{Sheet: s, Cell: now("ho_tong_so"), Input: "ho_tong_so", Msg: `"1e3" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`}},
			values: map[string]score.Reading{"ho_tong_so": {}},
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

// TestValueKinds reads values of every kind the file can store, as the sheet
// reader does once it has the cell: the kind decides, not the text alone.
func TestValueKinds(t *testing.T) {
	r := &sheetReader{}
	count, yesNo := testSet.Input("vu_dua_xe"), testSet.Input("dang_bo_htxs")
	for _, tt := range []struct {
		name string
		in   *criteria.Input
		v    value
		n    int64
		msg  string
	}{
		{"a formula's error", count, value{kind: xlsx.KindError, text: "#DIV/0!"}, 0, "ô báo lỗi công thức #DIV/0!: hãy sửa công thức hoặc ghi thẳng số liệu"},
		{"a formula without its result", count, value{kind: xlsx.KindBlank, formula: true}, 0, "ô có công thức nhưng chưa có kết quả tính (tệp được lưu bởi chương trình không tính công thức): hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"},
		{"an ISO date cell", count, value{kind: xlsx.KindDate, text: "2024-01-15T00:00:00"}, 0, "ô chứa ngày giờ (15/01/2024 00:00), không phải số đếm"},
		{"a number cell 1.234 is not 1234", count, value{kind: xlsx.KindNumber, text: "1.234"}, 0, `"1,234" không phải là số nguyên: hãy ghi số nguyên không âm`},
		{"text 1.234 is 1234", count, value{kind: xlsx.KindText, text: "1.234"}, 1234, ""},
		{"formula noise in a number cell", count, value{kind: xlsx.KindNumber, text: "3.0000000000000004"}, 3, ""},
		{"TRUE in a yes/no cell", yesNo, value{kind: xlsx.KindBool, text: "1"}, 1, ""},
		{"a date in a yes/no cell", yesNo, value{kind: xlsx.KindDate, text: "2024-01-15"}, 0, "ô chứa ngày giờ (15/01/2024 00:00), không phải Có/Không"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, msg := r.number(tt.in, tt.v)
			if n != tt.n || msg != tt.msg {
				t.Errorf("got %d, %q; want %d, %q", n, msg, tt.n, tt.msg)
			}
		})
	}
}

// TestWardCodeStoredAsNumber: a program may store the ward code as a number
// cell, and write the whole number 31117 as 31117.0 or 3.1117E4; that is the code
// 31117 all the same. A fraction is no code, and is not cut to one.
func TestWardCodeStoredAsNumber(t *testing.T) {
	const s = "Cái Khế"
	const inline = `<c r="B1" s="3" t="inlineStr"><is><t>31117</t></is></c>`
	asNumber := func(v string) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			rewriteZip(t, path, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
				if !bytes.Contains(b, []byte(inline)) {
					t.Fatalf("no %s in the sheet", inline)
				}
				return bytes.Replace(b, []byte(inline), []byte(`<c r="B1" s="3"><v>`+v+`</v></c>`), 1)
			})
		}
	}
	tests := []struct {
		name   string
		change func(t *testing.T, path string)
		want   []Problem
	}{
		{name: "31117.0 in the XML", change: asNumber("31117.0")},
		{name: "3.1117E4 in the XML", change: asNumber("3.1117E4")},
		{
			name: "a float written by excelize",
			change: func(t *testing.T, path string) {
				edit(t, path, func(f *excelize.File) { must(t, f.SetCellFloat(s, "B1", 31117, 1, 64)) })
				f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
				must(t, err)
				defer f.Close()
				v, err := f.GetCellValue(s, "B1")
				must(t, err)
				typ, err := f.GetCellType(s, "B1")
				must(t, err)
				if v != "31117.0" || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
					t.Fatalf("excelize wrote B1 as %q (type %v), not the number 31117.0", v, typ)
				}
			},
		},
		{
			name:   "31117.5 is not 31117",
			change: asNumber("31117.5"),
			want:   []Problem{{Sheet: s, Cell: "B1", Msg: `mã phường "31117.5" không có trong danh mục đơn vị can-tho-2022 (42 phường)`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeForm(t, t.TempDir(), "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
				Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
			tt.change(t, path)
			sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
			if diff := cmp.Diff(tt.want, stripFile(t, problems, path)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				if len(sheets) != 0 {
					t.Errorf("a sheet was taken for a ward: %+v", sheets)
				}
				return
			}
			if len(sheets) != 1 || sheets[0].Ward != caiKhe {
				t.Fatalf("sheets: %+v", sheets)
			}
			if diff := cmp.Diff(goodValues(testSet), sheets[0].Values); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}
