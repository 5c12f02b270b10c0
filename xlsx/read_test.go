package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// cellsOf reads every sheet of a workbook into "Sheet!A1" → "kind:value"
// (with " f" for a formula and the format class when not general).
func cellsOf(t *testing.T, data []byte) (map[string]string, *Book) {
	t.Helper()
	b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, sh := range b.Sheets() {
		rows, err := b.Rows(i)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			r := rows.Row()
			for _, c := range r.Cells {
				v := fmt.Sprintf("%v:%s", c.Kind, c.Value)
				if c.Formula {
					v += " f"
				}
				if c.Format.Class != ClassGeneral {
					v += " " + c.Format.Class.String()
				}
				got[sh.Name+"!"+CellName(c.Col, r.Num)] = v
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return got, b
}

func TestReadsExcelizeWorkbook(t *testing.T) {
	got, b := cellsOf(t, excelizeWorkbook(t, true))
	if !b.Date1904() {
		t.Error("Date1904() = false for a 1904 workbook")
	}
	var states []string
	for _, sh := range b.Sheets() {
		states = append(states, fmt.Sprintf("%s:%d:%d", sh.Name, sh.State, sh.Type))
	}
	if want := "[Kinds:0:0 Hidden:1:0 VeryHidden:2:0 Empty:0:0]"; fmt.Sprint(states) != want {
		t.Errorf("sheets %v, want %v", states, want)
	}
	want := map[string]string{
		"A1": "number:42", "A2": "number:1.5",
		"A3": "number:31117.0", // a whole number stored as "31117.0" stays so
		"A4": "number:1.5E-3", "A5": "text:chữ", "A6": "text:inline text",
		"A7": "bool:1", "A8": "bool:0", // never 1 and 0 as numbers
		"A9": "blank: f", // a formula without a cached result
		// excelize writes a control character as U+FFFD, and "_x0041_" unescaped
		// (Excel would write "_x005F_x0041_"), which then reads as "A".
		"A10": "text:đậm nghiêng", "A11": "text:control\uFFFDchar", "A12": "text:literal A escape",
		"A13": `text:&<>"' entities`, "A14": "text:  spaces kept  ", "A15": "text:two\nlines",
		"A16": "number:-0.000123", "A17": "number:123456789012", "A19": "blank: f",
		"B1": "blank: f", "B2": "blank: f", "B5": "blank: f", // shared formulas, the master and the rest
		"C1": "number:43889.5625 date-time", "C2": "number:45000.5",
		"D1": "number:45000.25 date", "D5": "number:45000.25 time", "D9": "number:45000.25 date-time",
		"D10": "number:45000.25 date", "D15": "number:45000.25 time", "D21": "number:45000.25 duration",
		"D32": "number:45000.25", "D33": "number:45000.25 number", "D47": "number:45000.25 text",
		"E1": "number:45000.25 date", "E2": "number:45000.25 time", "E3": "number:45000.25 duration",
		"E4": "number:45000.25 date-time", "E5": "number:45000.25 text", "E6": "number:45000.25 number",
		"E7": "number:45000.25 date", "E8": "number:45000.25 date", "E9": "number:45000.25 time",
		"E10": "number:45000.25 date", "E11": "number:45000.25 number", "E12": "number:45000.25 number",
		"E13": "number:45000.25 number", "E14": "number:45000.25 date-time", "E15": "number:45000.25 duration",
		"E16": "number:45000.25 time", "E17": "number:45000.25", "E18": "number:45000.25 number",
		"E20": "text:31117 text", // typed into a text cell
		"F4":  "text:merged",
	}
	for ref, w := range want {
		if g := got["Kinds!"+ref]; g != w {
			t.Errorf("%s = %q, want %q", ref, g, w)
		}
	}
	if got["Hidden!B2"] != "text:hidden" || got["VeryHidden!C3"] != "number:3" {
		t.Errorf("hidden sheets read %q, %q", got["Hidden!B2"], got["VeryHidden!C3"])
	}
}

// TestReadsRawParts covers what the writers at hand do not write, part by part
// as Excel and others may.
func TestReadsRawParts(t *testing.T) {
	styles := stylesWith([]int{0, 14, 164, 165, 22, 49, 200}, map[int]string{164: "dd/mm/yyyy", 165: "[h]:mm"})
	sst := `<si><t>plain</t></si>` +
		`<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space="preserve">text </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>` +
		`<si><t>a_x000D_b_x005F_x0041_c_x0041_</t></si>` +
		`<si><t>&lt;&amp;&gt;&quot;&apos;&#65;&#x1EA1;</t></si>` +
		`<si><t><![CDATA[<cdata & more>]]></t></si>` +
		`<si/>` +
		`<si><t>line1` + "\r\n" + `line2` + "\r" + `x</t></si>`
	sheet := `<row r="1">` +
		`<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
		`<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>inline</t></is></c>` +
		`<c r="B3" t="inlineStr"><is><r><t>in</t></r><r><rPr/><t>_x0031_line</t></r><rPh><t>P</t></rPh></is></c>` +
		`<c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
		`<c r="E3" t="d"><v>2024-01-15T00:00:00Z</v></c><c r="F3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
		`<c r="G3" t="b"><v>1</v></c><c r="H3" t="n"><v>7</v></c><c r="I3" s="6"/></row>` +
		// A row without a reference follows the one before.
		`<row><c r="A4" s="1"><v>45000</v></c><c r="B4" s="2"><v>45000.5</v></c><c r="E4" s="3"><v>1.25</v></c><c r="F4" s="4"><v>45000.75</v></c><c r="G4" s="5"><v>31117</v></c></row>` +
		// A shared formula: the master with its text, the rest by index, cached or not.
		`<row r="6"><c r="A6"><f t="shared" ref="A6:C6" si="0">A4*2</f><v>90000</v></c><c r="B6"><f t="shared" si="0"/><v>90001</v></c><c r="C6"><f t="shared" si="0"/></c></row>` +
		// Whitespace and a comment between elements, and a processing instruction.
		"<row r=\"7\">\n  <c r=\"A7\">\n    <v>1</v>\n  </c><!-- note --><?pi x?>\n  <c r=\"B7\" t=\"str\"><v>  keep  </v></c>\n</row>" +
		`<row r="8" spans="1:2"><c r="A8"><v>1.5E-3</v></c><c r="B8" t="s"><v> 0 </v></c><c r="C8"><v></v></c><c r="D8" t="str"><f>""</f><v></v></c></row>` +
		`<row r="9"/>`
	data := rawBook{
		sheets:     []rawSheet{{name: "Dữ liệu &amp; số", xml: sheet}, {name: "Ẩn", state: "hidden", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}},
		sst:        sst,
		styles:     styles,
		workbookPr: `date1904="true"`,
	}.zip(t)
	got, b := cellsOf(t, data)
	name := "Dữ liệu & số!"
	want := map[string]string{
		"A1": "text:plain", "B1": "text:rich text ", "C1": "text:a\rb_x0041_cA", "D1": `text:<&>"'Aạ`,
		"E1": "text:<cdata & more>", "F1": "text:", "G1": "text:line1\nline2\nx",
		"A3": "text:inline", "B3": "text:in1line", "C3": "error:#N/A", "D3": "error:#DIV/0! f",
		"E3": "date:2024-01-15T00:00:00Z", "F3": "text:ab f", "G3": "bool:1", "H3": "number:7",
		"I3": "blank:", "A4": "number:45000 date", "B4": "number:45000.5 date", "E4": "number:1.25 duration",
		"F4": "number:45000.75 date-time", "G4": "number:31117 text",
		"A6": "number:90000 f", "B6": "number:90001 f", "C6": "blank: f",
		"A7": "number:1", "B7": "text:  keep  ",
		"A8": "number:1.5E-3", "B8": "text:plain", "C8": "blank:", "D8": "text: f",
	}
	for ref, w := range want {
		if g := got[name+ref]; g != w {
			t.Errorf("%s = %q, want %q", ref, g, w)
		}
	}
	if n := len(got); n != len(want)+1 {
		t.Errorf("%d cells read, want %d", n, len(want)+1)
	}
	if !b.Date1904() || b.Sheets()[1].State != Hidden {
		t.Errorf("date1904 %v, states %+v", b.Date1904(), b.Sheets())
	}
	compareWithExcelize(t, writeFile(t, "raw.xlsx", data))
}

// TestReadsOtherLayouts: prefixed element names, absolute targets, a workbook
// part elsewhere than xl/ (which excelize does not follow), and what comes
// after sheetData.
func TestReadsOtherLayouts(t *testing.T) {
	sheet := `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:dimension ref="B2:C3"/><x:sheetData><x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData>
<x:mergeCells count="2"><x:mergeCell ref="B2:C2"/><x:mergeCell ref="A5:A9"/></x:mergeCells></x:worksheet>`
	for _, wbPath := range []string{"xl/workbook.xml", "wb/book.xml"} {
		t.Run(wbPath, func(t *testing.T) {
			data := rawBook{wbPath: wbPath, absolute: true, sheets: []rawSheet{{name: "S", xml: sheet}}, styles: stylesWith([]int{0}, nil)}.zip(t)
			got, b := cellsOf(t, data)
			if d := cmp.Diff(map[string]string{"S!B2": "number:5", "S!C3": "text:ok"}, got); d != "" {
				t.Error(d)
			}
			rows, err := b.Rows(0)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			// Merges before the rows are read: the rows are skipped to reach them.
			m, err := rows.Merges()
			if err != nil || fmt.Sprint(m) != "[B2:C2 A5:A9]" {
				t.Errorf("merges %v, %v", m, err)
			}
			if d, ok := rows.Dimension(); !ok || d.String() != "B2:C3" {
				t.Errorf("dimension %v %v", d, ok)
			}
			if rows.Next() {
				t.Error("rows after the merges")
			}
			if wbPath == "xl/workbook.xml" {
				compareWithExcelize(t, writeFile(t, "layout.xlsx", data))
			}
		})
	}
}

// TestCellsWithoutReferences: a cell without a reference follows the one
// before it, as Excel and LibreOffice read it. excelize agrees in GetRows but
// not in GetCellStyle, which takes such a cell's index in the row for its
// column, so this case is checked against what Excel shows.
func TestCellsWithoutReferences(t *testing.T) {
	sheet := `<row r="2"><c s="1"><v>1</v></c><c s="2"><v>2</v></c><c r="E2"><v>5</v></c><c s="1"><v>6</v></c></row><row><c/><c t="b"><v>0</v></c></row>`
	data := rawBook{sheets: []rawSheet{{name: "S", xml: sheet}}, styles: stylesWith([]int{0, 14, 20}, nil)}.zip(t)
	got, _ := cellsOf(t, data)
	want := map[string]string{"S!A2": "number:1 date", "S!B2": "number:2 time", "S!E2": "number:5", "S!F2": "number:6 date",
		"S!A3": "blank:", "S!B3": "bool:0"}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestDamage(t *testing.T) {
	for _, tc := range []struct {
		name, sheet, reason string
		row, col            int
	}{
		{"cut short", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`, "ends", 2, 0},
		{"badly nested", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`, "<v> closed by </sheetData>", 2, 0},
		{"rows out of order", `<row r="2"/><row r="1"/>`, "row 1 after row 2", 2, 0},
		{"cells out of order", `<row r="1"><c r="B1"/><c r="A1"/></row>`, "after column B", 1, 2},
		{"bad reference", `<row r="1"><c r="1A"/></row>`, "reference", 1, 0},
		{"beyond the last column", `<row r="1"><c r="XFE1"/></row>`, "reference", 1, 0},
		{"unknown type", `<row r="1"><c r="A1" t="x"><v>1</v></c></row>`, "type", 1, 0},
		{"missing shared string", `<row r="1"><c r="A1" t="s"><v>3</v></c></row>`, "shared string 3 of 0", 1, 0},
		{"bad entity", `<row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row>`, "entity", 1, 0},
		{"reference to NUL", `<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row>`, "entity", 1, 0},
		{"not UTF-8", "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\xff</v></c></row>", "UTF-8", 1, 0},
		{"utf-16", "\xff\xfe<worksheet/>", "UTF-16", 0, 0}, // a byte-order mark is enough
		{"doctype", `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`, "DOCTYPE", 0, 0},
		{"bad merge", `</sheetData><mergeCells><mergeCell ref="A1:"/></mergeCells><sheetData>`, "merged range", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := rawBook{sheets: []rawSheet{{name: "S", xml: tc.sheet}}}.zip(t)
			b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := b.Rows(0)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
			}
			err = rows.Err()
			if err == nil {
				_, err = rows.Merges()
			}
			d, ok := err.(*DamagedError)
			if !ok {
				t.Fatalf("error %v (%T), want a DamagedError", err, err)
			}
			if !strings.Contains(d.Reason, tc.reason) || d.Sheet != "S" || d.Part != "xl/worksheets/sheet1.xml" ||
				d.Row != tc.row || (tc.col != 0 && d.Col != tc.col) {
				t.Errorf("got %+v, want reason ~%q at row %d col %d", d, tc.reason, tc.row, tc.col)
			}
		})
	}
}
