package units

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong in a units list or merger table, at a line of its file
// (Line 0: the file as a whole).
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p *Problem) Error() string {
	if p.Line == 0 {
		return p.File + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// problems collects every problem of one file, to be reported together in line order.
type problems struct {
	file string
	list []*Problem
}

func (ps *problems) add(line int, format string, args ...any) {
	ps.list = append(ps.list, &Problem{File: ps.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(a, b *Problem) int { return a.Line - b.Line })
	errs := make([]error, len(ps.list))
	for i, p := range ps.list {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// table is a CSV file as dean's data files are written: optional "# ..." lines
// (notes, and "# key: value" settings), then a header row, then records.
type table struct {
	notes  []note
	header []string
	line   int // of the header
	comma  rune
	rows   []record
}

type note struct {
	line int
	text string // without the "#"
}

type record struct {
	line   int
	fields []string
}

// readTable reads a table. A UTF-8 BOM, as Excel writes it, is dropped; the
// separator is a comma or, as Excel on a Vietnamese-locale Windows writes it, a
// semicolon.
func readTable(r io.Reader, file string) (*table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if err := checkUTF8(data, file); err != nil {
		return nil, err
	}
	t := &table{comma: ','}
	// The "#" lines are read as lines, not as CSV: a note may hold quotes or
	// commas. Excel, having opened and saved the file, writes one as
	// `"# a, b",,,`: the quotes and the empty cells are dropped.
	lineNo := 0
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		text := strings.TrimSpace(string(line))
		text = strings.TrimRight(text, ",; \t")
		if strings.HasPrefix(text, `"#`) && strings.HasSuffix(text, `"`) && len(text) > 2 {
			text = strings.ReplaceAll(text[1:len(text)-1], `""`, `"`)
		}
		if text != "" && !strings.HasPrefix(text, "#") {
			break
		}
		lineNo++
		data = rest
		if text != "" {
			t.notes = append(t.notes, note{line: lineNo, text: strings.TrimSpace(text[1:])})
		}
	}
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		t.comma = ';'
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = t.comma
	cr.FieldsPerRecord = -1
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &Problem{File: file, Line: lineNo + pe.Line, Msg: "không đọc được CSV: " + csvReason(pe.Err)}
			}
			return nil, fmt.Errorf("%s: không đọc được CSV: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if t.header == nil {
			t.header, t.line = fields, lineNo+line
			continue
		}
		t.rows = append(t.rows, record{line: lineNo + line, fields: fields})
	}
	if t.header == nil {
		return nil, &Problem{File: file, Msg: "tệp rỗng"}
	}
	return t, nil
}

// checkUTF8 catches a file saved as "CSV" by Excel on Windows, which writes the
// Vietnamese code page (Windows-1258), not UTF-8: its names would be read garbled.
func checkUTF8(data []byte, file string) error {
	if utf8.Valid(data) {
		return nil
	}
	first, others := 0, 0
	for i, line := range bytes.Split(data, []byte("\n")) {
		if utf8.Valid(line) {
			continue
		}
		if first == 0 {
			first = i + 1
		} else {
			others++
		}
	}
	msg := "tệp không phải văn bản UTF-8 (có lẽ được lưu bằng bảng mã Windows)"
	if others > 0 {
		msg += fmt.Sprintf(", từ dòng này và %d dòng khác", others)
	}
	return &Problem{File: file, Line: first, Msg: msg + `: trong Excel, chọn Lưu thành kiểu "CSV UTF-8 (Comma delimited)"`}
}

func csvReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `dấu " nằm giữa ô không được bao trong dấu "`
	case errors.Is(err, csv.ErrQuote):
		return `thiếu dấu " đóng hoặc thừa dấu "`
	}
	return err.Error()
}

// columns finds the named columns in the header (case and spaces aside); a column
// not found is -1. Other columns are ignored, as they always were.
func (t *table) columns(ps *problems, names ...string) []int {
	idx := make([]int, len(names))
	for i, name := range names {
		idx[i] = -1
		for j, h := range t.header {
			if strings.ToLower(strings.TrimSpace(h)) != name {
				continue
			}
			if idx[i] >= 0 {
				ps.add(t.line, "cột %s có hai lần trong dòng tiêu đề", name)
				break
			}
			idx[i] = j
		}
	}
	return idx
}
