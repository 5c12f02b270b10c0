package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
	in := fixture(t, "2026-H1", deAnLevels)
	wb := BuildWorkbook(in)
	f := openXLSX(t, renderXLSX(t, in))
	for _, s := range wb.Sheets {
		got, err := f.GetSheetDimension(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		last, _ := excelize.CoordinatesToCellName(s.width(), s.lastRow())
		if got != "A1:"+last {
			t.Errorf("%s: dimension %q, want A1:%s", s.Name, got, last)
		}
	}
}
