package form

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/score"
	"dean/submission"
	"dean/units"
)

func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "ninh-kieu.xlsx", Sheet: "Cái Khế", Cell: "E12", Input: "tin_bao_xu_ly", Msg: "số đã xử lý (12) lớn hơn số tiếp nhận (10)"},
			`ninh-kieu.xlsx, trang "Cái Khế", ô E12, chỉ số tin_bao_xu_ly: số đã xử lý (12) lớn hơn số tiếp nhận (10)`},
		{Problem{File: "a.xlsx", Sheet: "An Hòa", Msg: "thiếu mã phường"}, `a.xlsx, trang "An Hòa": thiếu mã phường`},
		{Problem{File: "a.xlsx", Msg: "không tìm thấy tệp"}, "a.xlsx: không tìm thấy tệp"},
		{Problem{Msg: "chưa có bộ tiêu chí"}, "chưa có bộ tiêu chí"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// TestReadFiles covers whole files: unreadable ones, wards entered twice, and the
// order of problems across files.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	filled := map[string]score.Values{caiKhe.Code: goodValues(testSet), anHoa.Code: goodValues(testSet), "31123": goodValues(testSet)}
	first := writeForm(t, dir, "1-first.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022, Values: filled})
	again := writeForm(t, dir, "2-again.xlsx", Options{Wards: []units.Ward{anHoa, caiKhe}, Period: p2022, Values: filled})
	twice := writeForm(t, dir, "3-twice.xlsx", Options{Wards: []units.Ward{anHoa, anHoa}, Period: p2022, Values: filled})
	good, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	text := file("4-text.xlsx", []byte("ma_phuong,ten_phuong\n31117,Cái Khế\n"))
	damaged := file("5-damaged.xlsx", good[:len(good)/2])
	ole := file("6-old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...))
	missing := filepath.Join(dir, "7-missing.xlsx")
	// An empty sheet is noted; a workbook with nothing else has no ward.
	empty := writeForm(t, dir, "8-empty.xlsx", Options{Period: p2022})
	edit(t, empty, func(f *excelize.File) { _, err := f.NewSheet("Sheet1"); must(t, err) })
	extra := writeForm(t, dir, "9-extra.xlsx", Options{Wards: []units.Ward{ward("31123")}, Period: p2022, Values: filled})
	edit(t, extra, func(f *excelize.File) { _, err := f.NewSheet("Sheet1"); must(t, err) })

	paths := []string{first, again, twice, text, damaged, ole, missing, empty, extra}
	sheets, problems := readAll(paths, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	const emptySheet = "trang trống, không có số liệu phường: nếu không dùng, hãy xóa trang này"
	notXLSX := "không đọc được tệp: không phải tệp Excel .xlsx hoặc tệp bị hỏng"
	want := []Problem{
		{File: again, Sheet: "Cái Khế", Cell: "B1", Msg: `phường Cái Khế (mã 31117) đã có ở tệp ` + first + `, trang "Cái Khế": mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng`},
		{File: twice, Sheet: "An Hòa (31120)", Cell: "B1", Msg: `phường An Hòa (mã 31120) đã có ở tệp ` + again + `, trang "An Hòa": mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng`},
		{File: twice, Sheet: "An Hòa (31120-2)", Cell: "B1", Msg: `phường An Hòa (mã 31120) đã có ở tệp ` + again + `, trang "An Hòa": mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng`},
		{File: text, Msg: "tệp là văn bản (CSV, HTML hoặc XML mang tên bảng tính), không phải sổ Excel: hãy điền số liệu vào biểu mẫu .xlsx do dean template lập và lưu dưới dạng .xlsx (Excel: Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx); LibreOffice: Tệp > Lưu thành > Excel 2007-365 (.xlsx)), không lưu thành CSV"},
		{File: damaged, Msg: notXLSX},
		{File: ole, Msg: "không phải tệp Excel .xlsx (có thể là tệp .xls cũ hoặc tệp có mật khẩu): hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .xlsx"},
		{File: missing, Msg: "không tìm thấy tệp"},
		{File: empty, Msg: `tệp không có trang số liệu phường nào (trang có dòng tiêu đề "Mã chỉ số", "Kỳ này")`},
		{File: empty, Sheet: "Sheet1", Msg: emptySheet, Warning: true},
		{File: extra, Sheet: "Sheet1", Msg: emptySheet, Warning: true},
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	var got [][2]string
	for _, s := range sheets {
		got = append(got, [2]string{filepath.Base(s.File), s.Ward.Code})
	}
	wantSheets := [][2]string{{"1-first.xlsx", "31117"}, {"2-again.xlsx", "31120"}, {"9-extra.xlsx", "31123"}}
	if diff := cmp.Diff(wantSheets, got); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

func TestReadTwoSheetsOfOneWardInOneFile(t *testing.T) {
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe, caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits})
	want := []Problem{{File: path, Sheet: "Cái Khế (31117-2)", Cell: "B1",
		Msg: `phường Cái Khế (mã 31117) đã có ở trang "Cái Khế (31117)": mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng`}}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(sheets) != 1 || sheets[0].Sheet != "Cái Khế (31117)" {
		t.Errorf("sheets: %+v", sheets)
	}
}

// TestReadForeignProgram reads a workbook that follows only the contract: no
// guide, no version, labels spaced out, columns in another order, ids in other
// case, yes/no as x, a name with the old tone placement.
func TestReadForeignProgram(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	set := func(cell string, v any) { must(t, f.SetCellValue(s, cell, v)) }
	set("A1", "BÁO CÁO SỐ LIỆU")
	set("A2", "Mã phường")
	set("C2", 31217)
	set("A3", "Tên phường")
	set("C3", "Thạnh Hòa")
	set("A4", "Kỳ báo cáo:")
	set("B4", "năm 2022")
	set("D4", "Kỳ báo cáo")
	set("E4", "2022")
	for i, h := range []string{"Cùng kỳ năm trước", "Kỳ này", "Nội dung", "Mã chỉ số"} {
		c, _ := excelize.CoordinatesToCellName(i+1, 6)
		set(c, h)
	}
	want := goodValues(testSet)
	row := 7
	for _, in := range testSet.Inputs() {
		r := want[in.ID]
		set(cellName(4, row), " "+in.ID+" ")
		set(cellName(3, row), in.Label)
		if r.Now.V == 1 && in.Kind == "bool" {
			set(cellName(2, row), "x")
		} else {
			set(cellName(2, row), r.Now.V)
		}
		if in.YoY {
			set(cellName(1, row), r.Prev.V)
		}
		row++
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "foreign.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sheets, problems := readAll([]string{path}, readOpts{Cells: true, Set: testSet, Units: testUnits, Period: &p2022})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(sheets) != 1 || sheets[0].Ward.Code != "31217" || sheets[0].Period != "2022" {
		t.Fatalf("sheets: %+v", sheets)
	}
	if diff := cmp.Diff(want, sheets[0].Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if got := sheets[0].Cells["toi_pham_ttxh"]; got[0][0] != 'B' || got[1][0] != 'A' {
		t.Errorf("cells of toi_pham_ttxh: %v", got)
	}
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// TestReadHostileSheet replaces a ward sheet's XML with broken markup: a problem,
// not a panic.
func TestReadHostileSheet(t *testing.T) {
	for name, sheetXML := range map[string]string{
		"bad cell reference": `<worksheet><sheetData><row r="1"><c r="??"><v>1</v></c></row></sheetData></worksheet>`,
		"bad shared string":  `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>`,
		"row beyond Excel":   `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Mã chỉ số</t></is></c></row><row r="9999999"></row></sheetData></worksheet>`,
		"not XML":            `<<<>>>`,
	} {
		t.Run(name, func(t *testing.T) {
			path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
			replaceZipEntry(t, path, "xl/worksheets/sheet2.xml", sheetXML)
			sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits})
			if len(sheets) != 0 || len(problems) == 0 {
				t.Errorf("sheets %v, problems %v", sheets, problems)
			}
			for _, p := range problems {
				t.Log(p)
			}
		})
	}
}

func replaceZipEntry(t *testing.T, path, name, content string) {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		out, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			out.Write([]byte(content))
			continue
		}
		in, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(out, in)
		in.Close()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNotesSheetIsOneWarning: a sheet of notes beside the ward sheets is one
// warning, not the list of what a ward sheet would lack.
func TestNotesSheetIsOneWarning(t *testing.T) {
	path := writeForm(t, t.TempDir(), "nk.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	edit(t, path, func(f *excelize.File) {
		_, err := f.NewSheet("Ghi chú")
		must(t, err)
		must(t, f.SetCellValue("Ghi chú", "A1", "Số liệu đã được Công an quận kiểm tra ngày 10/5"))
		must(t, f.SetCellValue("Ghi chú", "B3", 42))
	})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	want := []Problem{{File: path, Sheet: "Ghi chú", Warning: true,
		Msg: `trang không có số liệu phường (không có ô "Mã phường", "Tên phường" hay dòng tiêu đề "Mã chỉ số"): bỏ qua trang này`}}
	if diff := cmp.Diff(want, problems); diff != "" || len(sheets) != 1 {
		t.Errorf("%d sheets; problems (-want +got):\n%s", len(sheets), diff)
	}
}

// TestReadFileChangedAfterHash covers a file saved by Excel between its
// fingerprint and its parse: the values would not be the ones the hash names.
func TestReadFileChangedAfterHash(t *testing.T) {
	dir := t.TempDir()
	path := writeForm(t, dir, "a.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022, Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	f := hashAll([]string{path})[0]
	if f.msg != "" {
		t.Fatal(f.msg)
	}
	f.sha256 = "0" + f.sha256[1:]
	got := readFile(0, f, ReadOptions{Set: testSet, Units: testUnits}, func(submission.Submission) { t.Error("a ward was read from a changed file") })
	if len(got) != 1 || !strings.Contains(got[0].Msg, "đã thay đổi") {
		t.Errorf("problems = %v, want one saying the file changed", got)
	}
}
