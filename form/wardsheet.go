package form

import (
	"fmt"
	"strings"

	"dean/criteria"
	"dean/period"
	"dean/submission"
	"dean/units"
	"dean/xlsx"
)

// sheetReader reads one ward sheet: a streaming pass that keeps only the labelled
// fields and the input rows, then makes the submission of what was kept.
type sheetReader struct {
	b        *xlsx.Book
	idx      int // the sheet's place in b.Sheets()
	o        ReadOptions
	src      submission.Source
	book     fields // from the "Hướng dẫn" sheet
	problems []submission.Problem
	// Shared by the file's sheets, which are read one after another.
	inputs  []*criteria.Input
	keys    nameKeys
	periods periods
}

// scanned is what the streaming pass keeps of a sheet.
type scanned struct {
	fields    fields
	header    int    // row of the header; 0 when not found
	lastCol   int    // the header's last column: the table's right edge
	lastText  string // and its heading
	idCol     int    // 1-based; 0 when absent
	nowCol    int
	prevCol   int
	noteCol   int
	rows      []inputRow
	nonEmpty  bool
	damaged   string // why reading stopped early
	headerRef submission.Ref
	// filled are the cells below the header, in the id, value and note columns,
	// that hold something: a merged range may hide one.
	filled []submission.Ref
	merges []xlsx.Range
}

type inputRow struct {
	row       int
	id, note  string
	now, prev value
}

// cellRef is the reference ("E12") of the cell at a 1-based column and row.
func cellRef(col, row int) string { return submission.Ref{Col: col, Row: row}.String() }

// memo remembers a function of a text for one file: its ward sheets repeat the
// same labels, headers, district and period, and normalising them (Unicode) was
// the dearest part of reading the rows above a table.
type memo[V any] map[string]V

// maxMemo bounds a memo against a file made of distinct texts.
const maxMemo = 4096

func (m memo[V]) get(s string, f func(string) V) V {
	if v, ok := m[s]; ok {
		return v
	}
	v := f(s)
	if m != nil && len(m) < maxMemo {
		m[s] = v
	}
	return v
}

// nameKeys memoises units.NameKey.
type nameKeys memo[string]

func (k nameKeys) of(s string) string { return memo[string](k).get(s, units.NameKey) }

// periods memoises period.Parse.
type periods memo[parsedPeriod]

type parsedPeriod struct {
	p   period.Period
	err error
}

func (m periods) parse(s string) (period.Period, error) {
	v := memo[parsedPeriod](m).get(s, func(s string) parsedPeriod {
		p, err := period.Parse(s)
		return parsedPeriod{p, err}
	})
	return v.p, v.err
}

var (
	keyID   = units.NameKey(colID)
	keyNow  = units.NameKey(colNow)
	keyPrev = units.NameKey(colPrev)
	keyNote = units.NameKey(colNote)
)

func (r *sheetReader) add(at submission.Ref, input, msg string) {
	r.problems = append(r.problems, submission.Problem{
		File: r.src.File, Sheet: r.src.Sheet, Cell: at.String(), Input: input, Msg: msg,
		Pos: submission.Pos{File: r.src.FileIndex, Sheet: r.src.SheetIndex, Row: at.Row, Col: at.Col},
	})
}

// warn notes something about the sheet that refuses nothing.
func (r *sheetReader) warn(msg string) {
	r.add(submission.Ref{}, "", msg)
	r.problems[len(r.problems)-1].Warning = true
}

func (r *sheetReader) addAt(fd field, input, msg string) {
	if fd.labelled {
		r.add(fd.at, input, msg)
	} else {
		r.add(submission.Ref{}, input, msg)
	}
}

// read returns the sheet's submission when its ward is known (nil otherwise),
// and whether the sheet is a ward sheet at all (an empty one is not).
func (r *sheetReader) read() (*submission.Submission, bool) {
	sc := r.scan()
	if sc.damaged != "" {
		// What follows the damage is unknown, so nothing of the sheet is used.
		r.add(submission.Ref{}, "", sc.damaged)
		return nil, true
	}
	if !sc.nonEmpty {
		r.warn("trang trống, không có số liệu phường: nếu không dùng, hãy xóa trang này")
		return nil, false
	}
	if sc.header == 0 && !sc.fields[labelCode].labelled && !sc.fields[labelName].labelled {
		// Notes, a chart, a district's own summary: one word, not a list of what
		// a ward sheet would lack.
		r.warn(fmt.Sprintf("trang không có số liệu phường (không có ô %q, %q hay dòng tiêu đề %q): bỏ qua trang này", labelCode, labelName, colID))
		return nil, false
	}
	if st := r.b.Sheets()[r.idx].State; st != xlsx.Visible {
		r.warn("trang đang bị ẩn trong Excel, nhưng số liệu của trang vẫn được đọc: hãy hiện trang (Unhide) để kiểm tra, hoặc xóa trang nếu không dùng")
	}
	s := &submission.Submission{Source: r.src, Table: sc.header}
	readValues := r.version(sc.fields)
	s.Period, readValues = r.period(sc.fields, readValues)
	if r.otherMap(s.Period) {
		return nil, true
	}
	ward, known := r.ward(sc.fields, r.list(s.Period))
	s.Ward, s.CodeAt = ward, sc.fields[labelCode].at

	s.Unread = true
	switch {
	case sc.header == 0:
		r.add(submission.Ref{}, "", fmt.Sprintf("không tìm thấy dòng tiêu đề của bảng số liệu (dòng có ô %q) trong %d dòng đầu", colID, headerScanRows))
	case sc.nowCol == 0:
		r.add(submission.Ref{Row: sc.header, Col: sc.headerRef.Col}, "", fmt.Sprintf("dòng tiêu đề (dòng %d) không có cột %q", sc.header, colNow))
	case readValues:
		s.Entries, s.Unread = r.entries(sc), false
	}
	if !known {
		return nil, true
	}
	return s, true
}

// scan reads the sheet once: the labels above the table, then each input row.
func (r *sheetReader) scan() scanned {
	sc := scanned{fields: fields{}}
	rows, err := r.b.Rows(r.idx)
	if err != nil {
		sc.damaged = damagedMessage(err)
		return sc
	}
	defer rows.Close()
	for rows.Next() {
		row := rows.Row()
		if sc.header == 0 {
			if row.Num > headerScanRows {
				break
			}
			cells := texts(row)
			for _, c := range cells {
				if strings.TrimSpace(c) != "" {
					sc.nonEmpty = true
					break
				}
			}
			if sc.findHeader(cells, row.Num, r.keys) {
				sc.rows = make([]inputRow, 0, len(r.inputs)+8)
				// Below the header only these columns are read: the labels a
				// sheet repeats in the others are never decoded.
				rows.Only(sc.idCol, sc.nowCol, sc.prevCol, sc.noteCol)
				// ... and those right of the table, whose values are not used
				// and must not vanish without a word.
				rows.KeepFrom(sc.lastCol + 1)
			} else {
				sc.fields.scan(cells, row.Num, r.keys)
			}
			continue
		}
		r.tableRow(&sc, &row)
	}
	if err := rows.Err(); err != nil {
		sc.damaged = damagedMessage(err)
		return sc
	}
	if sc.header > 0 {
		if sc.merges, err = rows.Merges(); err != nil {
			sc.damaged = damagedMessage(err)
		}
	}
	return sc
}

// tableRow keeps an input row, and notes a value left in a row without an id.
func (r *sheetReader) tableRow(sc *scanned, row *xlsx.Row) {
	var ir inputRow
	ir.row = row.Num
	for _, col := range []int{sc.idCol, sc.nowCol, sc.prevCol, sc.noteCol} {
		if c := row.Cell(col); col > 0 && c != nil && !blankCell(c) {
			sc.filled = append(sc.filled, submission.Ref{Col: col, Row: row.Num})
		}
	}
	if c := row.Cell(sc.idCol); c != nil {
		ir.id = strings.TrimSpace(cellText(c))
	}
	ir.now, ir.prev = valueOf(row.Cell(sc.nowCol)), valueOf(row.Cell(sc.prevCol))
	for i := len(row.Cells) - 1; i >= 0 && row.Cells[i].Col > sc.lastCol; i-- {
		if c := &row.Cells[i]; !blankCell(c) {
			at := submission.Ref{Col: c.Col, Row: row.Num}
			r.add(at, ir.id, fmt.Sprintf("ô %s có số liệu (%q) nằm ngoài bảng, bên phải cột %q: số liệu này không được dùng; hãy chuyển vào đúng cột hoặc xóa", at, clip(cellText(c)), sc.lastText))
			r.problems[len(r.problems)-1].Warning = true
		}
	}
	if c := row.Cell(sc.noteCol); c != nil && sc.noteCol > 0 {
		ir.note = cellText(c)
	}
	if ir.id == "" {
		for _, v := range []struct {
			val value
			col int
		}{{ir.now, sc.nowCol}, {ir.prev, sc.prevCol}} {
			if !v.val.blank() {
				r.add(submission.Ref{Col: v.col, Row: row.Num}, "", fmt.Sprintf("dòng %d có số liệu nhưng không có mã chỉ số: số liệu này không được dùng; hãy ghi mã chỉ số vào cột %q hoặc xóa số liệu", row.Num, colID))
				break
			}
		}
		return
	}
	sc.rows = append(sc.rows, ir)
}

// clip shortens a text quoted in a message: a cell may hold a page.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// texts is a row's cells as text, by column, as the labels above the table are
// read.
func texts(row xlsx.Row) []string {
	if len(row.Cells) == 0 {
		return nil
	}
	out := make([]string, row.Cells[len(row.Cells)-1].Col)
	for i := range row.Cells {
		c := &row.Cells[i]
		out[c.Col-1] = cellText(c)
	}
	return out
}

// findHeader recognises the header row by its "Mã chỉ số" cell and places the
// columns by their text, so that moved columns still read.
func (sc *scanned) findHeader(cells []string, row int, keys nameKeys) bool {
	found := false
	for i, c := range cells {
		if c == "" || len(c) > 64 {
			continue
		}
		switch keys.of(c) {
		case keyID:
			if sc.idCol == 0 {
				sc.idCol, found = i+1, true
				sc.headerRef = submission.Ref{Col: i + 1, Row: row}
			}
		case keyNow:
			if sc.nowCol == 0 {
				sc.nowCol = i + 1
			}
		case keyPrev:
			if sc.prevCol == 0 {
				sc.prevCol = i + 1
			}
		case keyNote:
			if sc.noteCol == 0 {
				sc.noteCol = i + 1
			}
		}
	}
	if found {
		sc.header = row
		for i, c := range cells {
			if strings.TrimSpace(c) != "" {
				sc.lastCol, sc.lastText = i+1, strings.TrimSpace(c)
			}
		}
	} else {
		sc.nowCol, sc.prevCol, sc.noteCol = 0, 0, 0
	}
	return found
}

// entries makes an entry of every input row, its cells read by the input's kind.
// A value hidden under a merged range (Excel shows only a range's first cell) is
// refused where it stands.
func (r *sheetReader) entries(sc scanned) []submission.Entry {
	es := make([]submission.Entry, 0, len(sc.rows))
	hasYoY := false
	for _, in := range r.inputs {
		hasYoY = hasYoY || in.YoY
	}
	if hasYoY && sc.prevCol == 0 {
		r.add(sc.headerRef, "", fmt.Sprintf("dòng tiêu đề (dòng %d) không có cột %q", sc.header, colPrev))
	}
	hidden := r.hiddenUnderMerges(sc)
	for _, ir := range sc.rows {
		e := submission.Entry{ID: ir.id, At: submission.Ref{Col: sc.idCol, Row: ir.row}}
		e.Now = submission.Cell{At: submission.Ref{Col: sc.nowCol, Row: ir.row}}
		if sc.prevCol > 0 {
			e.Prev = submission.Cell{At: submission.Ref{Col: sc.prevCol, Row: ir.row}}
		}
		in := r.o.Set.Input(strings.ToLower(ir.id))
		switch {
		case in == nil:
			// What the row holds is the check's to judge, not read.
			e.Now.Filled, e.Prev.Filled = !ir.now.blank(), !ir.prev.blank()
		default:
			r.cell(in, ir.now, &e.Now, hidden)
			if in.YoY {
				r.cell(in, ir.prev, &e.Prev, hidden)
				e.Prev.Prefilled = e.Prev.Num.OK && strings.HasPrefix(strings.TrimSpace(ir.note), prefillMark)
			} else {
				e.Prev.Filled = !ir.prev.blank()
			}
		}
		es = append(es, e)
	}
	return es
}

// hiddenUnderMerges reports every filled cell of the table that a merged range
// hides, and returns them.
func (r *sheetReader) hiddenUnderMerges(sc scanned) map[submission.Ref]bool {
	var hidden map[submission.Ref]bool
	for _, m := range sc.merges {
		for _, at := range sc.filled {
			if !m.Contains(at.Col, at.Row) || (at.Col == m.FromCol && at.Row == m.FromRow) {
				continue
			}
			if hidden == nil {
				hidden = map[submission.Ref]bool{}
			}
			hidden[at] = true
			id := ""
			for _, ir := range sc.rows {
				if ir.row == at.Row {
					id = ir.id
				}
			}
			r.add(at, id, fmt.Sprintf("ô này nằm trong vùng ô gộp %s nên Excel không hiển thị giá trị của nó: giá trị không được dùng; hãy bỏ gộp ô (Unmerge) rồi kiểm tra lại", m))
		}
	}
	return hidden
}
