// Command writereport writes the nationwide report from generated scores, with
// no form read, or its floor: a bare fpdf document of as many pages and a bare
// excelize workbook of the same cells. report.sh times it next to `dean report`.
//
//	writereport -pdf -xlsx          report.WritePDF and report.WriteXLSX, one after the other
//	writereport -pdf -xlsx -floor   the floors
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"dean/bench"
	"dean/report"
)

func main() {
	pdf := flag.Bool("pdf", false, "write the PDF")
	xlsx := flag.Bool("xlsx", false, "write the workbook")
	floor := flag.Bool("floor", false, "write the floors instead")
	wards := flag.Int("wards", 3321, "wards")
	flag.Parse()
	if err := run(*pdf, *xlsx, *floor, *wards); err != nil {
		fmt.Fprintln(os.Stderr, "writereport:", err)
		os.Exit(1)
	}
}

func run(pdf, xlsx, floor bool, wards int) error {
	in, err := bench.NationalReport(wards, 34)
	if err != nil {
		return err
	}
	if pdf {
		if floor {
			err = bench.BarePDF(io.Discard, wards+1)
		} else {
			err = report.WritePDF(io.Discard, report.Build(in))
		}
		if err != nil {
			return err
		}
	}
	if xlsx {
		wb := report.BuildWorkbook(in)
		if floor {
			return bench.BareXLSX(io.Discard, wb)
		}
		return report.WriteXLSX(io.Discard, wb)
	}
	return nil
}
