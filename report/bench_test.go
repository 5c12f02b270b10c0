package report

import (
	"fmt"
	"io"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/xuri/excelize/v2"

	"dean/gen"
	"dean/period"
	"dean/score"
)

// nationalWards is the size of the nationwide set (deangen -national).
const nationalWards = 3321

var (
	nationalOnce sync.Once
	nationalIn   Input
	nationalErr  error
)

// national is the report input for the nationwide set, scored from gen's values
// without writing or reading the forms: what the report costs on its own.
func national(b *testing.B) Input {
	b.Helper()
	if testing.Short() {
		b.Skip("the national set is too large for -short")
	}
	nationalOnce.Do(func() {
		cs := defaultSet(b)
		list, vals, err := gen.National(cs, nationalWards, 34)
		if err != nil {
			nationalErr = err
			return
		}
		per := period.Period{Year: 2026, Half: true}
		res := score.Result{Criteria: score.Info{Version: cs.Version, Source: cs.Source}, Period: per.String()}
		cells := map[string][2]string{}
		for r, x := range cs.Inputs() {
			cells[x.ID] = [2]string{fmt.Sprintf("E%d", r+6), fmt.Sprintf("F%d", r+6)}
		}
		sources := map[string]Source{}
		for _, w := range list.Wards {
			v := vals[w.Code]
			res.Wards = append(res.Wards, score.Ward{Code: w.Code, Name: w.Name, District: w.District, Card: score.Evaluate(cs, v)})
			sources[w.Code] = Source{File: gen.Slug(w.District) + ".xlsx", Sheet: w.Name, Values: v, Cells: cells}
		}
		res.Summary = score.Summarize(res.Wards)
		nationalIn = Input{Result: res, Criteria: cs, Units: list, Period: per, Sources: sources,
			Files: []FileHash{{Role: "Số liệu", Path: "a.xlsx", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}}}
	})
	if nationalErr != nil {
		b.Fatal(nationalErr)
	}
	return nationalIn
}

// BenchmarkPDF compares WritePDF on the nationwide report with its floor: a bare
// fpdf document of as many pages, each with a line of text, the same four fonts
// embedded and the same compression.
func BenchmarkPDF(b *testing.B) {
	in := national(b)
	doc := Build(in)
	pages := len(doc.Appendix) + 1
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := barePDF(io.Discard, pages); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Build(in)
		}
	})
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WritePDF(io.Discard, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func barePDF(w io.Writer, pages int) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(font, regular, liberationserifregular.TTF)
	f.AddUTF8FontFromBytes(font, bold, liberationserifbold.TTF)
	f.AddUTF8FontFromBytes(font, italic, liberationserifitalic.TTF)
	f.AddUTF8FontFromBytes(font, boldItalic, liberationserifbolditalic.TTF)
	f.SetCompression(true)
	f.SetFont(font, regular, 11)
	for i := range pages {
		f.AddPage()
		f.SetFont(font, []string{regular, bold, italic, boldItalic}[i%4], 11)
		f.CellFormat(100, 6, fmt.Sprintf("Trang %d: Công an phường", i+1), "", 0, "L", false, 0, "")
	}
	return f.Output(w)
}

// BenchmarkXLSX compares WriteXLSX on the nationwide workbook with its floor:
// excelize streaming the same cells, unstyled, into the same sheets.
func BenchmarkXLSX(b *testing.B) {
	in := national(b)
	wb := BuildWorkbook(in)
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := bareXLSX(io.Discard, wb); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			BuildWorkbook(in)
		}
	})
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := WriteXLSX(io.Discard, wb); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func bareXLSX(w io.Writer, wb Workbook) error {
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
		rows := append(append(append([][]Cell{}, s.Pre...), headerCells(s.Header)), s.Rows...)
		for i, r := range rows {
			vals := make([]any, len(r))
			for j, c := range r {
				switch c.Kind {
				case Int, Percent, Decimal:
					vals[j] = c.Num
				case Empty:
				default:
					vals[j] = c.Text
				}
			}
			if err := sw.SetRow(fmt.Sprintf("A%d", i+1), vals); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}
