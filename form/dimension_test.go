package form

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dean/score"
	"dean/units"
)

// sheetXML is what the dimension checks read of a worksheet, decoded by
// encoding/xml on its own rather than by the scanner under test.
type sheetXML struct {
	Dimension []struct {
		Ref string `xml:"ref,attr"`
	} `xml:"dimension"`
	Rows []struct {
		Cells []struct {
			R string `xml:"r,attr"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

// cellExtent is the range a worksheet's cells take up, every <c> counted.
func cellExtent(t *testing.T, s sheetXML) string {
	t.Helper()
	minR, minC, maxR, maxC := 0, 0, 0, 0
	for _, r := range s.Rows {
		for _, c := range r.Cells {
			col, row, err := excelize.CellNameToCoordinates(c.R)
			if err != nil {
				t.Fatalf("cell %q: %v", c.R, err)
			}
			if maxR == 0 {
				minR, minC, maxR, maxC = row, col, row, col
			}
			minR, minC, maxR, maxC = min(minR, row), min(minC, col), max(maxR, row), max(maxC, col)
		}
	}
	if maxR == 0 {
		return "A1"
	}
	a, _ := excelize.CoordinatesToCellName(minC, minR)
	b, _ := excelize.CoordinatesToCellName(maxC, maxR)
	if a == b {
		return a
	}
	return a + ":" + b
}

// checkDimensions opens a workbook as a zip, as openpyxl does, and checks that
// every worksheet declares, once, the range its cells take up. It returns the
// declared ranges by part name.
func checkDimensions(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got := map[string]string{}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") || strings.Contains(f.Name, "_rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var s sheetXML
		if err := xml.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if len(s.Dimension) != 1 {
			t.Errorf("%s: %s has %d <dimension> elements", filepath.Base(path), f.Name, len(s.Dimension))
			continue
		}
		if want := cellExtent(t, s); s.Dimension[0].Ref != want {
			t.Errorf("%s: %s declares %q, its cells take up %q", filepath.Base(path), f.Name, s.Dimension[0].Ref, want)
		}
		got[f.Name] = s.Dimension[0].Ref
	}
	if len(got) == 0 {
		t.Fatalf("%s: no worksheet", path)
	}
	return got
}

func TestTemplateDimensions(t *testing.T) {
	dir := t.TempDir()
	noDistrict := units.Ward{Code: "99001", Name: "Phường Mới"}
	path := writeForm(t, dir, "f.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa, noDistrict}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	got := checkDimensions(t, path)
	// The guide, and ward sheets from A1 to the note column of the last input.
	if got["xl/worksheets/sheet1.xml"] != "A1:B15" || got["xl/worksheets/sheet2.xml"] != "A1:G122" ||
		got["xl/worksheets/sheet4.xml"] != "A1:G121" {
		t.Errorf("dimensions: %v", got)
	}
}

func TestAnnotateDimensions(t *testing.T) {
	dir := t.TempDir()
	// A form as excelize's cell API leaves it, and as dean wrote forms before:
	// "A1" declared whatever the cells.
	old := filepath.Join(dir, "old.xlsx")
	f := excelize.NewFile()
	must(t, f.SetCellStr("Sheet1", "B2", "x"))
	_, err := f.NewSheet("Khác")
	must(t, err)
	must(t, f.SetCellInt("Khác", "C7", 3))
	must(t, f.SaveAs(old))
	f.Close()
	dst := filepath.Join(dir, "old.loi.xlsx")
	// A problem on a cell outside the cells the sheet has, and one on the sheet
	// (a comment on A1, which is no cell).
	if err := Annotate(old, dst, []Problem{{Sheet: "Sheet1", Cell: "H30", Msg: "lỗi"}, {Sheet: "Sheet1", Msg: "ghi chú"}}); err != nil {
		t.Fatal(err)
	}
	got := checkDimensions(t, dst)
	if got["xl/worksheets/sheet1.xml"] != "B2:H30" || got["xl/worksheets/sheet2.xml"] != "C7" {
		t.Errorf("dimensions: %v", got)
	}

	// dean's own template, annotated.
	src := writeForm(t, dir, "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: p2022})
	_, problems := readAll([]string{src}, readOpts{Set: testSet, Units: testUnits})
	if len(problems) == 0 {
		t.Fatal("a blank form has no problem")
	}
	dst = filepath.Join(dir, "ninh-kieu.loi.xlsx")
	if err := Annotate(src, dst, problems); err != nil {
		t.Fatal(err)
	}
	checkDimensions(t, dst)
}

func TestWithDimension(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	tests := []struct {
		name, in, want string
	}{
		{"self-closing dimension replaced",
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row r="2"><c r="B2"/><c r="D2"><v>1</v></c></row><row r="9"><c r="C9"/></row></sheetData></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="B2:D9"/><sheetData><row r="2"><c r="B2"/><c r="D2"><v>1</v></c></row><row r="9"><c r="C9"/></row></sheetData></worksheet>`},
		{"dimension with an end tag, after sheetPr",
			`<?xml version="1.0"?>` + "\n" + `<worksheet ` + ns + `><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"></dimension><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>`,
			`<?xml version="1.0"?>` + "\n" + `<worksheet ` + ns + `><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>`},
		{"missing dimension goes after sheetPr",
			`<worksheet ` + ns + `><sheetPr/><sheetData><row r="3"><c r="E3"/></row></sheetData></worksheet>`,
			`<worksheet ` + ns + `><sheetPr/><dimension ref="E3"/><sheetData><row r="3"><c r="E3"/></row></sheetData></worksheet>`},
		{"missing dimension and sheetPr: first in the sheet",
			`<worksheet ` + ns + `><sheetViews/><sheetData><row r="3"><c r="E3"/></row></sheetData></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="E3"/><sheetViews/><sheetData><row r="3"><c r="E3"/></row></sheetData></worksheet>`},
		{"prefixed elements keep their prefix",
			`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData><x:row r="4"><x:c r="B4"/></x:row></x:sheetData></x:worksheet>`,
			`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="B4"/><x:sheetData><x:row r="4"><x:c r="B4"/></x:row></x:sheetData></x:worksheet>`},
		{"rows and cells without references follow the ones before",
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row><c/><c/></row><row r="5"><c r="C5"/><c/></row><row><c/></row></sheetData></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="A1:D6"/><sheetData><row><c/><c/></row><row r="5"><c r="C5"/><c/></row><row><c/></row></sheetData></worksheet>`},
		{"an empty sheet is A1",
			`<worksheet ` + ns + `><dimension ref="B2:C3"/><sheetData/></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData/></worksheet>`},
		{"references after the cells do not count",
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row r="1"><c r="A1"/></row></sheetData><mergeCells><mergeCell ref="A1:Z99"/></mergeCells><c r="Z99"/></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row r="1"><c r="A1"/></row></sheetData><mergeCells><mergeCell ref="A1:Z99"/></mergeCells><c r="Z99"/></worksheet>`},
		{"text that looks like a cell is text",
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;c r="Z9"/&gt;</t></is></c></row><!-- <c r="Y8"/> --></sheetData></worksheet>`,
			`<worksheet ` + ns + `><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;c r="Z9"/&gt;</t></is></c></row><!-- <c r="Y8"/> --></sheetData></worksheet>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := withDimension([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	for _, bad := range []string{
		``,
		`<workbook/>`,
		`<worksheet><dimension ref="A1"><sheetData>`,
		`<worksheet><sheetData><row r="0"><c/></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="x"><c/></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="1A"/></row></sheetData></worksheet>`,
	} {
		if _, err := withDimension([]byte(bad)); err == nil {
			t.Errorf("withDimension(%q) took it", bad)
		}
	}
}

// TestWithDimensionAgreesWithExcelize has excelize write sheets of cells at
// random places, some with a value and some with only a style, and checks the
// scanner finds the range of the cells that were written.
func TestWithDimensionAgreesWithExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 30 {
		f := excelize.NewFile()
		style, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
		must(t, err)
		var want sheetScan
		for range 1 + rng.IntN(40) {
			col, row := 1+rng.IntN(30), 1+rng.IntN(200)
			if i%3 == 0 { // some far away
				col, row = 1+rng.IntN(excelize.MaxColumns), 1+rng.IntN(5000)
			}
			ref, _ := excelize.CoordinatesToCellName(col, row)
			if rng.IntN(2) == 0 {
				must(t, f.SetCellValue("Sheet1", ref, rng.IntN(100)))
			} else {
				must(t, f.SetCellStyle("Sheet1", ref, ref, style))
			}
			must(t, want.add(row, col))
		}
		var buf bytes.Buffer
		_, err = f.WriteTo(&buf)
		must(t, err)
		f.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		must(t, err)
		rc, err := zr.Open("xl/worksheets/sheet1.xml")
		must(t, err)
		sheet, err := io.ReadAll(rc)
		must(t, err)
		got, err := scanSheet(sheet)
		must(t, err)
		if got.usedRange() != want.usedRange() {
			t.Errorf("sheet %d: scanned %s, excelize was given %s", i, got.usedRange(), want.usedRange())
		}
	}
}

// FuzzWithDimension: whatever the input, no panic; and what it writes is a
// sheet whose one dimension is the range of its cells, the rest unchanged.
func FuzzWithDimension(f *testing.F) {
	f.Add([]byte(`<worksheet><dimension ref="A1"/><sheetData><row r="2"><c r="B2"/></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet xmlns:x="u"><x:sheetPr/><x:sheetData><x:row><x:c/></x:row></x:sheetData></x:worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row r="3"><c r="XFD1048576"/><c/></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := withDimension(in)
		if err != nil {
			return
		}
		s, err := scanSheet(out)
		if err != nil {
			t.Fatalf("output does not scan: %v\n%s", err, out)
		}
		first, _ := scanSheet(in)
		if s.usedRange() != first.usedRange() {
			t.Fatalf("range changed from %s to %s", first.usedRange(), s.usedRange())
		}
		elem := fmt.Sprintf(`<%sdimension ref="%s"/>`, s.prefix, s.usedRange())
		if s.dimStart < 0 || string(out[s.dimStart:s.dimEnd]) != elem {
			t.Fatalf("no %s in\n%s", elem, out)
		}
		// Outside the dimension, the input is kept byte for byte.
		rest := append(append([]byte{}, out[:s.dimStart]...), out[s.dimEnd:]...)
		orig := in
		if first.dimStart >= 0 {
			orig = append(append([]byte{}, in[:first.dimStart]...), in[first.dimEnd:]...)
		}
		if !bytes.Equal(rest, orig) {
			t.Fatalf("changed beyond the dimension:\n%s\n%s", in, out)
		}
	})
}
