package bench

import (
	"io"
	"sync"
	"testing"

	"dean/report"
)

var (
	reportOnce sync.Once
	reportIn   report.Input
	reportErr  error
)

// nationalReport is the nationwide report input, made once per run.
func nationalReport(b *testing.B) report.Input {
	if testing.Short() {
		b.Skip("the national set is too large for -short")
	}
	reportOnce.Do(func() { reportIn, reportErr = NationalReport(3321, 34) })
	if reportErr != nil {
		b.Fatal(reportErr)
	}
	return reportIn
}

// BenchmarkReportPDF is report.Build and WritePDF on the nationwide report (one
// appendix page per ward) next to its floor, a bare fpdf document of as many pages.
func BenchmarkReportPDF(b *testing.B) {
	in := nationalReport(b)
	doc := report.Build(in)
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := BarePDF(io.Discard, len(doc.Appendix)+1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WritePDF(io.Discard, report.Build(in)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReportXLSX is BuildWorkbook and WriteXLSX on the nationwide workbook
// next to its floor, excelize streaming the same cells unstyled.
func BenchmarkReportXLSX(b *testing.B) {
	in := nationalReport(b)
	wb := report.BuildWorkbook(in)
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := BareXLSX(io.Discard, wb); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("dean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := report.WriteXLSX(io.Discard, report.BuildWorkbook(in)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
