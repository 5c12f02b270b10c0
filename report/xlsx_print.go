package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The workbook prints on A4 the way staff print an administrative table: in
// Times New Roman, landscape when the table is wider than a portrait page,
// fitted to the page's width, the header row repeated on every page, each page
// headed by the report and the sheet and numbered. Rows are as tall as their
// wrapped text: neither Excel nor LibreOffice fits a row to its text when it
// opens a file, so the heights are measured here, with Liberation Serif's
// metrics (Times New Roman's).
const (
	xlFont  = "Times New Roman"
	xlSize  = 11.0 // points
	a4      = 9    // the paper size code of A4
	charPx  = 7.0  // a character of column width at 96 dpi, in Times New Roman 11
	colPad  = 5.0  // pixels a column adds to its characters
	textPad = 3.0  // pixels kept clear at each side of a cell's text
	pxMM    = 25.4 / 96
	// Text is drawn on screen a little wider than its metrics say, with glyphs
	// rounded to whole pixels: a line is measured this much wider, so that
	// a row is at worst a line too tall, never too short.
	screenSlack = 1.08
	lineHeight  = 13.8 // points a line of Times New Roman 11 takes
	rowPad      = 2.0  // points above and below the lines of a row
	marginIn    = 0.5  // left and right margins, in inches
	// The width, in pixels at 96 dpi, inside the margins of a portrait A4 page.
	portraitPx = (210/25.4 - 2*marginIn) * 96
)

// colPx is how wide a column of w characters is, in pixels.
func colPx(w float64) float64 { return math.Trunc(w*charPx + colPad) }

// defaultWidth is the width of a column the sheet gives none.
const defaultWidth = 9.14

func (s Sheet) colWidth(j int) float64 {
	if j < len(s.Widths) {
		return s.Widths[j]
	}
	return defaultWidth
}

// rowMeasure measures how tall rows must be to show their wrapped text.
type rowMeasure struct {
	m *measurer
	// seen holds texts already measured: a column repeats the same few dozen
	// labels, ids and file names down a quarter of a million rows.
	seen map[measured]int
}

type measured struct {
	style, text string
	px          float64
}

func newRowMeasure() rowMeasure { return rowMeasure{m: newMeasurer(), seen: map[measured]int{}} }

// lines is how many lines text takes, in a face, in w pixels.
func (r rowMeasure) lines(style, s string, px float64) int {
	key := measured{style, s, px}
	if n, ok := r.seen[key]; ok {
		return n
	}
	avail := (px - 2*textPad) * pxMM / screenSlack
	n := 1
	if strings.Contains(s, "\n") || r.m.mm(r.m.units(style, s), xlSize) > avail {
		n = r.m.lay(r.m.split(style, s), xlSize, avail, avail, nil)
	}
	if len(r.seen) < 1<<14 {
		r.seen[key] = n
	}
	return n
}

// height is the height in points of a row of n lines, at most the 409 points
// Excel allows; 0 leaves a row of one line at the sheet's default height.
func height(n int) float64 {
	if n <= 1 {
		return 0
	}
	return min(float64(n)*lineHeight+2*rowPad, excelize.MaxRowHeight)
}

// row is the height of a row whose wrapping columns hold cells.
func (r rowMeasure) row(s Sheet, cells []Cell) float64 {
	n := 1
	for _, j := range s.Wrap {
		if j < len(cells) && (cells[j].Kind == Text) && cells[j].Text != "" {
			n = max(n, r.lines(regular, cells[j].Text, colPx(s.colWidth(j))))
		}
	}
	return height(n)
}

// header is the height of the header row, whose titles wrap in bold.
func (r rowMeasure) header(s Sheet) float64 {
	n := 1
	for j, t := range s.Header {
		n = max(n, r.lines(bold, t, colPx(s.colWidth(j))))
	}
	return height(n)
}

// note is the height of a row above the table whose one cell spans the table.
func (r rowMeasure) note(s Sheet, c Cell) float64 {
	if c.Kind != Text {
		return 0
	}
	return height(r.lines(regular, c.Text, s.pixels(s.width())))
}

// isNote says whether the sheet's row i (0-based) is a note: above or below
// the table, a single text cell, which spans the table's width and wraps.
func (s Sheet) isNote(i int) bool {
	var r []Cell
	switch j := i - (s.postRow() - 1); {
	case i < len(s.Pre):
		r = s.Pre[i]
	case j >= 0 && j < len(s.Post):
		r = s.Post[j]
	}
	return len(r) == 1 && r[0].Kind == Text && r[0].Text != ""
}

// pixels is how wide the first n columns are.
func (s Sheet) pixels(n int) float64 {
	px := 0.0
	for j := range n {
		px += colPx(s.colWidth(j))
	}
	return px
}

// printWidth is how wide the sheet prints, charts included, in pixels.
func (s Sheet) printWidth() float64 {
	px := s.pixels(s.width())
	for _, c := range s.Charts {
		col, _, err := excelize.CellNameToCoordinates(c.Anchor)
		if err == nil {
			px = max(px, s.pixels(col-1)+float64(c.Width))
		}
	}
	return px
}

// printSetup sets how the sheet prints; writeSheet has set it to fit the page.
func printSetup(f *excelize.File, s Sheet, title string) error {
	orient := "portrait"
	if s.printWidth() > portraitPx {
		orient = "landscape"
	}
	size, wide, tall := a4, 1, 0
	if s.OnePage {
		tall = 1
	}
	if err := f.SetPageLayout(s.Name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	side, top, edge := marginIn, 0.75, 0.3
	if err := f.SetPageMargins(s.Name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top,
		Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	face := `&"` + xlFont + `,Regular"&10`
	if err := f.SetHeaderFooter(s.Name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + face + strings.ReplaceAll(title, "&", "&&") + "&R" + face + "&A",
		OddFooter: "&C" + face + "Trang &P/&N",
	}); err != nil {
		return err
	}
	if len(s.Header) == 0 {
		return nil
	}
	hr := s.HeaderRow()
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.Name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(s.Name, "'", "''"), hr, hr)})
}
