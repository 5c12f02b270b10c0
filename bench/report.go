package bench

import (
	"fmt"
	"io"
	"slices"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/xuri/excelize/v2"

	"dean"
	"dean/form"
	"dean/gen"
	"dean/period"
	"dean/report"
	"dean/score"
)

// NationalReport is the report input for n invented wards in the given number
// of provinces (3.321 in 34 for the nationwide set), scored from gen's values
// without writing or reading a form: what the report costs on its own.
func NationalReport(n, provinces int) (report.Input, error) {
	cs, err := dean.DefaultSet()
	if err != nil {
		return report.Input{}, err
	}
	list, vals, err := gen.National(cs, n, provinces)
	if err != nil {
		return report.Input{}, err
	}
	per := period.Period{Year: 2026, Half: true}
	res := score.Result{Criteria: score.Info{Version: cs.Version, Source: cs.Source}, Period: per.String()}
	// The cells of the form's layout: one row per input from row 6.
	cells := map[string][2]string{}
	for r, x := range cs.Inputs() {
		cells[x.ID] = [2]string{fmt.Sprintf("E%d", r+6), fmt.Sprintf("F%d", r+6)}
	}
	sources := map[string]report.Source{}
	files := []report.FileHash{}
	for _, w := range list.Wards {
		v := vals[w.Code]
		res.Wards = append(res.Wards, score.Ward{Code: w.Code, Name: w.Name, District: w.District, Card: score.Evaluate(cs, v)})
		file := form.Slug(w.District) + ".xlsx"
		if len(files) == 0 || files[len(files)-1].Path != file {
			files = append(files, report.FileHash{Role: "Số liệu", Path: file, SHA256: fmt.Sprintf("%064x", len(files))})
		}
		sources[w.Code] = report.Source{File: file, Sheet: w.Name, Values: v, Cells: cells}
	}
	res.Summary = score.Summarize(res.Wards)
	return report.Input{Result: res, Criteria: cs, Units: list, Period: per, Sources: sources, Files: files}, nil
}

// BarePDF is the floor of the report's PDF: an fpdf document of as many pages,
// each with a line of text, the same four faces embedded, compressed the same way.
func BarePDF(w io.Writer, pages int) error {
	f := fpdf.New("P", "mm", "A4", "")
	faces := []string{"", "B", "I", "BI"}
	for i, ttf := range [][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF} {
		f.AddUTF8FontFromBytes("LiberationSerif", faces[i], ttf)
	}
	f.SetCompression(true)
	for i := range pages {
		f.AddPage()
		f.SetFont("LiberationSerif", faces[i%4], 11)
		f.CellFormat(100, 6, fmt.Sprintf("Trang %d: Công an phường", i+1), "", 0, "L", false, 0, "")
	}
	return f.Output(w)
}

// BareXLSX is the floor of the report's workbook: excelize streaming the same
// cells, unstyled, into the same sheets, saved as excelize saves.
func BareXLSX(w io.Writer, wb report.Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range wb.Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return err
		}
		header := make([]report.Cell, len(s.Header))
		for j, h := range s.Header {
			header[j] = report.Cell{Kind: report.Text, Text: h}
		}
		n := 0
		vals := []any{}
		write := func(r []report.Cell) error {
			vals = vals[:0]
			for _, c := range r {
				switch c.Kind {
				case report.Int, report.Percent, report.Decimal:
					vals = append(vals, c.Num)
				case report.Empty:
					vals = append(vals, nil)
				default:
					vals = append(vals, c.Text)
				}
			}
			n++
			cell, _ := excelize.CoordinatesToCellName(1, n)
			return sw.SetRow(cell, vals)
		}
		for _, r := range slices.Concat(s.Pre, [][]report.Cell{header}) {
			if err := write(r); err != nil {
				return err
			}
		}
		for r := range s.All() {
			if err := write(r); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}
