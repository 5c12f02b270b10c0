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

// benchWards is a units list of n wards in districts of about 98.
func benchWards(b *testing.B, n int) []units.Ward {
	b.Helper()
	var csv strings.Builder
	csv.WriteString("ma_phuong,ten_phuong,ma_quan,ten_quan\n")
	for i := range n {
		fmt.Fprintf(&csv, "%d,Phường %d,%d,Quận %d\n", 10000+i, i, i/98, i/98)
	}
	list, err := units.Parse(strings.NewReader(csv.String()), "bench.csv")
	if err != nil {
		b.Fatal(err)
	}
	return list.Wards
}

// BenchmarkWrite writes blank templates of growing size: ns/ward stays flat when
// writing is linear in the number of wards (the nationwide template is 3 321).
// cpu-ns/ward is the CPU time of all threads (garbage collection included), which
// a shared machine disturbs less than the wall clock.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 800, 3321} {
		b.Run(fmt.Sprintf("wards=%d", n), func(b *testing.B) {
			o := Options{Set: testSet, Wards: benchWards(b, n), Period: p2022}
			var size int
			cpu := cpuTime()
			for b.Loop() {
				var w countWriter
				if err := Write(&w, o); err != nil {
					b.Fatal(err)
				}
				size = int(w)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/ward")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N*n), "cpu-ns/ward")
			b.ReportMetric(float64(size)/float64(n), "B/ward")
		})
	}
}

type countWriter int

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
