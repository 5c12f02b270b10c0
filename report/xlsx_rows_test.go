package report

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
)

// bothWays renders a workbook with rowWriter and with excelize writing every row.
func bothWays(t *testing.T, wb Workbook) (fast, ref []byte) {
	t.Helper()
	render := func(reference bool) []byte {
		excelizeRows = reference
		defer func() { excelizeRows = false }()
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, wb); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	return render(false), render(true)
}

// The report's workbook is the same, byte for byte, whoever writes its rows.
func TestRowsAsExcelize(t *testing.T) {
	in := fixture(t, "2026-H1", deAnLevels)
	first := in.Result.Wards[0].Code
	src := in.Sources[first]
	src.File, src.Sheet = "=HYPERLINK(\"x\") <a & b> 'c' _x0041_ _x005F_x0041_", " lề\tcó\nxuống dòng "
	in.Sources[first] = src
	wb := BuildWorkbook(in)
	streamed := 0
	for _, s := range wb.Sheets {
		if s.Stream && s.Len() > 0 {
			streamed++
		}
	}
	if streamed < 3 {
		t.Fatalf("%d streamed sheets with rows, want the 3 large ones", streamed)
	}
	fast, ref := bothWays(t, wb)
	if !bytes.Equal(fast, ref) {
		t.Error("rowWriter's workbook differs from excelize's")
	}
}

func rowsSheet(s string, n, m float64) Workbook {
	cells := []Cell{text(s), title(s), {Kind: Int, Num: math.Trunc(m)}, {Kind: Percent, Num: n}, {Kind: Decimal, Num: m},
		{Kind: Empty}, text("=" + s), text(strings.Repeat(s, 3))}
	return Workbook{Sheets: []Sheet{{Name: "A", Header: []string{"x"}, Stream: true, Pre: [][]Cell{{text(s)}},
		Rows: [][]Cell{cells, cells[3:], {}, cells}, Wrap: []int{0, 6}, Widths: []float64{12, 8, 8, 8, 8, 8, 6}}}}
}

func FuzzRows(f *testing.F) {
	for _, s := range []string{"", " a", "b\n", "Đạt", "<&>\"'", "_x0041_", "_x005F_x0041_", "\x00\x1f\xff", "\uFFFE", "𝕏"} {
		f.Add(s, 0.0588235294117647, 1234.0)
	}
	f.Add("x", math.NaN(), math.Inf(1))
	f.Add("x", 1e21, -1e-7)
	f.Fuzz(func(t *testing.T, s string, n, m float64) {
		if math.Abs(m) > 1e15 || math.IsNaN(m) {
			m = 0 // an Int cell holds a whole number that fits
		}
		fast, ref := bothWays(t, rowsSheet(s, n, m))
		if !bytes.Equal(fast, ref) {
			t.Errorf("%q %v %v: rowWriter's workbook differs from excelize's", s, n, m)
		}
	})
}

// A text longer than a cell holds is cut where excelize cuts it.
func TestRowsLongText(t *testing.T) {
	for _, s := range []string{strings.Repeat("ạ", 40000), strings.Repeat("𝕏", 20000), strings.Repeat("a", 32767) + " "} {
		fast, ref := bothWays(t, rowsSheet(s, 0.5, 1))
		if !bytes.Equal(fast, ref) {
			t.Errorf("%d bytes of %q…: rowWriter's workbook differs from excelize's", len(s), s[:4])
		}
	}
}

// Rows made one at a time are held to the count and width the sheet declared,
// which its dimension was written from.
func TestRowsAsDeclared(t *testing.T) {
	two := func(yield func([]Cell) bool) {
		_ = yield([]Cell{text("a")}) && yield([]Cell{text("b"), text("c")})
	}
	for _, tc := range []struct {
		name string
		n    int
		head []string
		want string
	}{
		{"fewer rows than declared", 3, []string{"x", "y"}, "có 2 dòng, không phải 3"},
		{"more rows than declared", 1, []string{"x", "y"}, "có 2 dòng, không phải 1"},
		{"a row wider than the header", 2, []string{"x"}, "2 ô, quá 1 cột"},
	} {
		wb := Workbook{Sheets: []Sheet{{Name: "A", Header: tc.head, Stream: true, Each: two, N: tc.n}}}
		err := WriteXLSX(io.Discard, wb)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
	wb := Workbook{Sheets: []Sheet{{Name: "A", Header: []string{"x", "y"}, Stream: true, Each: two, N: 2}}}
	if err := WriteXLSX(io.Discard, wb); err != nil {
		t.Errorf("as declared: %v", err)
	}
}
