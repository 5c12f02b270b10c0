package xlsx

import "strconv"

// The largest sheet Excel makes.
const (
	MaxRows = 1 << 20
	MaxCols = 1 << 14
)

// Range is a rectangle of cells, 1-based and inclusive: A1:B2 is {1, 1, 2, 2}.
type Range struct {
	FromCol, FromRow, ToCol, ToRow int
}

func (r Range) String() string {
	from := CellName(r.FromCol, r.FromRow)
	if r.FromCol == r.ToCol && r.FromRow == r.ToRow {
		return from
	}
	return from + ":" + CellName(r.ToCol, r.ToRow)
}

// Contains reports whether the cell at col, row lies in the range.
func (r Range) Contains(col, row int) bool {
	return col >= r.FromCol && col <= r.ToCol && row >= r.FromRow && row <= r.ToRow
}

// CellName is the A1 reference of a cell ("" when out of a sheet's bounds).
func CellName(col, row int) string {
	if row < 1 || row > MaxRows {
		return ""
	}
	if c := ColumnName(col); c != "" {
		return c + strconv.Itoa(row)
	}
	return ""
}

// ColumnName is the letters of a 1-based column ("" when out of bounds).
func ColumnName(col int) string {
	if col < 1 || col > MaxCols {
		return ""
	}
	var b [3]byte
	n := len(b)
	for c := col; c > 0; c = (c - 1) / 26 {
		n--
		b[n] = byte('A' + (c-1)%26)
	}
	return string(b[n:])
}

// ParseCell reads an A1 reference ("$" markers allowed); ok is false unless it
// names a cell inside a sheet's bounds.
func ParseCell(ref string) (col, row int, ok bool) {
	return parseCell([]byte(ref))
}

// parseCell is ParseCell on bytes, allocation free.
func parseCell(b []byte) (col, row int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	start := i
	for i < len(b) && i-start < 4 {
		c := b[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		i++
	}
	if i == start || col > MaxCols {
		return 0, 0, false
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	start = i
	for i < len(b) && i-start < 8 {
		c := b[i]
		if c < '0' || c > '9' {
			break
		}
		row = row*10 + int(c-'0')
		i++
	}
	if i == start || i != len(b) || row < 1 || row > MaxRows {
		return 0, 0, false
	}
	return col, row, true
}

// parseColumn reads the column of a cell's r attribute, allocation free; ok
// is false unless the whole reference is well formed. It is parseCell for the
// references writers put in r: upper case, no "$".
func parseColumn(b []byte) (col int, ok bool) {
	i := 0
	for i < len(b) && i < 3 && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(b) || b[i] < '1' || b[i] > '9' || col > MaxCols {
		col, _, ok = parseCell(b)
		return col, ok
	}
	row := 0
	for j := i; j < len(b); j++ {
		c := b[j]
		if c < '0' || c > '9' || j-i >= 7 {
			col, _, ok = parseCell(b)
			return col, ok
		}
		row = row*10 + int(c-'0')
	}
	if row > MaxRows {
		return 0, false
	}
	return col, true
}

// ParseRange reads "A1:B2" or a single cell "A1" (a range of one).
func ParseRange(ref string) (Range, bool) {
	return parseRange([]byte(ref))
}

func parseRange(b []byte) (Range, bool) {
	for i, c := range b {
		if c == ':' {
			c1, r1, ok1 := parseCell(b[:i])
			c2, r2, ok2 := parseCell(b[i+1:])
			if !ok1 || !ok2 {
				return Range{}, false
			}
			return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
		}
	}
	c, r, ok := parseCell(b)
	return Range{c, r, c, r}, ok
}

// parseUint reads a decimal of at most 9 digits.
func parseUint(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
