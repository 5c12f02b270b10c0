package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The fuzz targets replay their corpus (testdata/fuzz) in every go test run;
// go test -fuzz FuzzSheet (or FuzzFile) looks for more.

const (
	fuzzLimit   = 1 << 20
	fuzzElement = 64 << 10
)

// readAll reads every sheet of a workbook to the end, merges included, and
// returns the non-empty values by "sheet!ref"; it checks the limits as it goes.
func readAll(t *testing.T, data []byte) (map[string]string, error) {
	b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{MaxUnzipped: fuzzLimit, MaxElement: fuzzElement})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	values := map[string]string{}
	for i := range b.Sheets() {
		rows, err := b.Rows(i)
		if err != nil {
			return nil, err
		}
		last := 0
		for rows.Next() {
			r := rows.Row()
			if r.Num <= last {
				t.Fatalf("row %d after row %d", r.Num, last)
			}
			last = r.Num
			prev := 0
			for _, c := range r.Cells {
				if c.Col <= prev || c.Col > MaxCols || c.Format == nil || c.Kind > KindDate {
					t.Fatalf("bad cell %+v after column %d", c, prev)
				}
				prev = c.Col
				if len(c.Value) > 0 {
					values[fmt.Sprintf("%d!%s", i, CellName(c.Col, r.Num))] = string(c.Value)
				}
			}
			if cap(rows.s.buf) > fuzzElement {
				t.Fatalf("window of %d bytes", cap(rows.s.buf))
			}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if _, err := rows.Merges(); err != nil {
			return nil, err
		}
		rows.Close()
	}
	if b.Unzipped() > fuzzLimit+1 {
		t.Fatalf("inflated %d bytes with a limit of %d", b.Unzipped(), fuzzLimit)
	}
	return values, nil
}

// excelizeValues is what excelize reads of the same workbook, or false when it
// cannot read it (or panics, which it does on some damaged files).
func excelizeValues(data []byte) (values map[string]string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true, UnzipSizeLimit: fuzzLimit})
	if err != nil {
		return nil, false
	}
	defer f.Close()
	values = map[string]string{}
	for i, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, false
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					values[fmt.Sprintf("%d!%s", i, CellName(c+1, r+1))] = v
				}
			}
		}
	}
	return values, true
}

// FuzzFile feeds whole files: zips, damaged or not, and other things.
func FuzzFile(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("a,b\n1,2\n"))
	f.Add(cfb("Workbook"))
	f.Add(rawBook{sheets: []rawSheet{{name: "S", xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>`}}, sst: `<si><t>x</t></si>`,
		styles: stylesWith([]int{0, 14}, nil)}.zip(f))
	f.Add(storedBook(f, `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, `<si><t>a</t></si>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(bytes.NewReader(data), int64(len(data)))
		readAll(t, data)
	})
}

// FuzzSheet feeds the XML of a sheet and of the shared strings, zipped without
// compression, and holds the values read to excelize's where both read the file.
func FuzzSheet(f *testing.F) {
	for _, s := range []struct{ sheet, sst string }{
		{`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>31117.0</v></c><c r="C1" t="b"><v>1</v></c></row>`, `<si><t>x</t></si>`},
		{`<row r="2"><c r="A2" t="inlineStr"><is><r><t>a&amp;</t></r><rPh><t>p</t></rPh></is></c><c t="e"><v>#N/A</v></c></row>`, `<si><r><t>_x0041_</t></r></si>`},
		{`<row><c><f t="shared" si="0"/></c><c r="C1" t="str"><f>A1</f><v><![CDATA[<x>]]></v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells><sheetData>`, `<si/>`},
		{"<row r=\"3\">\r\n<c r=\"A3\" s=\"1\" t=\"d\"><v>2024-01-01</v></c><!-- c --></row>", `<si><t xml:space="preserve"> a </t></si>`},
	} {
		f.Add(s.sheet, s.sst)
	}
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		data := storedBook(t, sheet, sst)
		got, err := readAll(t, data)
		if err != nil {
			return
		}
		// excelize reads what it can of a part that is not well-formed XML,
		// and says nothing: only well-formed parts are compared.
		if !wellFormed(sheet) || !wellFormed(sst) {
			return
		}
		want, ok := excelizeValues(data)
		if !ok {
			return
		}
		for ref, w := range want {
			if got[ref] != w {
				t.Fatalf("%s: xlsx reads %q, excelize %q", ref, got[ref], w)
			}
		}
		for ref, g := range got {
			if _, ok := want[ref]; !ok {
				t.Fatalf("%s: xlsx reads %q, excelize nothing", ref, g)
			}
		}
	})
}

// wellFormed reports whether encoding/xml reads the elements of s to the end.
func wellFormed(s string) bool {
	d := xml.NewDecoder(strings.NewReader("<x>" + s + "</x>"))
	for {
		if _, err := d.Token(); err != nil {
			return err == io.EOF
		}
	}
}

// storedBook is a one-sheet workbook whose sheet and shared strings hold the
// given XML, zipped without compression so that the fuzzer's bytes are the
// parts' bytes.
func storedBook(t testing.TB, sheet, sst string) []byte {
	parts := rawBook{sheets: []rawSheet{{name: "S", xml: sheet}}, sst: "<si><t>-</t></si>", styles: stylesWith([]int{0, 14}, nil)}
	zipped := parts.zip(t)
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		switch zf.Name {
		case "xl/sharedStrings.xml":
			fmt.Fprintf(w, "<sst %s>%s</sst>", nsMain, sst)
		default:
			rc, _ := zf.Open()
			var body bytes.Buffer
			body.ReadFrom(rc)
			rc.Close()
			w.Write(body.Bytes())
		}
	}
	zw.Close()
	return buf.Bytes()
}
