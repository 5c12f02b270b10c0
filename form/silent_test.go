package form

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/score"
	"dean/units"
)

// No value is dropped or invented without a word: each case below once lost a
// value in silence.
func TestNoValueDroppedInSilence(t *testing.T) {
	const s = "Cái Khế"
	c := blankCells(t)
	now := func(id string) string { return c[id][0] }
	tests := []struct {
		name   string
		change func(f *excelize.File)
		want   []Problem
		values map[string]score.Reading
	}{
		{
			name: "a value in a row whose id was deleted",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, "B43", ""))
			},
			want: []Problem{
				{Sheet: s, Input: "vu_dua_xe", Msg: "không có dòng nào cho chỉ số này (Số vụ đua xe trái phép xảy ra trên địa bàn)"},
				{Sheet: s, Cell: "E43", Msg: `dòng 43 có số liệu nhưng không có mã chỉ số: số liệu này không được dùng; hãy ghi mã chỉ số vào cột "Mã chỉ số" hoặc xóa số liệu`},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name: "a value right of the table",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, "H43", 42))
			},
			want: []Problem{
				{Sheet: s, Cell: "H43", Input: "vu_dua_xe", Warning: true, Msg: `ô H43 có số liệu ("42") nằm ngoài bảng, bên phải cột "Ghi chú": số liệu này không được dùng; hãy chuyển vào đúng cột hoặc xóa`},
			},
		},
		{
			name: "a criterion id in place of an input id, with a value",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, "B43", "TC06"))
			},
			want: []Problem{
				{Sheet: s, Input: "vu_dua_xe", Msg: "không có dòng nào cho chỉ số này (Số vụ đua xe trái phép xảy ra trên địa bàn)"},
				{Sheet: s, Cell: "B43", Msg: `"TC06" là mã tiêu chí, không phải mã chỉ số, nên số liệu ở dòng này không được dùng: hãy ghi mã chỉ số của dòng (như trong biểu mẫu gốc)`},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name: "a part above its whole's whole while the whole is blank",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, now("ho_so_dung_han"), ""))
				must(t, f.SetCellInt(s, now("ho_so_truoc_han"), 5000))
			},
			want: []Problem{
				{Sheet: s, Cell: now("ho_so_dung_han"), Input: "ho_so_dung_han", Msg: "thiếu số liệu kỳ này", Missing: true},
				{Sheet: s, Cell: now("ho_so_truoc_han"), Input: "ho_so_truoc_han", Msg: "số liệu (5000) lớn hơn số liệu của ho_so_giai_quyet ở ô " + now("ho_so_giai_quyet") + " (1079): đây là một phần của ho_so_giai_quyet nên không thể lớn hơn"},
			},
			values: map[string]score.Reading{"ho_so_dung_han": {}, "ho_so_truoc_han": {}},
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

// TestValueHiddenUnderAMerge: Excel shows a merged range's first cell only, so a
// value left in another of its cells (merging keeps it in the file) would be read
// though nobody sees it.
func TestValueHiddenUnderAMerge(t *testing.T) {
	path := writeForm(t, t.TempDir(), "nk.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	rewriteZip(t, path, "xl/worksheets/sheet2.xml", func(b []byte) []byte {
		i := bytes.Index(b, []byte("<mergeCell "))
		return append(b[:i:i], append([]byte(`<mergeCell ref="D43:E43"/>`), b[i:]...)...)
	})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	want := []Problem{{File: path, Sheet: "Cái Khế", Cell: "E43", Input: "vu_dua_xe",
		Msg: "ô này nằm trong vùng ô gộp D43:E43 nên Excel không hiển thị giá trị của nó: giá trị không được dùng; hãy bỏ gộp ô (Unmerge) rồi kiểm tra lại"}}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(sheets) != 1 || sheets[0].Values["vu_dua_xe"].Now.OK {
		t.Errorf("the hidden value was used: %+v", sheets)
	}
}

// TestTwoSheetsOfOneName: Excel allows no such workbook, but a program can write
// one; which sheet a ward's values come from would be a guess, so the file is
// refused.
func TestTwoSheetsOfOneName(t *testing.T) {
	path := writeForm(t, t.TempDir(), "nk.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet), anHoa.Code: goodValues(testSet)}})
	rewriteZip(t, path, "xl/workbook.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`name="An Hòa"`), []byte(`name="cái khế"`), 1)
	})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	want := []Problem{{File: path, Msg: `tệp có hai trang cùng tên "cái khế" (Excel không cho phép): không rõ số liệu ở trang nào, hãy mở bằng Excel, đổi tên hoặc xóa một trang rồi lưu lại`}}
	if diff := cmp.Diff(want, problems); diff != "" || len(sheets) != 0 {
		t.Errorf("%d sheets; problems (-want +got):\n%s", len(sheets), diff)
	}
}

// rewriteZip changes one part of a workbook as another program might write it.
func rewriteZip(t *testing.T, path, part string, change func([]byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	must(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		must(t, err)
		data, err := io.ReadAll(rc)
		rc.Close()
		must(t, err)
		if f.Name == part {
			data, found = change(data), true
		}
		w, err := zw.Create(f.Name)
		must(t, err)
		_, err = w.Write(data)
		must(t, err)
	}
	zr.Close()
	must(t, zw.Close())
	if !found {
		t.Fatalf("%s has no part %s", path, part)
	}
	must(t, os.WriteFile(path, buf.Bytes(), 0o644))
}
