package form

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/units"
)

// wardList is a units list of n invented wards.
func wardList(t testing.TB, n int) *units.List {
	t.Helper()
	var csv strings.Builder
	csv.WriteString("ma_phuong,ten_phuong,ma_quan,ten_quan\n")
	for i := range n {
		fmt.Fprintf(&csv, "%d,Phường %d,%d,Quận %d\n", 10000+i, i, i/100, i/100)
	}
	list, err := units.Parse(strings.NewReader(csv.String()), "wards.csv")
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// bomb writes a zip whose one sheet unzips to size bytes of zeros; with lie, the
// sheet is a few bytes that the zip only says unzip to size.
func bomb(t *testing.T, size int64, lie bool) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if lie {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
			CompressedSize64: 4, UncompressedSize64: uint64(size)})
		must(t, err)
		_, err = w.Write([]byte("<a/>"))
		must(t, err)
	} else {
		w, err := zw.Create("xl/worksheets/sheet1.xml")
		must(t, err)
		zeros := make([]byte, 1<<20)
		for n := int64(0); n < size; n += int64(len(zeros)) {
			_, err := w.Write(zeros[:min(int64(len(zeros)), size-n)])
			must(t, err)
		}
	}
	must(t, zw.Close())
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	must(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

func TestUnzipLimit(t *testing.T) {
	if got := unzipLimit(0); got != 64<<20 {
		t.Errorf("floor: %d", got)
	}
	if got := unzipLimit(3321); got < 3321*60<<10 {
		t.Errorf("3 321 wards: %d MiB is less than their forms take", got>>20)
	}
}

// TestReadRefusesZipBombs: a workbook bigger unzipped than a form of the units
// list can be is refused from what the zip declares, before anything is unzipped
// (a lying zip would otherwise fail as damaged, not as too large).
func TestReadRefusesZipBombs(t *testing.T) {
	wards2500 := wardList(t, 2500)
	tests := []struct {
		name  string
		path  string
		units *units.List
		msg   string
	}{
		{"80 MiB of zeros, 42-ward list", bomb(t, 80<<20, false), testUnits,
			"tệp quá lớn để là một biểu mẫu (giải nén vượt 69 MiB)"},
		{"80 MiB of zeros, 2 500-ward list: opened, and not a workbook", bomb(t, 80<<20, false), wards2500,
			"tệp nén không chứa sổ Excel (có thể là tài liệu Word hoặc tệp .zip): hãy gửi biểu mẫu .xlsx do dean template lập"},
		{"says 1 TiB, 2 500-ward list", bomb(t, 1<<40, true), wards2500,
			"tệp quá lớn để là một biểu mẫu (giải nén vượt 376 MiB)"},
		{"says 16 EiB", bomb(t, 1<<62, true), wards2500,
			"tệp quá lớn để là một biểu mẫu (giải nén vượt 376 MiB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := readAll([]string{tt.path}, readOpts{Set: testSet, Units: tt.units})
			if diff := cmp.Diff([]Problem{{File: tt.path, Msg: tt.msg}}, problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
	// Annotate takes the sheets the zip lists as the wards it may hold.
	err := Annotate(tests[2].path, filepath.Join(t.TempDir(), "out.xlsx"), nil)
	if want := tests[2].path + ": tệp quá lớn để là một biểu mẫu (giải nén vượt 64 MiB)"; err == nil || err.Error() != want {
		t.Errorf("Annotate: %v, want %s", err, want)
	}
}
