package form

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// sheetReader reads one ward sheet: a streaming pass that keeps only the labelled
// fields and the input rows, then makes the submission of what was kept.
type sheetReader struct {
	f        *excelize.File
	o        ReadOptions
	src      submission.Source
	book     fields // from the "Hướng dẫn" sheet
	problems []submission.Problem
	// Shared by the file's sheets, which are read one after another.
	inputs []*criteria.Input // r.o.Set.Inputs(), which allocates on every call
	keys   nameKeys
}

// scanned is what the streaming pass keeps of a sheet.
type scanned struct {
	fields    fields
	header    int // row of the header; 0 when not found
	idCol     int // 1-based; 0 when absent
	nowCol    int
	prevCol   int
	rows      []inputRow
	nonEmpty  bool
	damaged   string // why reading stopped early
	headerRef submission.Ref
}

type inputRow struct {
	row           int
	id, now, prev string
}

// cellRef is the reference ("E12") of the cell at a 1-based column and row.
func cellRef(col, row int) string { return submission.Ref{Col: col, Row: row}.String() }

// nameKeys memoises units.NameKey for one file: its ward sheets repeat the same
// labels, headers and district, and the key (Unicode normalisation) was the
// dearest part of reading the rows above a table.
type nameKeys map[string]string

// maxNameKeys bounds the memo against a file made of distinct texts.
const maxNameKeys = 4096

func (k nameKeys) of(s string) string {
	if v, ok := k[s]; ok {
		return v
	}
	v := units.NameKey(s)
	if k != nil && len(k) < maxNameKeys {
		k[s] = v
	}
	return v
}

var (
	keyID   = units.NameKey(colID)
	keyNow  = units.NameKey(colNow)
	keyPrev = units.NameKey(colPrev)
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
		// A damaged sheet can also read as empty, so an empty sheet is not
		// skipped in silence.
		r.warn("trang trống, không có số liệu phường: nếu không dùng, hãy xóa trang này")
		return nil, false
	}
	if sc.header == 0 && !sc.fields[labelCode].labelled && !sc.fields[labelName].labelled {
		// Notes, a chart, a district's own summary: one word, not a list of what
		// a ward sheet would lack.
		r.warn(fmt.Sprintf("trang không có số liệu phường (không có ô %q, %q hay dòng tiêu đề %q): bỏ qua trang này", labelCode, labelName, colID))
		return nil, false
	}
	s := &submission.Submission{Source: r.src, Table: sc.header}
	readValues := r.version(sc.fields)
	s.Period, readValues = r.period(sc.fields, readValues)
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

func (r *sheetReader) scan() scanned {
	sc := scanned{fields: fields{}}
	rows, err := r.f.Rows(r.src.Sheet)
	if err != nil {
		sc.damaged = "không đọc được trang này (trang bị hỏng hoặc không phải trang tính)"
		return sc
	}
	defer rows.Close()
	// Rows.Next visits every row number, present in the file or not, so the
	// counter is the row number.
	for row := 1; rows.Next(); row++ {
		cells, err := rows.Columns()
		if err != nil {
			sc.damaged = fmt.Sprintf("trang bị hỏng, không đọc được từ dòng %d", row)
			return sc
		}
		if sc.header == 0 {
			if row > headerScanRows {
				break
			}
			for _, c := range cells {
				if c != "" {
					sc.nonEmpty = true
					break
				}
			}
			if sc.findHeader(cells, row, r.keys) {
				sc.rows = make([]inputRow, 0, len(r.inputs)+8)
			} else {
				sc.fields.scan(cells, row, r.keys)
			}
			continue
		}
		id := strings.TrimSpace(at(cells, sc.idCol))
		if id == "" {
			continue
		}
		sc.rows = append(sc.rows, inputRow{row: row, id: id, now: at(cells, sc.nowCol), prev: at(cells, sc.prevCol)})
	}
	if err := rows.Error(); err != nil {
		sc.damaged = "trang bị hỏng: số dòng vượt giới hạn của Excel"
	}
	return sc
}

// at is the 1-based column col of a row, "" beyond its end.
func at(cells []string, col int) string {
	if col < 1 || col > len(cells) {
		return ""
	}
	return cells[col-1]
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
		}
	}
	if found {
		sc.header = row
	} else {
		sc.nowCol, sc.prevCol = 0, 0
	}
	return found
}

// list is the units list a sheet's codes belong to: the one given, or else the
// one in force on the due date of the period assessed or, failing that, of the
// sheet's own period (31135 is Tân An on a 2024 form and Ninh Kiều on a 2025
// one). A sheet whose period is unknown, already reported, is read against the
// newest list.
func (r *sheetReader) list(code string) *units.List {
	if r.o.Units != nil {
		return r.o.Units
	}
	p, err := period.Parse(code)
	if r.o.Period != nil {
		p, err = *r.o.Period, nil
	}
	if err == nil {
		if l, err := p.Units(); err == nil {
			return l
		}
	}
	lists := units.Bundled()
	return lists[len(lists)-1]
}

// ward identifies the sheet's ward by its code, checking the name and district
// against the units list. Without a code, a name that matches exactly one ward
// still identifies it.
func (r *sheetReader) ward(m fields, list *units.List) (units.Ward, bool) {
	code, name, district := m[labelCode], m[labelName], m[labelDistrict]
	if code.value == "" {
		msg := "thiếu mã phường"
		if !code.labelled {
			msg = fmt.Sprintf("thiếu mã phường: không tìm thấy ô %q phía trên bảng số liệu", labelCode)
		}
		if name.value != "" {
			if ws := list.ByName(name.value); len(ws) == 1 {
				r.addAt(code, "", fmt.Sprintf("%s (theo tên phường, đây là phường %s, mã %s)", msg, ws[0].Name, ws[0].Code))
				return ws[0], true
			}
		}
		r.addAt(code, "", msg)
		return units.Ward{}, false
	}
	w, ok := list.ByCode(code.value)
	if !ok {
		r.addAt(code, "", fmt.Sprintf("mã phường %s không có trong danh mục đơn vị", submission.Quote(code.value)))
		return units.Ward{}, false
	}
	if name.value != "" && r.keys.of(name.value) != r.keys.of(w.Name) {
		r.addAt(name, "", fmt.Sprintf("tên phường %s không khớp với mã phường %s (theo danh mục là phường %s)", submission.Quote(name.value), w.Code, w.Name))
	}
	if district.value != "" && w.District != "" && r.districtKey(district.value) != r.districtKey(w.District) {
		r.addAt(district, "", fmt.Sprintf("quận %s không khớp với mã phường %s (theo danh mục là quận %s)", submission.Quote(district.value), w.Code, w.District))
	}
	return w, true
}

// districtKey lets "Quận Ninh Kiều" match "Ninh Kiều".
func (r *sheetReader) districtKey(s string) string {
	return strings.TrimPrefix(r.keys.of(s), quanPrefix)
}

var quanPrefix = units.NameKey("quận") + " "

// version reports a form made for another criteria version; its values are not
// read, since an id may mean something else there. A form that carries no version
// (one written by another program) is read: its ids are checked one by one.
func (r *sheetReader) version(m fields) bool {
	v := m[labelVersion]
	if v.value == "" {
		v = r.book[labelVersion]
		v.labelled = false // the problem belongs to this sheet, not to the guide
	}
	if v.value == "" || v.value == r.o.Set.Version {
		return true
	}
	r.addAt(v, "", fmt.Sprintf("biểu mẫu lập theo bộ tiêu chí phiên bản %s, đang dùng phiên bản %s: hãy lập lại biểu mẫu bằng dean template", v.value, r.o.Set.Version))
	return false
}

// period reads the sheet's period (label or code) and refuses values for another
// period. The "Hướng dẫn" sheet's period is the form's: an empty period cell falls
// back on it but is still reported, and a sheet whose period differs from it is
// reported even when no period is asked for, since one of the two is wrong.
// unusedWithoutPeriod: when a period is being assessed, values of a sheet whose
// own period is unknown cannot be trusted to belong to it, as with a sheet for
// another period.
func (r *sheetReader) unusedWithoutPeriod() string {
	if r.o.Period == nil {
		return ""
	}
	return ": số liệu ở trang này không được dùng"
}

func (r *sheetReader) period(m fields, readValues bool) (string, bool) {
	p := m[labelPeriod]
	book, hasBook := r.bookPeriod()
	if p.value == "" {
		msg := "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này"
		if !p.labelled {
			msg = fmt.Sprintf("thiếu kỳ báo cáo: không tìm thấy ô %q phía trên bảng số liệu", labelPeriod)
		}
		if !hasBook {
			if p.labelled {
				msg += ", ví dụ 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm)"
			}
			r.addAt(p, "", msg+r.unusedWithoutPeriod())
			return "", readValues && r.o.Period == nil
		}
		r.addAt(p, "", fmt.Sprintf("%s; tạm lấy kỳ của biểu mẫu (%s) ghi ở trang %s", msg, book.Label(), guideSheet))
		return r.want(p, book, readValues)
	}
	got, err := period.Parse(p.value)
	if err != nil {
		r.addAt(p, "", err.Error()+r.unusedWithoutPeriod())
		return "", readValues && r.o.Period == nil
	}
	if want := r.o.Period; want != nil && got != *want {
		// The sheet's own period decides; the guide's is then beside the point.
		return r.want(p, got, readValues)
	}
	if hasBook && got != book {
		r.addAt(p, "", fmt.Sprintf("kỳ báo cáo của trang này (%s) khác với kỳ của biểu mẫu (%s) ghi ở trang %s", got.Label(), book.Label(), guideSheet))
	}
	return got.String(), readValues
}

// want checks a sheet's period against the one asked for, if any.
func (r *sheetReader) want(p field, got period.Period, readValues bool) (string, bool) {
	if want := r.o.Period; want != nil && got != *want {
		r.addAt(p, "", fmt.Sprintf("biểu mẫu của kỳ %s, đang đánh giá kỳ %s: số liệu ở trang này không được dùng", got.Label(), want.Label()))
		return got.String(), false
	}
	return got.String(), readValues
}

// bookPeriod is the period of the "Hướng dẫn" sheet, when it has a valid one.
func (r *sheetReader) bookPeriod() (period.Period, bool) {
	v := r.book[labelPeriod].value
	if v == "" {
		return period.Period{}, false
	}
	p, err := period.Parse(v)
	return p, err == nil
}

// entries makes an entry of every input row, its cells read by the input's kind.
func (r *sheetReader) entries(sc scanned) []submission.Entry {
	es := make([]submission.Entry, 0, len(sc.rows))
	hasYoY := false
	for _, in := range r.inputs {
		hasYoY = hasYoY || in.YoY
	}
	if hasYoY && sc.prevCol == 0 {
		r.add(sc.headerRef, "", fmt.Sprintf("dòng tiêu đề (dòng %d) không có cột %q", sc.header, colPrev))
	}
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
			e.Now.Filled = strings.TrimSpace(ir.now) != ""
			e.Prev.Filled = strings.TrimSpace(ir.prev) != ""
		default:
			r.cell(in, ir.now, &e.Now)
			if in.YoY {
				r.cell(in, ir.prev, &e.Prev)
			} else {
				e.Prev.Filled = strings.TrimSpace(ir.prev) != ""
			}
		}
		es = append(es, e)
	}
	return es
}

// cell reads one cell of an input; a problem marks it bad.
func (r *sheetReader) cell(in *criteria.Input, text string, c *submission.Cell) {
	if c.At.Col == 0 {
		return
	}
	t := strings.TrimSpace(text)
	if t == "" {
		// A formula saved by a program that does not compute (not Excel) has no
		// result yet: that is not a cell left empty.
		if f, _ := r.f.GetCellFormula(r.src.Sheet, c.At.String()); f != "" {
			r.add(c.At, in.ID, fmt.Sprintf("ô có công thức (=%s) nhưng chưa có kết quả tính: hãy mở tệp bằng Excel rồi lưu lại", f))
			c.Filled, c.Bad = true, true
		}
		return
	}
	c.Filled = true
	var v int64
	var msg string
	if in.Kind == criteria.Bool {
		v, msg = parseBool(t)
	} else {
		plain := false
		if v, plain = plainCount(t); !plain {
			v, msg = parseCount(t, ambiguousDot(t) && r.numberCell(c.At.String()))
		}
		if msg == "" {
			msg = r.notCount(c.At, v)
		}
	}
	if msg != "" {
		r.add(c.At, in.ID, msg)
		c.Bad = true
		return
	}
	c.Num = score.N(v)
}

// numberCell asks the cell type, which the stream does not give. It loads the
// whole sheet, so it is asked only for the rare "1.234" that text and number
// cells read differently.
func (r *sheetReader) numberCell(ref string) bool {
	t, err := r.f.GetCellType(r.src.Sheet, ref)
	return err == nil && (t == excelize.CellTypeUnset || t == excelize.CellTypeNumber)
}

// Date serials a count cell is asked about: 20000 is 1954-10-03 and 80000 is
// 2119-01-10 (1900 system). A count in that range is rare enough that asking its
// style costs nothing on normal data.
const (
	minDateSerial = 20000
	maxDateSerial = 80000
)

// notCount catches a date in a count cell, which reads raw as a good count
// (01/01/2022 reads 44562). The stream gives no cell style, and asking for it
// loads the whole sheet, so only whole numbers in the range of plausible dates are
// asked about. A boolean (TRUE reads "1") is not caught: only 0 and 1 could be
// one, and asking the type of every 0 and 1, common counts, would read most
// sheets twice.
func (r *sheetReader) notCount(at submission.Ref, v int64) string {
	if v >= minDateSerial && v <= maxDateSerial {
		if d, ok := r.dateCell(at.String(), v); ok {
			return fmt.Sprintf("ô chứa ngày tháng (%s), không phải số đếm", d.Format("02/01/2006"))
		}
	}
	return ""
}

// dateCell reports whether a number cell shows a date, by its number format, and
// the date it shows.
func (r *sheetReader) dateCell(ref string, serial int64) (time.Time, bool) {
	if t, err := r.f.GetCellType(r.src.Sheet, ref); err != nil || (t != excelize.CellTypeUnset && t != excelize.CellTypeNumber && t != excelize.CellTypeDate) {
		return time.Time{}, false
	}
	id, err := r.f.GetCellStyle(r.src.Sheet, ref)
	if err != nil || id == 0 {
		return time.Time{}, false
	}
	st, err := r.f.GetStyle(id)
	if err != nil {
		return time.Time{}, false
	}
	if !isDateFormat(st.NumFmt, st.CustomNumFmt) {
		return time.Time{}, false
	}
	use1904 := false
	if p, err := r.f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		use1904 = *p.Date1904
	}
	d, err := excelize.ExcelDateToTime(float64(serial), use1904)
	return d, err == nil
}

// isDateFormat tells a date or time number format: a built-in one by its id, a
// custom one by a day, month, year, hour or second code outside quoted text,
// escapes and [colour] or [$-locale] brackets ("[h]:mm" counts: it is a time).
func isDateFormat(id int, custom *string) bool {
	if custom == nil || *custom == "" {
		return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
	}
	code := *custom
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or padding
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			if inner := strings.ToLower(code[i+1 : i+j]); inner != "" && strings.Trim(inner, "hms") == "" {
				return true // elapsed time: [h], [mm], [ss]
			}
			i += j
		case 'd', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S':
			return true
		}
	}
	return false
}
