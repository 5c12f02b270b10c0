// Package submission holds what a district sends for one ward and one period: the
// values of the form's inputs, each with the cell it came from, whatever read them
// (the xlsx form, the archive, a test). Check holds them against the criteria —
// ids known, a part never above its whole, last year present where a rule needs it
// — without knowing any file format.
package submission

import (
	"dean/score"
	"dean/units"
)

// Submission is one ward's values for one period, as a reader found them.
type Submission struct {
	Ward   units.Ward
	Period string // the period code the form states ("2026-H1"); "" when it states none
	Source Source
	// CodeAt is the cell that names the ward: problems with the ward as a whole
	// (submitted twice, say) are placed there.
	CodeAt Ref
	// Table is the row of the table's header: problems of the table as a whole (an
	// input without a row) are placed there. 0 when the values have no sheet.
	Table   int
	Entries []Entry // in the order found
	// Unread means the reader left the values alone (a form for another period
	// or criteria version, a sheet without its table) and has said why: the ward
	// counts as lacking data, and nothing more is said of its rows.
	Unread bool
}

// Source is where a submission was read from.
type Source struct {
	File   string // as the user named it
	SHA256 string // of the file's bytes, hex; "" when not computed
	Sheet  string
	// FileIndex and SheetIndex place the submission among everything read in one
	// run: problems are ordered by them, and of two submissions for one ward the
	// first counts.
	FileIndex, SheetIndex int
}

// Entry is one row of the form: an input id as written, and its two cells.
type Entry struct {
	ID   string // as written, trimmed; matched against the criteria without case
	At   Ref    // the id's cell
	Now  Cell
	Prev Cell // "Cùng kỳ năm trước"
}

// Cell is one value of an entry.
type Cell struct {
	At     Ref       // zero when the form has no such column
	Num    score.Num // the value, when it was read well
	Filled bool      // the cell holds something (a value, or something unusable)
	// Bad means the reader found the cell unusable and has said why: it is left
	// out of the values without a second message.
	Bad bool
	// Prefilled means dean wrote the value into the form from the archive.
	Prefilled bool
}

// Blank is a cell nobody filled in.
func (c Cell) Blank() bool { return !c.Filled }

// Ref is a cell's place in its sheet, 1-based; the zero Ref is no cell. It is
// kept as numbers because a nationwide run has hundreds of thousands of cells,
// and only the few with a problem are ever written out.
type Ref struct{ Col, Row int }

// String is the cell's name, "E12"; "" for no cell.
func (r Ref) String() string {
	if r.Col < 1 || r.Row < 1 {
		return ""
	}
	var b [12]byte
	i := len(b)
	for n := r.Row; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	for c := r.Col; c > 0; c = (c - 1) / 26 {
		i--
		b[i] = byte('A' + (c-1)%26)
	}
	return string(b[i:])
}

// ParseRef reads "AB12"; anything else is the zero Ref.
func ParseRef(s string) Ref {
	var r Ref
	i := 0
	for ; i < len(s) && s[i] >= 'A' && s[i] <= 'Z' && i < 3; i++ {
		r.Col = r.Col*26 + int(s[i]-'A'+1)
	}
	if i == 0 || i == len(s) || len(s)-i > 7 {
		return Ref{}
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Ref{}
		}
		r.Row = r.Row*10 + int(s[i]-'0')
	}
	if r.Row == 0 {
		return Ref{}
	}
	return r
}
