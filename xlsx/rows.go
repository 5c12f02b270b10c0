package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"
)

// Kind is the type of a cell's value, as the file stores it.
type Kind uint8

const (
	KindBlank  Kind = iota // no value: a styled empty cell, or a formula without a cached result
	KindNumber             // t="n" or no t: Value as written, e.g. "31117", "31117.0", "1.5E-3"
	KindText               // a shared string, an inline string, or a formula's text result (t="str")
	KindBool               // t="b": Value "1" or "0"
	KindError              // t="e": Value "#N/A", "#DIV/0!", ...
	KindDate               // t="d": Value an ISO 8601 date, time or date-time
)

var kindNames = [...]string{"blank", "number", "text", "bool", "error", "date"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Cell is one cell of a row as stored.
type Cell struct {
	Col    int        // 1-based
	Style  int        // index of the cell style (cellXfs); 0 when none
	Format *NumFormat // the style's number format; never nil, shared: do not modify
	// Value is the value exactly as stored, entities decoded; for a shared
	// string, the string. It is read-only and valid until the next call to
	// Rows.Next: copy (string(c.Value)) what must outlive the row.
	Value   []byte
	vs, ve  int32 // Value's place in the row's buffer while the row is read (ve > vs)
	Kind    Kind
	Formula bool // the cell has a formula (Kind is KindBlank when it has no cached result)
}

// String is the value as a new string.
func (c *Cell) String() string { return string(c.Value) }

// Row is a row of a sheet with the cells the file stores for it, in column
// order. Rows the file leaves out are not delivered: Num says which row it is.
type Row struct {
	Num   int // 1-based
	Cells []Cell
}

// Cell returns the cell at a 1-based column, nil when the row has none there.
func (r *Row) Cell(col int) *Cell {
	lo, hi := 0, len(r.Cells)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := r.Cells[m].Col; {
		case c == col:
			return &r.Cells[m]
		case c < col:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil
}

// Rows reads a sheet's rows in order, once:
//
//	for rows.Next() { row := rows.Row(); ... }
//	if err := rows.Err(); err != nil { ... }
type Rows struct {
	b      *Book
	sheet  string
	part   *partReader
	s      scanner
	state  rowsState
	row    Row
	arena  []byte
	dim    Range
	hasDim bool
	merges []Range
	err    error
	// lastCol is the column of the row's last cell read, kept or not: cells
	// without a reference follow it, and a cell before it is damage.
	lastCol int
	// only, when set, are the columns whose cells are kept (see Only); from,
	// when not 0, the column from which every cell is kept too (see KeepFrom).
	only []bool
	from int
}

// Only keeps, from the next row on, just the cells of these 1-based columns:
// the others are checked for their place but their values are not read, which
// spares the text a sheet repeats in columns a caller does not need. Without
// columns, every cell is kept again.
func (r *Rows) Only(cols ...int) {
	if len(cols) == 0 {
		r.only = nil
		return
	}
	r.only = make([]bool, slices.Max(cols)+1)
	for _, c := range cols {
		if c > 0 {
			r.only[c] = true
		}
	}
}

// KeepFrom keeps, with Only, every cell from a 1-based column on (0: none):
// what lies right of a table, which a caller reads to say it is not used.
func (r *Rows) KeepFrom(col int) { r.from = col }

// skipCell passes over the rest of a cell not kept. When its end is in the
// window, with no comment or CDATA before it that could hold "</c>", it jumps
// there; else it reads the cell's elements one by one.
func (r *Rows) skipCell() error {
	s := &r.s
	b := s.buf[s.pos:s.end]
	if i := bytes.Index(b, cellEnd); i >= 0 && !bytes.Contains(b[:i], []byte("<!")) {
		s.pos += i + len(cellEnd)
		return nil
	}
	return s.skip()
}

// skipped reports whether a column's cells are not kept.
func (r *Rows) skipped(col int) bool {
	return r.only != nil && (col >= len(r.only) || !r.only[col]) && (r.from == 0 || col < r.from)
}

type rowsState uint8

const (
	beforeRows rowsState = iota // before sheetData
	inRows
	afterRows // after sheetData: merges may follow
	atEnd
)

// Rows starts reading the i-th sheet of Sheets(). Close it when done; the next
// call to Rows reuses its buffers.
func (b *Book) Rows(i int) (*Rows, error) {
	if i < 0 || i >= len(b.sheets) {
		return nil, fmt.Errorf("xlsx: no sheet %d in a workbook of %d", i, len(b.sheets))
	}
	sh := b.sheets[i]
	if sh.Part == "" {
		return nil, &DamagedError{Sheet: sh.Name, Offset: -1, Reason: "the workbook names no part for the sheet"}
	}
	p, err := b.open(sh.Part)
	if err != nil {
		return nil, annotate(err, sh.Name, 0, 0)
	}
	sp := b.spare
	b.spare = rowsBuffers{}
	r := &Rows{b: b, sheet: sh.Name, part: p, row: Row{Cells: sp.cells[:0]}, arena: sp.arena[:0]}
	r.s.buf, r.s.attrs = sp.window, sp.attrs
	r.s.reset(p, p.f.Name, sh.Name, b.opts.MaxElement)
	return r, nil
}

// rowsBuffers are what a closed Rows leaves for the next: a Book reads its
// sheets one after another, so one set is enough.
type rowsBuffers struct {
	window []byte
	attrs  []attr
	cells  []Cell
	arena  []byte
}

// Close stops reading the sheet. The rows read are no longer valid; the
// merges are.
func (r *Rows) Close() error {
	if r.part == nil {
		return nil
	}
	err := r.part.Close()
	r.part, r.state = nil, atEnd
	r.b.spare = rowsBuffers{window: r.s.buf, attrs: r.s.attrs[:0], cells: r.row.Cells[:0], arena: r.arena[:0]}
	r.s = scanner{}
	r.row, r.arena = Row{}, nil
	return err
}

// Err is the error that stopped Next or Merges, if any.
func (r *Rows) Err() error { return r.err }

// Row is the row Next moved to; its cells are valid until the next call to Next.
func (r *Rows) Row() Row { return r.row }

// Dimension is the used range the sheet declares (<dimension ref>), known once
// Next has been called. Writers do not always keep it right: it is a hint.
func (r *Rows) Dimension() (Range, bool) { return r.dim, r.hasDim }

func (r *Rows) setErr(err error) {
	r.err, r.state = annotate(err, r.sheet, r.row.Num, r.lastCol), atEnd
}

// annotate places damage in its sheet and cell when it does not say already.
func annotate(err error, sheet string, row, col int) error {
	var d *DamagedError
	if errors.As(err, &d) {
		if d.Sheet == "" {
			d.Sheet = sheet
		}
		if d.Row == 0 {
			d.Row, d.Col = row, col
		}
	}
	return err
}

// Next moves to the next row the sheet stores, and reports whether there is one.
func (r *Rows) Next() bool {
	if r.state == beforeRows {
		if err := r.findRows(); err != nil {
			r.setErr(err)
			return false
		}
	}
	if r.state != inRows {
		return false
	}
	s := &r.s
	for {
		if b := s.buf[s.pos:s.end]; bytes.HasPrefix(b, rowOpen) {
			if a, p, empty, ok := plainTag(b, len(rowOpen)); ok {
				s.pos += p
				if err := r.readRow(a[0], empty); err != nil {
					r.setErr(err)
					return false
				}
				return true
			}
		}
		k, err := s.next()
		if err != nil {
			r.setErr(s.noEOF(err))
			return false
		}
		switch k {
		case tokStart, tokEmpty:
			if string(s.name) == "row" {
				ref, _ := s.attr("r")
				if err := r.readRow(ref, k == tokEmpty); err != nil {
					r.setErr(err)
					return false
				}
				return true
			}
			if k == tokStart {
				if err := s.skip(); err != nil {
					r.setErr(err)
					return false
				}
			}
		case tokEnd:
			if err := s.endOf("sheetData"); err != nil {
				r.setErr(err)
				return false
			}
			r.state = afterRows
			r.row.Cells = r.row.Cells[:0]
			return false
		}
	}
}

// findRows reads up to the rows, taking the dimension on the way.
func (r *Rows) findRows() error {
	s := &r.s
	depth := 0
	for {
		k, err := s.next()
		if err == io.EOF && depth == 0 {
			r.state = atEnd // no sheetData: a chart sheet
			return nil
		}
		if err != nil {
			return s.noEOF(err)
		}
		switch k {
		case tokStart, tokEmpty:
			if depth == 1 {
				switch string(s.name) {
				case "dimension":
					if v, ok := s.attr("ref"); ok {
						r.dim, r.hasDim = parseRange(v)
					}
				case "sheetData":
					r.state = inRows
					if k == tokEmpty {
						r.state = afterRows
					}
					return nil
				}
			}
			if k == tokStart {
				depth++
			}
		case tokEnd:
			depth--
		}
	}
}

// readRow reads a row whose start tag was just read.
func (r *Rows) readRow(ref []byte, empty bool) error {
	s := &r.s
	num := r.row.Num + 1
	if v := ref; v != nil {
		n, ok := parseUint(v)
		if !ok || n < 1 || n > MaxRows {
			return s.fail(fmt.Sprintf("a row numbered %q", v))
		}
		if n <= r.row.Num {
			return s.fail(fmt.Sprintf("row %d after row %d", n, r.row.Num))
		}
		num = n
	} else if num > MaxRows {
		return s.fail("more rows than a sheet can hold")
	}
	r.row.Num, r.row.Cells, r.arena, r.lastCol = num, r.row.Cells[:0], r.arena[:0], 0
	if empty {
		return nil
	}
	for {
		if bytes.HasPrefix(s.buf[s.pos:s.end], rowEnd) {
			s.pos += len(rowEnd)
			r.settle()
			return nil
		}
		if ok, err := r.fastCell(); ok || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		k, err := s.next()
		if err != nil {
			return s.noEOF(err)
		}
		switch k {
		case tokStart, tokEmpty:
			if string(s.name) == "c" {
				if err := r.readCell(k == tokEmpty); err != nil {
					return err
				}
			} else if k == tokStart {
				if err := s.skip(); err != nil {
					return err
				}
			}
		case tokEnd:
			if err := s.endOf("row"); err != nil {
				return err
			}
			r.settle()
			return nil
		}
	}
}

var (
	rowOpen = []byte("<row ")
	rowEnd  = []byte("</row>")
)

// settle points the values of the row's cells into the row's buffer, which no
// longer moves.
func (r *Rows) settle() {
	cells := r.row.Cells
	for i := range cells {
		if cells[i].ve > cells[i].vs {
			cells[i].Value = r.arena[cells[i].vs:cells[i].ve:cells[i].ve]
		}
	}
}

// Cell types as the t attribute gives them.
const (
	tNumber byte = iota
	tShared
	tFormulaString
	tInline
	tBool
	tError
	tDate
)

// readCell reads a cell whose start tag was just read and appends it to the row.
func (r *Rows) readCell(empty bool) error {
	s := &r.s
	var ref, style, typ []byte
	for _, a := range s.attrs {
		if a.n1-a.n0 != 1 {
			continue
		}
		switch s.buf[a.n0] {
		case 'r':
			ref = s.attrValue(a)
		case 's':
			style = s.attrValue(a)
		case 't':
			typ = s.attrValue(a)
		}
	}
	c, t, err := r.newCell(ref, style, typ)
	if err != nil {
		return err
	}
	if r.skipped(c.Col) {
		r.row.Cells = r.row.Cells[:len(r.row.Cells)-1]
		if empty {
			return nil
		}
		return r.skipCell()
	}
	// The value, from <v> or for an inline string <is>.
	start, hasV, hasIS := len(r.arena), false, false
	if !empty {
		empty, hasV = r.plainValue(s.buf[s.pos:s.end])
	}
	for !empty {
		k, err := s.next()
		if err != nil {
			return s.noEOF(err)
		}
		if k == tokEnd {
			if err := s.endOf("c"); err != nil {
				return err
			}
			break
		}
		switch string(s.name) {
		case "v":
			if hasV || hasIS {
				return s.fail("a cell with two values")
			}
			hasV = true
			if k == tokStart {
				if r.arena, err = readText(s, r.arena, "v"); err != nil {
					return err
				}
			}
			continue
		case "f":
			c.Formula = true
		case "is":
			if hasV || hasIS {
				return s.fail("a cell with two values")
			}
			hasIS = true
			if k == tokStart {
				if err := r.readInline(); err != nil {
					return err
				}
			}
			continue
		}
		if k == tokStart {
			if err := s.skip(); err != nil {
				return err
			}
		}
	}
	return r.addCell(c, t, start, hasV, hasIS)
}

// fastCell reads a cell at pos when it takes the path most cells take — a
// start tag with plain attributes, then no value or a plain one (see
// plainValue) — and reports whether it did. When not, nothing was read.
func (r *Rows) fastCell() (bool, error) {
	s := &r.s
	b := s.buf[s.pos:s.end]
	if len(b) < 4 || b[0] != '<' || b[1] != 'c' || b[2] != ' ' {
		return false, nil
	}
	a, p, empty, ok := plainTag(b, 3)
	if !ok {
		return false, nil
	}
	start, hasV := len(r.arena), false
	if !empty {
		var done bool
		if done, hasV = r.plainValue(b[p:]); !done {
			return false, nil
		}
	}
	s.pos += p // plainValue moved past the value, the tag comes before it
	c, t, err := r.newCell(a[0], a[1], a[2])
	if err != nil {
		return true, err
	}
	if r.skipped(c.Col) {
		r.row.Cells, r.arena = r.row.Cells[:len(r.row.Cells)-1], r.arena[:start]
		return true, nil
	}
	return true, r.addCell(c, t, start, hasV, false)
}

// plainTag reads the attributes of a start tag from b[p:] (just past its name)
// when they are plain — single spaces, no space around "=" — and returns the
// values of r, s and t (nil when absent), where the tag ends and whether it is
// empty; ok is false for anything else, including a tag the window cuts off.
func plainTag(b []byte, p int) (rst [3][]byte, end int, empty, ok bool) {
	for {
		for p < len(b) && b[p] == ' ' {
			p++
		}
		if p+1 >= len(b) {
			return rst, 0, false, false
		}
		switch b[p] {
		case '>':
			return rst, p + 1, false, true
		case '/':
			return rst, p + 2, true, b[p+1] == '>'
		}
		q := p
		for p < len(b) && b[p] != '=' && b[p] != ' ' && b[p] != '>' {
			p++
		}
		if p+1 >= len(b) || b[p] != '=' || (b[p+1] != '"' && b[p+1] != '\'') {
			return rst, 0, false, false
		}
		name, quote := b[q:p], b[p+1]
		p += 2
		v := p
		for p < len(b) && b[p] != quote {
			p++
		}
		if p >= len(b) {
			return rst, 0, false, false
		}
		if len(name) == 1 {
			switch name[0] {
			case 'r':
				rst[0] = b[v:p]
			case 's':
				rst[1] = b[v:p]
			case 't':
				rst[2] = b[v:p]
			}
		}
		p++
	}
}

// newCell appends to the row a cell made from the r, s and t attributes of its
// start tag (nil when absent), and returns it with its type.
func (r *Rows) newCell(ref, style, typ []byte) (*Cell, byte, error) {
	s := &r.s
	col := r.lastCol + 1
	prev := r.lastCol
	if ref != nil {
		n, ok := parseColumn(ref)
		if !ok {
			return nil, 0, s.fail(fmt.Sprintf("a cell reference %q", ref))
		}
		col = n
	} else if col > MaxCols {
		return nil, 0, s.fail("more cells in a row than a sheet can hold")
	}
	if col <= prev {
		return nil, 0, s.fail(fmt.Sprintf("cell %s after column %s", CellName(col, r.row.Num), ColumnName(prev)))
	}
	st := 0
	if style != nil {
		n, ok := parseUint(style)
		if !ok {
			return nil, 0, s.fail(fmt.Sprintf("a cell style %q", style))
		}
		st = n
	}
	t := tNumber
	if typ != nil {
		switch string(typ) {
		case "n":
			t = tNumber
		case "s":
			t = tShared
		case "str":
			t = tFormulaString
		case "inlineStr":
			t = tInline
		case "b":
			t = tBool
		case "e":
			t = tError
		case "d":
			t = tDate
		default:
			return nil, 0, s.fail(fmt.Sprintf("a cell type %q", typ))
		}
	}
	r.lastCol = col
	r.row.Cells = append(r.row.Cells, Cell{Col: col, Style: st, Format: r.b.format(st)})
	return &r.row.Cells[len(r.row.Cells)-1], t, nil
}

// addCell gives a cell its kind and value, which the row's buffer holds from
// start on.
func (r *Rows) addCell(c *Cell, t byte, start int, hasV, hasIS bool) error {
	v := r.arena[start:]
	switch {
	case t == tShared && hasV:
		i, ok := parseUint(trimSpace(v))
		if !ok {
			return r.s.fail(fmt.Sprintf("a shared string index %q", v))
		}
		if c.Value, ok = r.b.sst.get(i); !ok {
			return r.s.fail(fmt.Sprintf("shared string %d of %d", i, len(r.b.sst.ends)))
		}
		r.arena = r.arena[:start]
		c.Kind = KindText
	case t == tInline && (hasIS || hasV), t == tFormulaString && hasV:
		c.Kind = KindText
	case !hasV:
		c.Kind = KindBlank
	case t == tNumber:
		if len(v) > 0 {
			c.Kind = KindNumber
		}
	case t == tBool:
		c.Kind = KindBool
	case t == tError:
		c.Kind = KindError
	case t == tDate:
		c.Kind = KindDate
	}
	if len(r.arena) > start {
		if len(r.arena) > math.MaxInt32 {
			return r.s.fail("a row holds more text than a reader can keep")
		}
		c.vs, c.ve = int32(start), int32(len(r.arena))
	}
	return nil
}

var (
	valueOpen    = []byte("<v>")
	valueEndCell = []byte("</v></c>")
	cellEnd      = []byte("</c>")
)

// plainValue reads the rest of a cell, from b on (which starts inside the
// window at pos), on the path most cells take — no value (</c>), or a value
// of ASCII without entities (<v>...</v></c>) — and reports whether it did
// (done) and whether there was a value. It moves pos past what it read beyond
// b's start; when not done, it reads nothing.
func (r *Rows) plainValue(b []byte) (done, hasV bool) {
	if bytes.HasPrefix(b, cellEnd) {
		r.s.pos += len(cellEnd)
		return true, false
	}
	if !bytes.HasPrefix(b, valueOpen) {
		return false, false
	}
	b = b[len(valueOpen):]
	i := 0
	for i < len(b) && b[i] != '<' {
		if c := b[i]; c == '&' || c == '\r' || c >= utf8.RuneSelf {
			return false, false
		}
		i++
	}
	if !bytes.HasPrefix(b[i:], valueEndCell) {
		return false, false
	}
	r.arena = append(r.arena, b[:i]...)
	r.s.pos += len(valueOpen) + i + len(valueEndCell)
	return true, true
}

// readInline reads the rich or plain text of an inline string (is), whose
// start tag was just read, into the row's buffer.
func (r *Rows) readInline() error {
	s := &r.s
	start := len(r.arena)
	for depth := 1; depth > 0; {
		k, err := s.next()
		if err != nil {
			return s.noEOF(err)
		}
		switch k {
		case tokStart:
			depth++
			switch name := string(s.name); {
			case depth == 2 && name == "rPh":
				if err := s.skip(); err != nil {
					return err
				}
				depth--
			case name == "t" && (depth == 2 || depth == 3):
				if r.arena, err = readText(s, r.arena, "t"); err != nil {
					return err
				}
				depth--
			}
		case tokEnd:
			if depth--; depth == 0 {
				if err := s.endOf("is"); err != nil {
					return err
				}
			}
		}
	}
	r.arena = append(r.arena[:start], unescapeX(r.arena[start:])...)
	return nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// Merges returns the sheet's merged ranges. They follow the rows in the file:
// called before the rows are all read, it reads (and skips) the rest of them.
func (r *Rows) Merges() ([]Range, error) {
	for r.state == beforeRows || r.state == inRows {
		if !r.Next() && r.err != nil {
			return nil, r.err
		}
	}
	if r.state == afterRows {
		if err := r.readMerges(); err != nil {
			r.setErr(err)
			return nil, r.err
		}
		r.state = atEnd
	}
	return r.merges, r.err
}

// readMerges reads the rest of the sheet after sheetData for mergeCells.
func (r *Rows) readMerges() error {
	s := &r.s
	r.row.Num, r.row.Cells = 0, r.row.Cells[:0]
	depth, inMerges := 1, false
	for {
		k, err := s.next()
		if err == io.EOF && depth == 0 {
			return nil
		}
		if err != nil {
			return s.noEOF(err)
		}
		switch k {
		case tokStart, tokEmpty:
			switch {
			case depth == 1 && string(s.name) == "mergeCells":
				inMerges = k == tokStart
				if v, ok := s.attr("count"); ok && r.merges == nil {
					// A hint, trusted only so far.
					if n, ok := parseUint(v); ok {
						r.merges = make([]Range, 0, min(n, 1024))
					}
				}
			case depth == 2 && inMerges && string(s.name) == "mergeCell":
				v, _ := s.attr("ref")
				m, ok := parseRange(v)
				if !ok {
					return s.fail(fmt.Sprintf("a merged range %q", v))
				}
				r.merges = append(r.merges, m)
			}
			if k == tokStart {
				depth++
			}
		case tokEnd:
			depth--
			if depth == 1 {
				inMerges = false
			}
		}
	}
}
