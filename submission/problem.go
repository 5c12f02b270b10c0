package submission

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with what was submitted, placed as precisely as it
// can be.
type Problem struct {
	File, Sheet, Cell, Input, Msg string
	Missing                       bool // an empty required cell: missing data rather than wrong data
	Warning                       bool // worth a look, but nothing was refused
	Pos                           Pos  // where it sorts
}

// Pos orders problems: the file's place among those read, the sheet's in its
// workbook, then row and column (0 for the sheet or file as a whole, which sorts
// first).
type Pos struct {
	File, Sheet, Row, Col int
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

// Kind is the word a problem is printed under.
func (p Problem) Kind() string {
	switch {
	case p.Warning:
		return "cảnh báo"
	case p.Missing:
		return "thiếu số liệu"
	}
	return "lỗi"
}

// Sort orders problems by place, keeping the order of those at one place.
func Sort(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
			cmp.Compare(a.Pos.Row, b.Pos.Row), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
}

// Count tells errors, missing data and warnings apart.
func Count(ps []Problem) (errs, missing, warnings int) {
	for _, p := range ps {
		switch {
		case p.Warning:
			warnings++
		case p.Missing:
			missing++
		default:
			errs++
		}
	}
	return errs, missing, warnings
}

// at is a problem of this submission at a cell, or at row when there is no cell.
func (s *Submission) at(at Ref, row int, input, msg string) Problem {
	if at.Row == 0 {
		at = Ref{Row: row}
	}
	return Problem{
		File: s.Source.File, Sheet: s.Source.Sheet, Cell: at.String(), Input: input, Msg: msg,
		Pos: Pos{File: s.Source.FileIndex, Sheet: s.Source.SheetIndex, Row: at.Row, Col: at.Col},
	}
}
