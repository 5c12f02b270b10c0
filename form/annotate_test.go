package form

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/score"
	"dean/units"
)

func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	vals := goodValues(testSet)
	delete(vals, "vu_dua_xe")
	src := writeForm(t, dir, "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: vals}})
	c := blankCells(t)
	bad := c["dang_bo_htxs"][0]
	edit(t, src, func(f *excelize.File) {
		must(t, f.SetCellStr("Cái Khế", bad, "có lẽ"))
		must(t, f.AddComment("Cái Khế", excelize.Comment{Cell: bad, Author: "Đội", Text: "đã hỏi lại"}))
	})
	before, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	_, problems := readAll([]string{src}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	problems = append(problems,
		Problem{File: "other.xlsx", Sheet: "Cái Khế", Cell: "E20", Msg: "không thuộc tệp này"},
		Problem{File: src, Sheet: "Cái Khế", Msg: "ghi chú cho cả trang"})
	dst := filepath.Join(dir, "ninh-kieu.loi.xlsx")
	if err := Annotate(src, dst, problems); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("Annotate changed its source")
	}

	f, err := excelize.OpenFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("Cái Khế")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, cm := range comments {
		text := cm.Text
		for _, r := range cm.Paragraph {
			text += r.Text
		}
		got[cm.Cell] = text
	}
	missing := c["vu_dua_xe"][0]
	want := map[string]string{
		bad:     "đã hỏi lại\nchỉ số dang_bo_htxs: \"có lẽ\" không hợp lệ: hãy chọn Có hoặc Không trong danh sách",
		missing: "chỉ số vu_dua_xe: thiếu số liệu kỳ này",
		"A1":    "ghi chú cho cả trang",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
	fillOf := func(cell string) (string, bool) {
		t.Helper()
		id, err := f.GetCellStyle("Cái Khế", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		color := ""
		if len(st.Fill.Color) > 0 {
			color = st.Fill.Color[0]
		}
		return color, st.Protection != nil && !st.Protection.Locked
	}
	for cell, wantColor := range map[string]string{bad: fillWrong, missing: fillMissing, "A1": ""} {
		color, unlocked := fillOf(cell)
		if color != wantColor {
			t.Errorf("fill of %s = %q, want %q", cell, color, wantColor)
		}
		if cell != "A1" && !unlocked {
			t.Errorf("%s lost its unlocked protection", cell)
		}
	}

	// The annotated copy still reads the same.
	_, again := readAll([]string{dst}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if len(again) != len(problems)-2 {
		t.Errorf("annotated copy: %d problems, want %d", len(again), len(problems)-2)
	}
	if err := Annotate(src, src, problems); err == nil {
		t.Error("Annotate wrote over its source")
	}
}

// TestAnnotateOpenpyxlColours annotates a workbook whose styles carry colours as
// openpyxl writes them, aRGB with alpha 00 ("00000000"): every colour of the copy
// must still be 6 or 8 hex digits, or openpyxl refuses to open it.
func TestAnnotateOpenpyxlColours(t *testing.T) {
	dir := t.TempDir()
	src := writeForm(t, dir, "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
	c := blankCells(t)
	edit(t, src, func(f *excelize.File) {
		// Every kind of colour on the cells to be annotated: font, border, fill.
		st, err := f.NewStyle(&excelize.Style{
			Font:   &excelize.Font{Color: "1F4E79"},
			Border: []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "bottom", Color: "FF0000", Style: 1}},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}},
		})
		must(t, err)
		for _, cell := range []string{c["vu_dua_xe"][0], c["dang_bo_htxs"][0]} {
			must(t, f.SetCellStyle("Cái Khế", cell, cell, st))
		}
	})
	styles := readZipEntry(t, src, "xl/styles.xml")
	if !strings.Contains(styles, `rgb="FF`) {
		t.Fatal("fixture: no aRGB colour to rewrite")
	}
	replaceZipEntry(t, src, "xl/styles.xml", strings.ReplaceAll(styles, `rgb="FF`, `rgb="00`))

	dst := filepath.Join(dir, "ninh-kieu.loi.xlsx")
	problems := []Problem{
		{Sheet: "Cái Khế", Cell: c["vu_dua_xe"][0], Input: "vu_dua_xe", Msg: "thiếu số liệu kỳ này", Missing: true},
		{Sheet: "Cái Khế", Cell: c["dang_bo_htxs"][0], Input: "dang_bo_htxs", Msg: `"có lẽ" không hợp lệ`},
	}
	if err := Annotate(src, dst, problems); err != nil {
		t.Fatal(err)
	}
	out := readZipEntry(t, dst, "xl/styles.xml")
	rgb := regexp.MustCompile(`rgb="([^"]*)"`)
	good := regexp.MustCompile(`^([0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$`)
	found := rgb.FindAllStringSubmatch(out, -1)
	if len(found) == 0 {
		t.Fatal("no rgb attribute in the annotated styles")
	}
	for _, m := range found {
		if !good.MatchString(m[1]) {
			t.Errorf("colour %q in xl/styles.xml: want 6 or 8 hex digits", m[1])
		}
	}
	f, err := excelize.OpenFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{c["vu_dua_xe"][0]: fillMissing, c["dang_bo_htxs"][0]: fillWrong} {
		id, err := f.GetCellStyle("Cái Khế", cell)
		must(t, err)
		st, err := f.GetStyle(id)
		must(t, err)
		if len(st.Fill.Color) != 1 || st.Fill.Color[0] != want {
			t.Errorf("fill of %s = %v, want %s", cell, st.Fill.Color, want)
		}
		if st.Font == nil || st.Font.Color != "1F4E79" {
			t.Errorf("font of %s = %+v, want colour 1F4E79 kept", cell, st.Font)
		}
		if len(st.Border) != 2 {
			t.Errorf("borders of %s = %+v, want the two kept", cell, st.Border)
		}
	}
}

func readZipEntry(t *testing.T, path, name string) string {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name != name {
			continue
		}
		in, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		b, err := io.ReadAll(in)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Fatalf("%s: no %s", path, name)
	return ""
}
