package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The nationwide workbook has about 4,5 million cells below its headers, and
// excelize's StreamWriter spends some 5 s of CPU on them (a cell name, a regular
// expression and several copies per cell). rowWriter writes those rows itself,
// byte for byte as StreamWriter would (TestRowsAsExcelize and FuzzRows hold it
// to that), at a tenth of the cost; everything else in the sheet, its header
// rows included, is still excelize's. The rows go in where StreamWriter wrote a
// placeholder row, as the zip writer saves the sheet (see canonicalZip).

// rowWriter writes rows of a sheet's table as <row> elements.
type rowWriter struct {
	st    styles
	w     io.Writer
	buf   []byte
	cols  []string // column letters, by 0-based column
	wraps []bool   // columns that wrap their text
}

// writeRows writes the sheet's table rows from row first on; they must be as
// many, and no wider, than the dimension already written says.
func (st styles) writeRows(w io.Writer, s Sheet, first int) error {
	rw := &rowWriter{st: st, w: w, buf: make([]byte, 0, 64<<10), wraps: s.wraps()}
	n, width := 0, s.width()
	for r := range s.All() {
		if len(r) > width {
			return fmt.Errorf("xlsx: trang tính %s, dòng %d: %d ô, quá %d cột của bảng", s.Name, first+n, len(r), width)
		}
		if err := rw.row(first+n, r, st.rows.row(s, r)); err != nil {
			return err
		}
		n++
	}
	if n != s.Len() {
		return fmt.Errorf("xlsx: trang tính %s có %d dòng, không phải %d", s.Name, n, s.Len())
	}
	return rw.flush()
}

func (rw *rowWriter) flush() error {
	_, err := rw.w.Write(rw.buf)
	rw.buf = rw.buf[:0]
	return err
}

// row writes row n; a height in points other than 0 is the row's own.
func (rw *rowWriter) row(n int, cells []Cell, height float64) error {
	b := append(rw.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for j, c := range cells {
		for len(rw.cols) <= j {
			name, err := excelize.ColumnNumberToName(len(rw.cols) + 1)
			if err != nil {
				return err
			}
			rw.cols = append(rw.cols, name)
		}
		b = rw.cell(b, rw.cols[j], n, c, rw.wraps[j])
	}
	rw.buf = append(b, `</row>`...)
	if len(rw.buf) >= 60<<10 {
		return rw.flush()
	}
	return nil
}

// cell appends a cell as StreamWriter's writeCell does for the value
// styles.cell gives it.
func (rw *rowWriter) cell(b []byte, col string, row int, c Cell, wrap bool) []byte {
	open := func(b []byte, style int, typ string) []byte {
		b = append(b, `<c r="`...)
		b = append(b, col...)
		b = strconv.AppendInt(b, int64(row), 10)
		b = append(b, '"')
		if style != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(style), 10)
			b = append(b, '"')
		}
		if typ != "" {
			b = append(b, ` t="`...)
			b = append(b, typ...)
			b = append(b, '"')
		}
		return append(b, '>')
	}
	number := func(b []byte, style int, v string) []byte {
		b = open(b, style, "")
		b = append(b, `<v>`...)
		b = append(b, v...)
		return append(b, `</v></c>`...)
	}
	str := func(b []byte, style int, s string) []byte {
		v, preserve := inlineText(s)
		b = open(b, style, "inlineStr")
		b = append(b, `<is><t`...)
		if preserve {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = append(b, v...)
		return append(b, `</t></is></c>`...)
	}
	float := func(b []byte, style int, f float64) []byte {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return str(b, style, fmt.Sprint(f))
		}
		return number(b, style, formatCellFloat(f))
	}
	switch c.Kind {
	case Int:
		return number(b, rw.st.num, strconv.FormatInt(int64(c.Num), 10))
	case Percent:
		return float(b, rw.st.pct, c.Num)
	case Decimal:
		return float(b, rw.st.dec, c.Num)
	case Title:
		return str(b, rw.st.title, c.Text)
	case Empty:
		return b
	}
	switch {
	case formulaLike(c.Text) && wrap:
		return str(b, rw.st.formulaLikeWrap, c.Text)
	case formulaLike(c.Text):
		return str(b, rw.st.formulaLike, c.Text)
	case wrap:
		return str(b, rw.st.textWrap, c.Text)
	}
	return str(b, rw.st.text, c.Text)
}

// inlineText is excelize's trimCellValue for an inline string: cut to Excel's
// 32.767 UTF-16 units, whitespace at either end preserved, XML-escaped (new
// lines kept as they are), and _xHHHH_ sequences escaped as Excel reads them.
func inlineText(s string) (string, bool) {
	if len(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	if s == "" {
		return s, false
	}
	preserve := false
	switch s[0] {
	case 9, 10, 13, 32:
		preserve = true
	}
	switch s[len(s)-1] {
	case 9, 10, 13, 32:
		preserve = true
	}
	if needsEscape(s) {
		var buf strings.Builder
		_ = xml.EscapeText(&buf, []byte(s))
		s = strings.ReplaceAll(buf.String(), "&#xA;", "\n")
	}
	if strings.Contains(s, "_x") {
		s = bstrMarshal(s)
	}
	return s, preserve
}

func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// needsEscape says whether xml.EscapeText would change s.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"', c == '\'', c == '&', c == '<', c == '>', c < 0x20:
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r > 0xD7FF && r < 0xE000 || r == 0xFFFE || r == 0xFFFF {
			return true
		}
		i += size
	}
	return false
}

// formatCellFloat is excelize's: the shortest decimal form, cut to Excel's 15
// significant digits.
func formatCellFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's: text that reads as an _xHHHH_ escape gets its
// underscore escaped, so that Excel shows it as typed.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// placeholder is the row StreamWriter writes where rowWriter's rows go, and the
// end of the sheet's data after it. Text in cells is escaped, so "</sheetData>"
// can only be the real end.
func placeholder(sheet, row int) string {
	return fmt.Sprintf(`<row r="%d"><c r="A%d" t="inlineStr"><is><t>dean:rows:%d</t></is></c></row></sheetData>`, row, row, sheet)
}

// splice writes a sheet's part with the rows in place of its placeholder; ok is
// false when the part has none of the placeholders.
func splice(w io.Writer, part []byte, rows map[string]func(io.Writer) error) (ok bool, err error) {
	end := bytes.LastIndex(part, []byte("</sheetData>"))
	if end < 0 {
		return false, nil
	}
	end += len("</sheetData>")
	for ph, write := range rows {
		if !bytes.HasSuffix(part[:end], []byte(ph)) {
			continue
		}
		delete(rows, ph)
		if _, err := w.Write(part[:end-len(ph)]); err != nil {
			return true, err
		}
		if err := write(w); err != nil {
			return true, err
		}
		if _, err := w.Write(part[end-len("</sheetData>"):]); err != nil {
			return true, err
		}
		return true, nil
	}
	return false, nil
}
