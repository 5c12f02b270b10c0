package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func renderXLSX(t *testing.T, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, BuildWorkbook(in)); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DEAN_KEEP_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, "r.xlsx"), buf.Bytes(), 0o644)
	}
	return buf.Bytes()
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cellValue(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestXLSXReadsBack(t *testing.T) {
	in := fixture(t, "2026-H1", deAnLevels)
	// Text a spreadsheet could take for a formula must stay text.
	first := in.Result.Wards[0].Code
	src := in.Sources[first]
	src.File, src.Sheet = "=HYPERLINK(\"http://x\")", "-1+2"
	in.Sources[first] = src
	f := openXLSX(t, renderXLSX(t, in))

	want := []string{"Tổng hợp", "Ma trận", "Chi tiết", "Biểu đồ", "Nguồn"}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}

	// Tổng hợp: each district's row and the city's, against the scores.
	st := newStats(in.normalized())
	hr := BuildWorkbook(in).Sheets[0].HeaderRow() // titles and notes above the header
	if hr != 7 {
		t.Errorf("Tổng hợp header on row %d, want 7 (six rows of titles and notes, one on the ward lacking data)", hr)
	}
	if got := cellValue(t, f, "Tổng hợp", "A4"); got != "Chỉ tiêu lũy kế đến hết năm 2026: từ 16 đến 17 phường đạt chuẩn; 6 tháng đầu năm 2026 có 0 phường đạt chuẩn, cần thêm 16 phường trong 6 tháng cuối năm để đạt mức tối thiểu." {
		t.Errorf("Tổng hợp A4 = %q", got)
	}
	if got := cellValue(t, f, "Tổng hợp", "A5"); !strings.HasPrefix(got, "1 phường thiếu số liệu, chưa đánh giá đầy đủ") {
		t.Errorf("Tổng hợp A5 = %q, want the ward lacking data", got)
	}
	for i, d := range st.districts {
		r := hr + 1 + i
		if got := cellValue(t, f, "Tổng hợp", fmt.Sprintf("B%d", r)); got != d.Name {
			t.Errorf("Tổng hợp B%d = %q, want %q", r, got, d.Name)
		}
		if got := cellValue(t, f, "Tổng hợp", fmt.Sprintf("C%d", r)); got != strconv.Itoa(d.Wards) {
			t.Errorf("%s: %s wards, want %d", d.Name, got, d.Wards)
		}
		avg, _ := strconv.ParseFloat(cellValue(t, f, "Tổng hợp", fmt.Sprintf("F%d", r)), 64)
		if want := float64(d.Criteria) / float64(d.Wards); avg < want-1e-9 || avg > want+1e-9 {
			t.Errorf("%s: average %v, want %v", d.Name, avg, want)
		}
	}
	city := hr + 1 + len(st.districts)
	if got := cellValue(t, f, "Tổng hợp", fmt.Sprintf("C%d", city)); got != "42" {
		t.Errorf("city wards %s", got)
	}

	// Ma trận: every ward's verdicts and count.
	rows, err := f.GetRows("Ma trận")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 43 {
		t.Fatalf("Ma trận has %d rows, want 43", len(rows))
	}
	for i, w := range in.Result.Wards {
		row := rows[i+1]
		if row[0] != w.Code {
			t.Errorf("row %d: ward %s, want %s", i+2, row[0], w.Code)
		}
		for j, c := range w.Criteria {
			if row[3+j] != c.Verdict.Text() {
				t.Errorf("%s %s: %q, want %q", w.Name, c.ID, row[3+j], c.Verdict.Text())
			}
		}
		if row[25] != strconv.Itoa(w.Passed) {
			t.Errorf("%s: %s criteria met, want %d", w.Name, row[25], w.Passed)
		}
	}
	panes, err := f.GetPanes("Ma trận")
	if err != nil || !panes.Freeze || panes.TopLeftCell != "D2" {
		t.Errorf("Ma trận panes %+v, %v: want frozen at D2", panes, err)
	}

	// Chi tiết: one row per ward and indicator, with this period's and last year's values.
	n := 0
	for _, w := range in.Result.Wards {
		for _, c := range w.Criteria {
			n += len(c.Indicators)
		}
	}
	detail, err := f.GetRows("Chi tiết", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(detail) != n+1 {
		t.Errorf("Chi tiết has %d rows, want %d", len(detail), n+1)
	}
	for _, r := range detail[1:] {
		if r[4] == "toi_pham_ttxh" && r[0] == first {
			now, prev := src.Values["toi_pham_ttxh"].Now.V, src.Values["toi_pham_ttxh"].Prev.V
			if r[6] != strconv.FormatInt(now, 10) || r[7] != strconv.FormatInt(prev, 10) {
				t.Errorf("toi_pham_ttxh: %s, %s; want %d, %d", r[6], r[7], now, prev)
			}
			change, _ := strconv.ParseFloat(r[8], 64)
			if want := float64(now-prev) / float64(prev); change != want {
				t.Errorf("change %v, want %v", change, want)
			}
		}
	}

	// Nguồn: the hashes, and formula-like text kept as text.
	found := map[string]bool{}
	srcRows, err := f.GetRows("Nguồn")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range srcRows {
		for j, v := range r {
			found[v] = true
			if v == src.File || v == src.Sheet {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fm, _ := f.GetCellFormula("Nguồn", ref); fm != "" {
					t.Errorf("%s became a formula: %s", ref, fm)
				}
				if typ, _ := f.GetCellType("Nguồn", ref); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s is not a string cell (%v)", ref, typ)
				}
			}
		}
	}
	for _, h := range in.Files {
		if !found[h.SHA256] || !found[h.Path] {
			t.Errorf("Nguồn lacks %s %s", h.Path, h.SHA256)
		}
	}
	if !found[src.File] {
		t.Errorf("Nguồn lacks the formula-like file name")
	}
}

// Readers that trust the sheet's dimension (openpyxl in read-only mode) must see
// every row.
func TestXLSXDimensions(t *testing.T) {
	for _, in := range []Input{fixture(t, "2026-H1", deAnLevels), withHistory(t)} {
		wb := BuildWorkbook(in)
		f := openXLSX(t, renderXLSX(t, in))
		for _, s := range wb.Sheets {
			got, err := f.GetSheetDimension(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			last, _ := excelize.CoordinatesToCellName(s.width(), s.endRow())
			if got != "A1:"+last {
				t.Errorf("%s: dimension %q, want A1:%s", s.Name, got, last)
			}
		}
	}
}

// Every sheet prints on A4 fitted to the page's width, landscape where wide, its
// header row repeated on every page, and headed by the report and the sheet.
func TestXLSXPrints(t *testing.T) {
	in := fixture(t, "2026-H1", deAnLevels)
	wb := BuildWorkbook(in)
	f := openXLSX(t, renderXLSX(t, in))
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, s := range wb.Sheets {
		pl, err := f.GetPageLayout(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		tall := 0
		if s.OnePage {
			tall = 1
		}
		orient := "landscape"
		if s.printWidth() <= portraitPx {
			orient = "portrait"
		}
		if *pl.Size != a4 || *pl.Orientation != orient || *pl.FitToWidth != 1 || *pl.FitToHeight != tall {
			t.Errorf("%s: paper %d, %s, fitted to %d × %d pages; want A4 (%d), %s, 1 × %d",
				s.Name, *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight, a4, orient, tall)
		}
		props, err := f.GetSheetProps(s.Name)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page (%v)", s.Name, err)
		}
		hr := s.HeaderRow()
		if want := fmt.Sprintf("'%s'!$%d:$%d", s.Name, hr, hr); titles[s.Name] != want {
			t.Errorf("%s: print titles %q, want %q", s.Name, titles[s.Name], want)
		}
		hf, err := f.GetHeaderFooter(s.Name)
		if err != nil || !strings.Contains(hf.OddHeader, "&A") || !strings.Contains(hf.OddFooter, "&P") {
			t.Errorf("%s: header %q, footer %q: want the sheet's name and the page number", s.Name, hf.OddHeader, hf.OddFooter)
		}
	}
	// Landscape is for the wide: the matrix of 22 criteria is, the chart sheet's
	// table alone would not be.
	if wb.Sheets[1].printWidth() <= portraitPx || wb.Sheets[3].pixels(wb.Sheets[3].width()) > portraitPx {
		t.Error("the matrix should be wide and the chart table narrow")
	}
}

// Header rows and rows with wrapped text are tall enough for their lines, and
// rows of one line keep the default height.
func TestXLSXRowHeights(t *testing.T) {
	in := fixture(t, "2026-H1", deAnLevels)
	wb := BuildWorkbook(in)
	f := openXLSX(t, renderXLSX(t, in))
	for _, s := range wb.Sheets {
		h, err := f.GetRowHeight(s.Name, s.HeaderRow())
		if err != nil {
			t.Fatal(err)
		}
		long := false // a title half as long again as its column's characters
		for j, title := range s.Header {
			long = long || float64(len([]rune(title))) > 1.5*s.colWidth(j)
		}
		if long && h < height(2) {
			t.Errorf("%s: header row %.1f pt high for titles that wrap", s.Name, h)
		}
	}
	detail := wb.Sheets[2]
	rows, err := f.GetRows(detail.Name)
	if err != nil {
		t.Fatal(err)
	}
	tall, short := 0, 0
	for i, r := range rows[1:] {
		h, _ := f.GetRowHeight(detail.Name, i+2)
		longest := 0
		for _, j := range detail.Wrap {
			if j < len(r) {
				longest = max(longest, int(float64(len([]rune(r[j])))/detail.colWidth(j)*100))
			}
		}
		switch {
		case longest > 200 && h < height(2): // over twice the column's width in characters
			t.Errorf("Chi tiết row %d: %.1f pt high for %v", i+2, h, r)
		case longest < 60 && h != 15:
			t.Errorf("Chi tiết row %d: %.1f pt high for one line: %v", i+2, h, r)
		case h > 15:
			tall++
		default:
			short++
		}
	}
	if tall == 0 || short == 0 {
		t.Errorf("Chi tiết: %d rows grown, %d not: want both", tall, short)
	}
	// A note above the summary spans its table and wraps.
	merged, err := f.GetMergeCells("Tổng hợp")
	if err != nil || len(merged) == 0 {
		t.Fatalf("Tổng hợp: no note spans the table (%v)", err)
	}
	for _, m := range merged {
		if !strings.HasPrefix(m.GetStartAxis(), "A") || !strings.HasPrefix(m.GetEndAxis(), "I") {
			t.Errorf("Tổng hợp: note merged over %s:%s, want A to I", m.GetStartAxis(), m.GetEndAxis())
		}
	}
	if h, _ := f.GetRowHeight("Tổng hợp", 4); h < height(2) {
		t.Errorf("Tổng hợp: the plan's note, two lines long, is %.1f pt high", h)
	}
}

// Every font of the workbook is Times New Roman, so that no cell shows in the
// reader's default (Calibri, Arial); bold too, and the charts' text.
func TestXLSXFonts(t *testing.T) {
	part := xlsxParts(t, renderXLSX(t, fixture(t, "2026-H1", deAnLevels)))
	fonts := regexp.MustCompile(`(?s)<fonts[^>]*>(.*?)</fonts>`).FindStringSubmatch(part("xl/styles.xml"))
	if fonts == nil {
		t.Fatal("styles.xml has no fonts")
	}
	each := regexp.MustCompile(`(?s)<font>(.*?)</font>`).FindAllStringSubmatch(fonts[1], -1)
	if len(each) < 3 {
		t.Fatalf("%d fonts, want the regular, the bold and the title's", len(each))
	}
	for _, ft := range each {
		if !strings.Contains(ft[1], `<name val="Times New Roman"`) {
			t.Errorf("a font without Times New Roman: %s", ft[0])
		}
	}
	chartFonts(t, part, "xl/charts/chart1.xml", "xl/charts/chart2.xml")
}

// xlsxParts reads the parts of a workbook by name.
func xlsxParts(t *testing.T, data []byte) func(name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return func(name string) string {
		t.Helper()
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
		t.Fatalf("no part %s", name)
		return ""
	}
}

// chartFonts checks that every text of the charts named is in Times New Roman:
// the title's runs and the text properties of axes, labels and legend.
func chartFonts(t *testing.T, part func(string) string, charts ...string) {
	t.Helper()
	texts := regexp.MustCompile(`(?s)<a:r>.*?</a:r>|<txPr>.*?</txPr>`)
	for _, chart := range charts {
		n := 0
		for _, tx := range texts.FindAllString(part(chart), -1) {
			if !strings.Contains(strings.ToLower(tx), "rpr") { // an empty txPr sets nothing
				continue
			}
			n++
			if !strings.Contains(tx, `typeface="Times New Roman"`) {
				t.Errorf("%s: text without Times New Roman: %.300s", chart, tx)
			}
		}
		if n < 4 {
			t.Errorf("%s: %d texts with their fonts, want the title, two axes and the labels", chart, n)
		}
	}
}
