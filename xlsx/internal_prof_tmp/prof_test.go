package prof

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dean/bench"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestRatio(t *testing.T) {
	files, _ := filepath.Glob("/work/wt/xlsxread/bench/data/*.xlsx")
	var a, b []time.Duration
	for i := 0; i < 12; i++ {
		c0 := cpu()
		bench.ScanFloor(files)
		c1 := cpu()
		bench.XLSXRead(files)
		c2 := cpu()
		a = append(a, c1-c0)
		b = append(b, c2-c1)
	}
	t.Log(mins(a), mins(b), float64(mins(b))/float64(mins(a)))
}

func BenchmarkXLSX(b *testing.B) {
	files, _ := filepath.Glob("/work/wt/xlsxread/bench/data/*.xlsx")
	for b.Loop() {
		if _, err := bench.XLSXRead(files); err != nil {
			b.Fatal(err)
		}
	}
}

func mins(d []time.Duration) time.Duration {
	m := d[0]
	for _, x := range d {
		m = min(m, x)
	}
	return m
}
