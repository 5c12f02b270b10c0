package form

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// layout is a worksheet laid out in memory, then written in one pass by
// excelize's StreamWriter. excelize's cell-by-cell API looks the sheet up by name
// on every call, which made a template of thousands of wards quadratic in time.
type layout struct {
	widths []float64
	rows   []layoutRow // rows[i] is row i+1
	merges [][2]string
	panes  *excelize.Panes
	dvs    []*excelize.DataValidation
}

type layoutRow struct {
	cells  []any // from column A: excelize.Cell, or nil where there is no cell
	height float64
	hidden bool
}

func (l *layout) row(n int) *layoutRow {
	for len(l.rows) < n {
		l.rows = append(l.rows, layoutRow{})
	}
	return &l.rows[n-1]
}

// cell puts a value (nil: none, only the style) in a cell.
func (l *layout) cell(col, row int, v any, style int) {
	r := l.row(row)
	for len(r.cells) < col {
		r.cells = append(r.cells, nil)
	}
	r.cells[col-1] = excelize.Cell{StyleID: style, Value: v}
}

// band writes text across columns from..to of a row, merged, every cell styled so
// that the borders and fill run the whole width.
func (l *layout) band(row, from, to int, text string, style int) {
	l.cell(from, row, text, style)
	for c := from + 1; c <= to; c++ {
		l.cell(c, row, nil, style)
	}
	a, _ := excelize.CoordinatesToCellName(from, row)
	b, _ := excelize.CoordinatesToCellName(to, row)
	l.merges = append(l.merges, [2]string{a, b})
}

func (l *layout) height(row int, h float64) { l.row(row).height = h }

// fit sizes a row to its longest wrapped text; Excel does not grow rows on open.
func (l *layout) fit(row int, texts map[int]string) {
	lines := 1.0
	for col, t := range texts {
		perLine := l.widths[col-1] * 1.15
		lines = math.Max(lines, math.Ceil(float64(utf8.RuneCountInString(t))/perLine))
	}
	if lines > 1 {
		l.height(row, 15*lines+2)
	}
}

// usedRange is the range from the first to the last cell written, what the
// sheet's <dimension> must declare: readers such as openpyxl in read-only mode
// trust it and read nothing outside it.
func (l *layout) usedRange() string {
	minRow, minCol, maxRow, maxCol := 0, 0, 0, 0
	for i, r := range l.rows {
		for j, c := range r.cells {
			if c == nil {
				continue
			}
			if minRow == 0 {
				minRow = i + 1
			}
			if minCol == 0 || j+1 < minCol {
				minCol = j + 1
			}
			maxRow, maxCol = i+1, max(maxCol, j+1)
		}
	}
	if maxRow == 0 {
		return "A1"
	}
	a, _ := excelize.CoordinatesToCellName(minCol, minRow)
	b, _ := excelize.CoordinatesToCellName(maxCol, maxRow)
	if a == b {
		return a
	}
	return a + ":" + b
}

// write writes the layout into the empty sheet. The settings excelize keeps
// outside the cells (dimension, page, protection, validation) are made with the
// ordinary API before streaming: the StreamWriter writes them as they stand.
func (l *layout) write(f *excelize.File, sheet string) error {
	if err := f.SetSheetDimension(sheet, l.usedRange()); err != nil {
		return err
	}
	if err := setPrint(f, sheet); err != nil {
		return err
	}
	for _, dv := range l.dvs {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range l.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if l.panes != nil {
		if err := sw.SetPanes(l.panes); err != nil {
			return err
		}
	}
	for i, r := range l.rows {
		if len(r.cells) == 0 && r.height == 0 && !r.hidden {
			continue
		}
		first, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(first, r.cells, excelize.RowOpts{Height: r.height, Hidden: r.hidden}); err != nil {
			return err
		}
	}
	for _, m := range l.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// setPrint sets A4 portrait, one page wide, and protects the sheet without a
// password: the protection guards the labels and ids against slips, not against
// intent.
func setPrint(f *excelize.File, sheet string) error {
	a4, portrait, one, any := 9, "portrait", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}

// setPrintTitles repeats each sheet's header row on every printed page. excelize's
// SetDefinedName checks a new name against every name already made, looking each
// one's sheet up among all sheets, and finds the new name's sheet the same way:
// cubic in the number of wards. So excelize makes the first name, and each other
// is a copy of it for its own sheet; there is one a sheet, so none repeats. The
// test of the template reads the names back through excelize.
func setPrintTitles(f *excelize.File, sheets []string, rows []int) error {
	if len(sheets) == 0 {
		return nil
	}
	if f.WorkBook == nil || f.WorkBook.DefinedNames != nil {
		return errors.New("form: sổ tính đã có tên định nghĩa, không ghép được tiêu đề in")
	}
	refersTo := func(i int) string {
		return fmt.Sprintf("'%s'!$%d:$%d", strings.ReplaceAll(sheets[i], "'", "''"), rows[i], rows[i])
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: refersTo(0), Scope: sheets[0]}); err != nil {
		return err
	}
	names := f.WorkBook.DefinedNames
	first := names.DefinedName[0]
	if first.LocalSheetID == nil {
		return fmt.Errorf("form: không tìm thấy trang %q", sheets[0])
	}
	for i := 1; i < len(sheets); i++ {
		d := first
		id := *first.LocalSheetID + i // the ward sheets follow one another
		d.LocalSheetID, d.Data = &id, refersTo(i)
		names.DefinedName = append(names.DefinedName, d)
	}
	return nil
}
