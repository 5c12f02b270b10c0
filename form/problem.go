package form

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with a workbook, placed as precisely as it can be.
type Problem struct {
	File, Sheet, Cell, Input, Msg string
	Missing                       bool // an empty required cell: missing data rather than wrong data
}

// String reads like `ninh-kieu.xlsx, trang "Cái Khế", ô E12, chỉ số tin_bao_xu_ly:
// …`; the parts that are empty are left out.
func (p Problem) String() string {
	var parts []string
	if p.File != "" {
		parts = append(parts, p.File)
	}
	if p.Sheet != "" {
		parts = append(parts, fmt.Sprintf("trang %q", p.Sheet))
	}
	if p.Cell != "" {
		parts = append(parts, "ô "+p.Cell)
	}
	if p.Input != "" {
		parts = append(parts, "chỉ số "+p.Input)
	}
	where := strings.Join(parts, ", ")
	if where == "" {
		return p.Msg
	}
	return where + ": " + p.Msg
}

// placed is a problem with the position it sorts by: the file's place in the
// paths, the sheet's in its workbook, then row and column (0 for the sheet or
// file as a whole, which sorts first).
type placed struct {
	Problem
	file, sheet, row, col int
}

func sortProblems(ps []placed) []Problem {
	slices.SortStableFunc(ps, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.sheet, b.sheet),
			cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	var out []Problem
	for _, p := range ps {
		out = append(out, p.Problem)
	}
	return out
}
