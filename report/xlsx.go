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
	textWrap, formulaLikeWrap, note                 int // text that wraps
	pass, fail, missing                             int
	rows                                            rowMeasure
}

// WriteXLSX renders the workbook. Large sheets go through excelize's StreamWriter;
// every sheet's dimension is set, since both writers leave it at A1 and readers in
// read-only mode then see only the first row. Every sheet prints on A4 (see
// xlsx_print.go).
func WriteXLSX(w io.Writer, wb Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDefaultFont(xlFont); err != nil {
		return err
	}
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
		if err := writeSheet(f, st, s, i, wb.Title, rows); err != nil {
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

// newStyles makes the cell styles, every one in Times New Roman: a style without
// a font would show in whatever the reader's default is (Calibri, Arial).
func newStyles(f *excelize.File) (styles, error) {
	st := styles{rows: newRowMeasure()}
	var errs []error
	add := func(dst *int, s *excelize.Style) {
		if s.Font == nil {
			s.Font = &excelize.Font{}
		}
		s.Font.Family = xlFont
		if s.Font.Size == 0 {
			s.Font.Size = xlSize
		}
		if s.Alignment == nil { // a row grown for wrapped text keeps its cells centred
			s.Alignment = &excelize.Alignment{Vertical: "center"}
		}
		id, err := f.NewStyle(s)
		errs = append(errs, err)
		*dst = id
	}
	custom := func(s string) *string { return &s }
	wrap := func() *excelize.Alignment { return &excelize.Alignment{Vertical: "center", WrapText: true} }
	border := []excelize.Border{{Type: "left", Color: "A0A0A0", Style: 1}, {Type: "right", Color: "A0A0A0", Style: 1},
		{Type: "top", Color: "A0A0A0", Style: 1}, {Type: "bottom", Color: "A0A0A0", Style: 1}}
	add(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E4E4E4"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, NumFmt: fmtText})
	add(&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, NumFmt: fmtText})
	add(&st.text, &excelize.Style{})
	add(&st.formulaLike, &excelize.Style{NumFmt: fmtText})
	add(&st.textWrap, &excelize.Style{Alignment: wrap()})
	add(&st.formulaLikeWrap, &excelize.Style{NumFmt: fmtText, Alignment: wrap()})
	add(&st.note, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
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

// cell turns a model cell into a value excelize writes; wrap says whether its
// column wraps text. Text is always a string cell, never a formula; text that
// Excel would read as one when edited (=, +, -, @) also gets the Text number
// format.
func (st styles) cell(c Cell, wrap bool) any {
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
	switch {
	case formulaLike(c.Text) && wrap:
		return excelize.Cell{StyleID: st.formulaLikeWrap, Value: c.Text}
	case formulaLike(c.Text):
		return excelize.Cell{StyleID: st.formulaLike, Value: c.Text}
	case wrap:
		return excelize.Cell{StyleID: st.textWrap, Value: c.Text}
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
	for _, r := range append(append(append([][]Cell{}, s.Pre...), s.Rows...), s.Post...) {
		n = max(n, len(r))
	}
	return max(n, 1)
}

// lastRow is the 1-based row of the table's end.
func (s Sheet) lastRow() int { return s.HeaderRow() + s.Len() }

// postRow is the 1-based row of the first of Post, a blank row after the table.
func (s Sheet) postRow() int { return s.lastRow() + 2 }

// endRow is the sheet's last 1-based row.
func (s Sheet) endRow() int {
	if len(s.Post) == 0 {
		return s.lastRow()
	}
	return s.postRow() + len(s.Post) - 1
}

// excelizeRows makes StreamWriter write every row, as the reference the tests
// hold rowWriter to.
var excelizeRows = false

// writeSheet writes one sheet. A streamed sheet's table rows are left to
// rowWriter, registered in rows under the placeholder written in their place.
func writeSheet(f *excelize.File, st styles, s Sheet, index int, title string, rows map[string]func(io.Writer) error) error {
	if len(s.Post) > 0 && s.Stream {
		return fmt.Errorf("xlsx: trang tính %s ghi từng dòng, không có dòng dưới bảng", s.Name)
	}
	last, _ := excelize.CoordinatesToCellName(s.width(), s.endRow())
	if err := f.SetSheetDimension(s.Name, "A1:"+last); err != nil {
		return err
	}
	// Fitted to the page when printed (see printSetup): a stream writes this
	// first, so it is set first.
	fit := true
	if err := f.SetSheetProps(s.Name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
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
	if len(s.Post) > 0 {
		all = append(append(all, []Cell{}), s.Post...)
	}
	wraps := s.wraps()
	row := func(i int) []any {
		var out []any
		for j, c := range all[i] {
			switch {
			case i == hr-1 && j < len(s.Header):
				out = append(out, excelize.Cell{StyleID: st.header, Value: s.Header[j]})
			case s.isNote(i):
				out = append(out, excelize.Cell{StyleID: st.note, Value: c.Text})
			default:
				out = append(out, st.cell(c, j < len(wraps) && wraps[j]))
			}
		}
		return out
	}
	rowHeight := func(i int) float64 {
		switch {
		case i == hr-1:
			return st.rows.header(s)
		case s.isNote(i):
			return st.rows.note(s, all[i][0])
		}
		return st.rows.row(s, all[i])
	}
	// A note spans the table's width, to wrap there.
	var merges [][2]string
	if end, _ := excelize.ColumnNumberToName(s.width()); s.width() > 1 {
		for i := range all {
			if s.isNote(i) {
				merges = append(merges, [2]string{fmt.Sprintf("A%d", i+1), fmt.Sprintf("%s%d", end, i+1)})
			}
		}
	}
	var finish func() error
	if s.Stream {
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return err
		}
		// The stream puts each column set before those already set: set last
		// to first, they come out in order, as Excel requires.
		for i := len(s.Widths) - 1; i >= 0; i-- {
			if err := sw.SetColWidth(i+1, i+1, s.Widths[i]); err != nil {
				return err
			}
		}
		if panes != nil {
			if err := sw.SetPanes(panes); err != nil {
				return err
			}
		}
		for i := range all {
			if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row(i), excelize.RowOpts{Height: rowHeight(i)}); err != nil {
				return err
			}
		}
		if bulk {
			if err := sw.SetRow(fmt.Sprintf("A%d", hr+1), []any{fmt.Sprintf("dean:rows:%d", index)}); err != nil {
				return err
			}
			rows[placeholder(index, hr+1)] = func(w io.Writer) error { return st.writeRows(w, s, hr+1) }
		}
		for _, m := range merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				return err
			}
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
			if h := rowHeight(i); h > 0 {
				if err := f.SetRowHeight(s.Name, i+1, h); err != nil {
					return err
				}
			}
		}
		for _, m := range merges {
			if err := f.MergeCell(s.Name, m[0], m[1]); err != nil {
				return err
			}
		}
		finish = func() error { return f.SetSheetDimension(s.Name, "A1:"+last) }
	}
	// Filters, colours and the page set-up go on the worksheet before a stream
	// is flushed: the stream writes them out with its last part.
	if err := decorate(f, st, s); err != nil {
		return err
	}
	if err := printSetup(f, s, title); err != nil {
		return err
	}
	if err := finish(); err != nil {
		return err
	}
	return addCharts(f, s)
}

// wraps says, by column, which columns wrap their text.
func (s Sheet) wraps() []bool {
	w := make([]bool, s.width())
	for _, j := range s.Wrap {
		if j < len(w) {
			w[j] = true
		}
	}
	return w
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
		face := func(size float64, bold bool) excelize.Font {
			return excelize.Font{Family: xlFont, Size: size, Bold: bold, Color: "000000"}
		}
		titleFont := face(13, true)
		ch := &excelize.Chart{
			Type: typ,
			Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!%s", s.Name, name), Categories: ref(c.CatCol), Values: ref(c.ValCol),
				DataLabel: excelize.ChartDataLabel{Font: face(10, false)}}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &titleFont}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			Dimension: excelize.ChartDimension{Width: uint(c.Width), Height: uint(c.Height)},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			XAxis:     excelize.ChartAxis{Font: face(10, false)},
			YAxis:     excelize.ChartAxis{Font: face(10, false)},
		}
		if c.Bar { // TC01 at the top, as in the tables
			ch.XAxis.ReverseOrder = true
		}
		if c.Percent {
			one, zero := 1.0, 0.0
			ch.YAxis = excelize.ChartAxis{Maximum: &one, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, MajorGridLines: true, Font: face(10, false)}
			ch.PlotArea.NumFmt = excelize.ChartNumFmt{CustomNumFmt: fmtPercent}
		}
		var combo []*excelize.Chart
		if len(c.Lines) > 0 {
			line := &excelize.Chart{Type: excelize.Line, PlotArea: excelize.ChartPlotArea{ShowVal: true},
				XAxis: excelize.ChartAxis{Font: face(10, false)}, YAxis: excelize.ChartAxis{Font: face(10, false)}}
			for _, col := range c.Lines {
				name, _ := excelize.CoordinatesToCellName(col+1, hr, true)
				line.Series = append(line.Series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!%s", s.Name, name),
					Categories: ref(c.CatCol), Values: ref(col), DataLabel: excelize.ChartDataLabel{Font: face(10, false)},
					Marker: excelize.ChartMarker{Symbol: "diamond", Size: 7}})
			}
			combo = append(combo, line)
			legendFont := face(10, false)
			ch.Legend = excelize.ChartLegend{Position: "bottom", Font: &legendFont}
		}
		if err := f.AddChart(s.Name, c.Anchor, ch, combo...); err != nil {
			return err
		}
	}
	return nil
}
