package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"dean"
	"dean/assess"
	"dean/criteria"
	"dean/form"
	"dean/gen"
	"dean/period"
	"dean/score"
	"dean/units"
)

// The national set takes about 20 s to write, so it is written once per run, and
// only when a benchmark asks for it: `go test ./...` never does. Set
// DEAN_BENCH_DATA to a directory made by `deangen -national` (run.sh does) to skip
// writing it altogether.
var (
	dataOnce sync.Once
	dataDir  string
	dataErr  error
	tempDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

func defaultSet(b *testing.B) *criteria.Set {
	set, err := dean.DefaultSet()
	if err != nil {
		b.Fatal(err)
	}
	return set
}

// national returns the workbooks of the national set, sorted, and its units list.
func national(b *testing.B) ([]string, *units.List) {
	if testing.Short() {
		b.Skip("the national set is too large for -short")
	}
	dataOnce.Do(func() {
		if dataDir = os.Getenv("DEAN_BENCH_DATA"); dataDir != "" {
			return
		}
		if tempDir, dataErr = os.MkdirTemp("", "dean-bench-"); dataErr == nil {
			dataDir = tempDir
			dataErr = writeNational(defaultSet(b), dataDir)
		}
	})
	if dataErr != nil {
		b.Fatal(dataErr)
	}
	files, _ := filepath.Glob(filepath.Join(dataDir, "*.xlsx"))
	sort.Strings(files)
	f, err := os.Open(filepath.Join(dataDir, "units.csv"))
	if err != nil {
		b.Skipf("no national set in %s: %v", dataDir, err)
	}
	defer f.Close()
	list, err := units.Parse(f, "units.csv")
	if err != nil || len(files) == 0 {
		b.Fatalf("national set in %s: %d workbooks, %v", dataDir, len(files), err)
	}
	return files, list
}

func writeNational(set *criteria.Set, dir string) error {
	list, vals, err := gen.National(set, 3321, 34)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "units.csv"), func(w io.Writer) error { return gen.WriteUnitsCSV(w, list) }); err != nil {
		return err
	}
	for _, d := range list.Districts() {
		var ws []units.Ward
		for _, w := range list.Wards {
			if w.District == d {
				ws = append(ws, w)
			}
		}
		o := form.Options{Set: set, Wards: ws, Period: period.Period{Year: 2026, Half: true}, Values: vals}
		if err := writeFile(filepath.Join(dir, form.Slug(d)+".xlsx"), func(w io.Writer) error { return form.Write(w, o) }); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// halves runs a benchmark on the first half of the workbooks and on all of them,
// so that time and memory can be seen to scale (or not) with the files.
func halves(b *testing.B, run func(b *testing.B, files []string, list *units.List)) {
	files, list := national(b)
	for _, n := range []int{len(files) / 2, len(files)} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			run(b, files[:n], list)
		})
	}
}

// BenchmarkFloor is the bare excelize read of every cell.
func BenchmarkFloor(b *testing.B) {
	halves(b, func(b *testing.B, files []string, _ *units.List) {
		for b.Loop() {
			if _, err := Floor(files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScanFloor is the floor of any reader: inflate and byte-scan.
func BenchmarkScanFloor(b *testing.B) {
	halves(b, func(b *testing.B, files []string, _ *units.List) {
		for b.Loop() {
			if _, err := ScanFloor(files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkXLSXRead reads every cell with package xlsx.
func BenchmarkXLSXRead(b *testing.B) {
	halves(b, func(b *testing.B, files []string, _ *units.List) {
		for b.Loop() {
			if _, err := XLSXRead(files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScore is what `dean score --format json` does: read the forms, score
// every ward, summarise, encode.
func BenchmarkScore(b *testing.B) {
	set := defaultSet(b)
	halves(b, func(b *testing.B, files []string, list *units.List) {
		for b.Loop() {
			a := assess.New(assess.Options{Set: set, Units: list})
			a.Problems(form.Read(files, form.ReadOptions{Set: set, Units: list}, a.Add)...)
			as := a.Finish()
			if len(as.Problems) > 0 {
				b.Fatalf("%d problems, first: %s", len(as.Problems), as.Problems[0])
			}
			if err := score.WriteJSON(io.Discard, as.Result); err != nil {
				b.Fatal(err)
			}
		}
	})
}
