package form

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dean/score"
	"dean/units"
)

// benchForms writes files workbooks of wards filled wards each, like the districts'
// submissions (3 321 wards in 34 workbooks is about 98 a workbook).
func benchForms(b *testing.B, files, wards int) ([]string, *units.List) {
	b.Helper()
	var csv strings.Builder
	csv.WriteString("ma_phuong,ten_phuong,ma_quan,ten_quan\n")
	for i := range files * wards {
		fmt.Fprintf(&csv, "%d,Phường %d,%d,Quận %d\n", 10000+i, i, i/wards, i/wards)
	}
	list, err := units.Parse(strings.NewReader(csv.String()), "bench.csv")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	good := goodValues(testSet)
	var paths []string
	for i := range files {
		ws := list.Wards[i*wards : (i+1)*wards]
		vals := map[string]score.Values{}
		for _, w := range ws {
			vals[w.Code] = good
		}
		paths = append(paths, writeForm(b, dir, fmt.Sprintf("q%02d.xlsx", i), Options{Set: testSet, Wards: ws, Period: p2022, Values: vals}))
	}
	return paths, list
}

func BenchmarkRead(b *testing.B) {
	paths, list := benchForms(b, 4, 98)
	b.ResetTimer()
	for b.Loop() {
		sheets, problems := readAll(paths, readOpts{Set: testSet, Units: list, Period: &p2022})
		if len(sheets) != 4*98 || len(problems) != 0 {
			b.Fatalf("%d sheets, %d problems", len(sheets), len(problems))
		}
	}
}

// BenchmarkBareStream is the floor Read is measured against: excelize's
// streaming read of every sheet, one file after another, checking nothing.
func BenchmarkBareStream(b *testing.B) {
	paths, _ := benchForms(b, 4, 98)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paths {
			f, err := excelize.OpenFile(p)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range f.GetSheetList() {
				rows, err := f.Rows(s)
				if err != nil {
					b.Fatal(err)
				}
				for rows.Next() {
					if _, err := rows.Columns(); err != nil {
						b.Fatal(err)
					}
				}
				rows.Close()
			}
			f.Close()
		}
	}
}
