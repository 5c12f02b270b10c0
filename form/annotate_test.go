package form

import (
	"bytes"
	"os"
	"path/filepath"
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
	_, problems := Read([]string{src}, ReadOptions{Set: testSet, Units: testUnits, Period: &p2022})
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
	_, again := Read([]string{dst}, ReadOptions{Set: testSet, Units: testUnits, Period: &p2022})
	if len(again) != len(problems)-2 {
		t.Errorf("annotated copy: %d problems, want %d", len(again), len(problems)-2)
	}
	if err := Annotate(src, src, problems); err == nil {
		t.Error("Annotate wrote over its source")
	}
}
