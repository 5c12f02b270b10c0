package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelizeWorkbook writes, with excelize, a workbook holding every kind of
// cell excelize can write: numbers as typed ("31117.0", "1.5E-3"), shared,
// rich and inline strings, booleans, formulas with and without cached values
// (shared ones too), escapes, a value under each built-in date and time format
// and under custom ones, merged cells, hidden and very hidden sheets.
func excelizeWorkbook(t testing.TB, date1904 bool) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const s = "Kinds"
	must(f.SetSheetName("Sheet1", s))
	must(f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}))
	must(f.SetCellValue(s, "A1", 42))
	must(f.SetCellValue(s, "A2", 1.5))
	must(f.SetCellDefault(s, "A3", "31117.0"))
	must(f.SetCellDefault(s, "A4", "1.5E-3"))
	must(f.SetCellStr(s, "A5", "chữ"))
	must(f.SetCellDefault(s, "A6", "inline text"))
	must(f.SetCellBool(s, "A7", true))
	must(f.SetCellBool(s, "A8", false))
	must(f.SetCellFormula(s, "A9", "1/0"))
	must(f.SetCellRichText(s, "A10", []excelize.RichTextRun{{Text: "đậm "}, {Text: "nghiêng", Font: &excelize.Font{Italic: true}}}))
	must(f.SetCellStr(s, "A11", "control\x01char"))
	must(f.SetCellStr(s, "A12", "literal _x0041_ escape"))
	must(f.SetCellStr(s, "A13", `&<>"' entities`))
	must(f.SetCellStr(s, "A14", "  spaces kept  "))
	must(f.SetCellStr(s, "A15", "two\nlines"))
	must(f.SetCellValue(s, "A16", -0.000123))
	must(f.SetCellValue(s, "A17", int64(123456789012)))
	must(f.SetCellDefault(s, "A18", ""))
	must(f.SetCellFormula(s, "A19", `"text"&"result"`))
	shared, ref := "shared", "B1:B5"
	must(f.SetCellFormula(s, "B1", "A1*2", excelize.FormulaOpts{Type: &shared, Ref: &ref}))
	must(f.SetCellValue(s, "C1", time.Date(2024, 2, 29, 13, 30, 0, 0, time.UTC)))
	must(f.SetCellValue(s, "C2", 45000.5))
	must(f.MergeCell(s, "F1", "G2"))
	must(f.MergeCell(s, "F4", "F6"))
	must(f.SetCellStr(s, "F4", "merged"))

	// D: the built-in date and time formats; E: custom ones.
	row := 1
	for _, id := range []int{14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
		45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49} {
		st, err := f.NewStyle(&excelize.Style{NumFmt: id})
		must(err)
		cell := CellName(4, row)
		must(f.SetCellValue(s, cell, 45000.25))
		must(f.SetCellStyle(s, cell, cell, st))
		row++
	}
	row = 1
	for _, code := range []string{"dd/mm/yyyy", "hh:mm", "[h]:mm:ss", "dd/mm/yyyy hh:mm:ss", "@", "#,##0.00",
		`"Ngày "dd" tháng "mm" năm "yyyy`, "mmm-yy", "mm:ss.0", "[$-42A]dd/mm/yyyy", "0.00E+00", `#,##0 "người"`,
		"[Red]#,##0;[Blue]-#,##0", "yyyy-mm-dd\"T\"hh:mm", "[mm]:ss", "h:mm AM/PM", "General", `0;-0;;@`} {
		c := code
		st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &c})
		must(err)
		cell := CellName(5, row)
		must(f.SetCellValue(s, cell, 45000.25))
		must(f.SetCellStyle(s, cell, cell, st))
		row++
	}
	// A text typed into a cell formatted as text.
	text := "@"
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &text})
	must(err)
	must(f.SetCellStr(s, "E20", "31117"))
	must(f.SetCellStyle(s, "E20", "E20", st))

	for _, name := range []string{"Hidden", "VeryHidden", "Empty"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue("Hidden", "B2", "hidden"))
	must(f.SetSheetVisible("Hidden", false))
	must(f.SetCellValue("VeryHidden", "C3", 3))
	must(f.SetSheetVisible("VeryHidden", false, true))
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rewriteZip copies a zip, passing each entry's content through edit.
func rewriteZip(t testing.TB, data []byte, edit func(name string, body []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(edit(f.Name, body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipOf writes the parts into a zip, in the order of their names.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relT   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// rawBook is a workbook written part by part, for what no writer at hand makes.
type rawBook struct {
	sheets     []rawSheet
	sst        string // the si elements; no sharedStrings part when ""
	styles     string // the whole styles part; none when ""
	workbookPr string // e.g. `date1904="1"`
	wbPath     string // the workbook part; xl/workbook.xml when ""
	absolute   bool   // targets from the root ("/xl/worksheets/...")
}

type rawSheet struct {
	name, state string
	xml         string // the whole part, or just what goes inside <sheetData>
}

func (rb rawBook) zip(t testing.TB) []byte {
	t.Helper()
	wb := rb.wbPath
	if wb == "" {
		wb = "xl/workbook.xml"
	}
	dir := wb[:strings.LastIndexByte(wb, '/')+1]
	target := func(p string) string {
		if rb.absolute {
			return "/" + dir + p
		}
		return p
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/` + wb + `" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relT + `officeDocument" Target="` + wb + `"/></Relationships>`,
	}
	var sheets, rels strings.Builder
	for i, sh := range rb.sheets {
		state := ""
		if sh.state != "" {
			state = ` state="` + sh.state + `"`
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, sh.name, i+1, state, i+1)
		p := fmt.Sprintf("worksheets/sheet%d.xml", i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sworksheet" Target="%s"/>`, i+1, relT, target(p))
		body := sh.xml
		if !strings.Contains(body, "worksheet") {
			body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet " + nsMain + " " + nsRel + "><sheetData>" + body + "</sheetData></worksheet>"
		}
		parts[dir+p] = body
	}
	if rb.sst != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%ssharedStrings" Target="%s"/>`, relT, target("sharedStrings.xml"))
		parts[dir+"sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<sst " + nsMain + ">" + rb.sst + "</sst>"
	}
	if rb.styles != "" {
		fmt.Fprintf(&rels, `<Relationship Id="rIdT" Type="%sstyles" Target="%s"/>`, relT, target("styles.xml"))
		parts[dir+"styles.xml"] = rb.styles
	}
	pr := ""
	if rb.workbookPr != "" {
		pr = "<workbookPr " + rb.workbookPr + "/>"
	}
	parts[wb] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<workbook " + nsMain + " " + nsRel + ">" + pr + "<sheets>" + sheets.String() + "</sheets></workbook>"
	parts[dir+"_rels/"+wb[len(dir):]+".rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	return zipOf(t, parts)
}

// stylesWith is a styles part whose cell styles have the given number format
// ids, with the custom formats given (id → code).
func stylesWith(ids []int, custom map[int]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<styleSheet " + nsMain + ">")
	if len(custom) > 0 {
		keys := make([]int, 0, len(custom))
		for id := range custom {
			keys = append(keys, id)
		}
		sort.Ints(keys)
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(custom))
		for _, id := range keys {
			code := strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;").Replace(custom[id])
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, code)
		}
		b.WriteString(`</numFmts>`)
	}
	b.WriteString(`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>`)
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(ids))
	for _, id := range ids {
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	b.WriteString(`<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="yyyy"/></dxf></dxfs></styleSheet>`)
	return b.String()
}
