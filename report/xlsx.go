package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"
)

// Number formats. Excel shows "." and "," as the reader's locale says, so on a
// Vietnamese system these read 1.234 and 5,9 %; the cells hold true numbers so
// that sums and charts work.
const (
	fmtInt     = "#,##0"
	fmtPercent = "0.0 %"
	fmtDecimal = "0.0"
	fmtText    = 49 // "@": what the user types there stays text
)

type styles struct {
	header, title, text, formulaLike, num, pct, dec int
	pass, fail, missing                             int
}

// WriteXLSX renders the workbook. Large sheets go through excelize's StreamWriter;
// every sheet's dimension is set, since both writers leave it at A1 and readers in
// read-only mode then see only the first row.
func WriteXLSX(w io.Writer, wb Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	rows := map[string]func(io.Writer) error{}
	for i, s := range wb.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := writeSheet(f, st, s, i, rows); err != nil {
			return fmt.Errorf("trang tính %s: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	stamp := wb.Date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: wb.Title, Creator: "dean", LastModifiedBy: "dean", Language: "vi-VN",
		Created: stamp, Modified: stamp,
	}); err != nil {
		return err
	}
	// The zip goes straight to w: excelize would build it in a buffer of its
	// own first, as large as the file, then copy it.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newCanonicalZip(w, rows) })
	return f.Write(outsideZip{})
}

// outsideZip is what excelize's buffer is copied to once the zip has gone
// straight to its writer: anything written there would be lost, so it is an error.
type outsideZip struct{}

func (outsideZip) Write(b []byte) (int, error) {
	if len(b) > 0 {
		return 0, errors.New("xlsx: excelize wrote outside the zip")
	}
	return 0, nil
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var errs []error
	add := func(dst *int, s *excelize.Style) {
		id, err := f.NewStyle(s)
		errs = append(errs, err)
		*dst = id
	}
	custom := func(s string) *string { return &s }
	border := []excelize.Border{{Type: "left", Color: "A0A0A0", Style: 1}, {Type: "right", Color: "A0A0A0", Style: 1},
		{Type: "top", Color: "A0A0A0", Style: 1}, {Type: "bottom", Color: "A0A0A0", Style: 1}}
	add(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E4E4E4"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, NumFmt: fmtText})
	add(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, NumFmt: fmtText})
	add(&st.text, &excelize.Style{})
	add(&st.formulaLike, &excelize.Style{NumFmt: fmtText})
	add(&st.num, &excelize.Style{CustomNumFmt: custom(fmtInt)})
	add(&st.pct, &excelize.Style{CustomNumFmt: custom(fmtPercent)})
	add(&st.dec, &excelize.Style{CustomNumFmt: custom(fmtDecimal)})
	cond := func(dst *int, font, fill string) {
		id, err := f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: font},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}})
		errs = append(errs, err)
		*dst = id
	}
	cond(&st.pass, "006100", "C6EFCE")
	cond(&st.fail, "9C0006", "FFC7CE")
	cond(&st.missing, "9C5700", "FFEB9C")
	for _, err := range errs {
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

// cell turns a model cell into a value excelize writes. Text is always a string
// cell, never a formula; text that Excel would read as one when edited (=, +, -,
// @) also gets the Text number format.
func (st styles) cell(c Cell) any {
	switch c.Kind {
	case Int:
		return excelize.Cell{StyleID: st.num, Value: int64(c.Num)}
	case Percent:
		return excelize.Cell{StyleID: st.pct, Value: c.Num}
	case Decimal:
		return excelize.Cell{StyleID: st.dec, Value: c.Num}
	case Title:
		return excelize.Cell{StyleID: st.title, Value: c.Text}
	case Empty:
		return nil
	}
	if formulaLike(c.Text) {
		return excelize.Cell{StyleID: st.formulaLike, Value: c.Text}
	}
	return excelize.Cell{StyleID: st.text, Value: c.Text}
}

func formulaLike(s string) bool {
	return s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
}

// width is the number of the sheet's columns; rows made by Each are held to it
// as they are written.
func (s Sheet) width() int {
	n := len(s.Header)
	for _, r := range append(append([][]Cell{}, s.Pre...), s.Rows...) {
		n = max(n, len(r))
	}
	return max(n, 1)
}

// lastRow is the sheet's last 1-based row.
func (s Sheet) lastRow() int { return s.HeaderRow() + s.Len() }

// excelizeRows makes StreamWriter write every row, as the reference the tests
// hold rowWriter to.
var excelizeRows = false

// writeSheet writes one sheet. A streamed sheet's table rows are left to
// rowWriter, registered in rows under the placeholder written in their place.
func writeSheet(f *excelize.File, st styles, s Sheet, index int, rows map[string]func(io.Writer) error) error {
	last, _ := excelize.CoordinatesToCellName(s.width(), s.lastRow())
	if err := f.SetSheetDimension(s.Name, "A1:"+last); err != nil {
		return err
	}
	hr := s.HeaderRow()
	var panes *excelize.Panes
	if s.FreezeCols > 0 {
		top, _ := excelize.CoordinatesToCellName(s.FreezeCols+1, hr+1)
		panes = &excelize.Panes{Freeze: true, XSplit: s.FreezeCols, YSplit: hr, TopLeftCell: top, ActivePane: "bottomRight"}
	}
	all := append(append([][]Cell{}, s.Pre...), headerCells(s.Header))
	bulk := s.Stream && !excelizeRows && s.Len() > 0
	if !bulk {
		all = slices.AppendSeq(all, s.All())
	}
	row := func(i int) []any {
		var out []any
		for j, c := range all[i] {
			if i == hr-1 && j < len(s.Header) {
				out = append(out, excelize.Cell{StyleID: st.header, Value: s.Header[j]})
				continue
			}
			out = append(out, st.cell(c))
		}
		return out
	}
	var finish func() error
	if s.Stream {
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return err
		}
		for i, w := range s.Widths {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
		if panes != nil {
			if err := sw.SetPanes(panes); err != nil {
				return err
			}
		}
		for i := range all {
			if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row(i)); err != nil {
				return err
			}
		}
		if bulk {
			if err := sw.SetRow(fmt.Sprintf("A%d", hr+1), []any{fmt.Sprintf("dean:rows:%d", index)}); err != nil {
				return err
			}
			rows[placeholder(index, hr+1)] = func(w io.Writer) error { return st.writeRows(w, s, hr+1) }
		}
		finish = sw.Flush
	} else {
		for i, w := range s.Widths {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(s.Name, col, col, w); err != nil {
				return err
			}
		}
		if panes != nil {
			if err := f.SetPanes(s.Name, panes); err != nil {
				return err
			}
		}
		for i := range all {
			for j, v := range row(i) {
				c, ok := v.(excelize.Cell)
				if !ok {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := f.SetCellValue(s.Name, ref, c.Value); err != nil {
					return err
				}
				if err := f.SetCellStyle(s.Name, ref, ref, c.StyleID); err != nil {
					return err
				}
			}
		}
		finish = func() error { return f.SetSheetDimension(s.Name, "A1:"+last) }
	}
	// Filters and colours go on the worksheet before a stream is flushed: the
	// stream writes them out with its last part.
	if err := decorate(f, st, s); err != nil {
		return err
	}
	if err := finish(); err != nil {
		return err
	}
	return addCharts(f, s)
}

func headerCells(h []string) []Cell {
	var cs []Cell
	for _, t := range h {
		cs = append(cs, text(t))
	}
	return cs
}

func decorate(f *excelize.File, st styles, s Sheet) error {
	hr := s.HeaderRow()
	if s.Filter && len(s.Header) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(s.Header), max(s.lastRow(), hr+1))
		if err := f.AutoFilter(s.Name, fmt.Sprintf("A%d:%s", hr, end), nil); err != nil {
			return err
		}
	}
	if s.Len() == 0 {
		return nil
	}
	for _, col := range s.Verdicts {
		from, _ := excelize.CoordinatesToCellName(col+1, hr+1)
		to, _ := excelize.CoordinatesToCellName(col+1, s.lastRow())
		rule := func(text string, style int) excelize.ConditionalFormatOptions {
			return excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + text + `"`, Format: &style}
		}
		if err := f.SetConditionalFormat(s.Name, from+":"+to, []excelize.ConditionalFormatOptions{
			rule("Đạt", st.pass), rule("Không đạt", st.fail), rule("Thiếu dữ liệu", st.missing),
		}); err != nil {
			return err
		}
	}
	return nil
}

func addCharts(f *excelize.File, s Sheet) error {
	hr := s.HeaderRow()
	for _, c := range s.Charts {
		// Only rows holding a category belong to the series.
		n := 0
		for r := range s.All() {
			if c.CatCol < len(r) && r[c.CatCol].Kind != Empty {
				n++
			}
		}
		if n == 0 {
			continue
		}
		ref := func(col int) string {
			a, _ := excelize.CoordinatesToCellName(col+1, hr+1, true)
			b, _ := excelize.CoordinatesToCellName(col+1, hr+n, true)
			return fmt.Sprintf("'%s'!%s:%s", s.Name, a, b)
		}
		name, _ := excelize.CoordinatesToCellName(c.ValCol+1, hr, true)
		typ := excelize.Col
		if c.Bar {
			typ = excelize.Bar
		}
		ch := &excelize.Chart{
			Type:      typ,
			Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!%s", s.Name, name), Categories: ref(c.CatCol), Values: ref(c.ValCol)}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 360},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		}
		if c.Bar { // TC01 at the top, as in the tables
			ch.XAxis.ReverseOrder = true
			ch.Dimension.Height = 520
		}
		if c.Percent {
			one, zero := 1.0, 0.0
			ch.YAxis = excelize.ChartAxis{Maximum: &one, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, MajorGridLines: true}
			ch.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: fmtPercent}
		}
		if err := f.AddChart(s.Name, c.Anchor, ch); err != nil {
			return err
		}
	}
	return nil
}
