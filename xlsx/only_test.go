package xlsx

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// TestOnlyKeepsTheSameCells: reading with Only (and KeepFrom) gives exactly the
// cells of those columns that a full read gives, value, kind, format and formula
// alike, and the same merges, on every workbook the repository holds.
func TestOnlyKeepsTheSameCells(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.xlsx")
	more, _ := filepath.Glob("testdata/libreoffice/*.xlsx")
	forms, _ := filepath.Glob("../testdata/can-tho-2022/*.xlsx")
	paths = append(append(paths, more...), forms...)
	if len(paths) < 5 {
		t.Fatalf("only %d workbooks", len(paths))
	}
	for _, keep := range []struct {
		cols []int
		from int
	}{{[]int{2, 5, 6, 7}, 0}, {[]int{2, 4}, 6}} {
		for _, p := range paths {
			b, err := Open(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := range b.Sheets() {
				all, allMerges := sheetCells(t, b, i, nil, 0)
				some, someMerges := sheetCells(t, b, i, keep.cols, keep.from)
				var want []string
				for _, c := range all {
					var col int
					fmt.Sscanf(c, "%d", &col)
					if slices.Contains(keep.cols, col%1000) || keep.from > 0 && col%1000 >= keep.from {
						want = append(want, c)
					}
				}
				if !slices.Equal(want, some) || !slices.Equal(allMerges, someMerges) {
					t.Errorf("%s, sheet %d: Only(%v), KeepFrom(%d) read %d cells, a full read %d of those columns", p, i, keep.cols, keep.from, len(some), len(want))
				}
			}
			b.Close()
		}
	}
}

// sheetCells lists a sheet's cells as text ("col+1000*row kind format formula
// value"), keeping only cols when given.
func sheetCells(t *testing.T, b *Book, i int, cols []int, from int) ([]string, []Range) {
	t.Helper()
	rows, err := b.Rows(i)
	if err != nil {
		return nil, nil
	}
	defer rows.Close()
	if cols != nil {
		rows.Only(cols...)
		rows.KeepFrom(from)
	}
	var out []string
	for rows.Next() {
		row := rows.Row()
		for _, c := range row.Cells {
			out = append(out, fmt.Sprintf("%d %v %v %v %q", c.Col+1000*row.Num, c.Kind, c.Format.Class, c.Formula, c.Value))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	m, err := rows.Merges()
	if err != nil {
		t.Fatal(err)
	}
	return out, m
}
