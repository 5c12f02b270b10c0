package xlsx

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The benchmarks read the national set, one file after another on one
// goroutine, when bench/run.sh (or deangen -national -o bench/data) has made it:
// package xlsx against excelize's streaming read, which dean's forms were read
// with. bench/run.sh sets both beside the byte-scan floor.

func nationalSet(b *testing.B) []string {
	files, _ := filepath.Glob("../bench/data/*.xlsx")
	if len(files) == 0 {
		b.Skip("no national set in ../bench/data: run bench/run.sh")
	}
	sort.Strings(files)
	return files
}

func BenchmarkRead(b *testing.B) {
	files := nationalSet(b)
	b.ReportAllocs()
	cells := 0
	for b.Loop() {
		cells = 0
		for _, path := range files {
			bk, err := Open(path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			for i := range bk.Sheets() {
				rows, err := bk.Rows(i)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
					cells += len(rows.Row().Cells)
				}
				if _, err := rows.Merges(); err != nil {
					b.Fatal(err)
				}
				rows.Close()
			}
			bk.Close()
		}
	}
	b.ReportMetric(float64(cells), "cells/op")
}

func BenchmarkExcelizeRows(b *testing.B) {
	files := nationalSet(b)
	b.ReportAllocs()
	cells := 0
	for b.Loop() {
		cells = 0
		for _, path := range files {
			f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			for _, sheet := range f.GetSheetList() {
				rows, err := f.Rows(sheet)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
					cols, err := rows.Columns()
					if err != nil {
						b.Fatal(err)
					}
					cells += len(cols)
				}
				rows.Close()
			}
			f.Close()
		}
	}
	b.ReportMetric(float64(cells), "cells/op")
}
