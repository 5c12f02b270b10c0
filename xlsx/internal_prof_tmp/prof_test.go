package prof

import (
	"path/filepath"
	"testing"

	"dean/bench"
)

func BenchmarkXLSX(b *testing.B) {
	files, _ := filepath.Glob("/work/wt/xlsxread/bench/data/*.xlsx")
	for b.Loop() {
		if _, err := bench.XLSXRead(files); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	files, _ := filepath.Glob("/work/wt/xlsxread/bench/data/*.xlsx")
	for b.Loop() {
		if _, err := bench.ScanFloor(files); err != nil {
			b.Fatal(err)
		}
	}
}
