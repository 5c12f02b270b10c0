package form

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"dean/criteria"
	"dean/score"
	"dean/submission"
	"dean/xlsx"
)

// value is what a cell of an input holds: its type as the file stores it decides
// how its text is read, never the text alone.
type value struct {
	kind    xlsx.Kind
	class   xlsx.Class // of its number format
	formula bool
	text    string // as stored: "31117", "1.5E-3", "Có", "#N/A", "2024-01-15"
}

func valueOf(c *xlsx.Cell) value {
	if c == nil {
		return value{}
	}
	return value{kind: c.Kind, class: c.Format.Class, formula: c.Formula, text: string(c.Value)}
}

// blank is a cell nobody filled in: no value (a formula without a result is not
// blank), or text of spaces only.
func (v value) blank() bool {
	switch v.kind {
	case xlsx.KindBlank:
		return !v.formula
	case xlsx.KindText:
		return strings.TrimSpace(v.text) == ""
	}
	return false
}

func blankCell(c *xlsx.Cell) bool { return valueOf(c).blank() }

// cellText is a cell as a label or id is read: a whole number stored as 31117.0
// is the code 31117.
func cellText(c *xlsx.Cell) string {
	if c.Kind == xlsx.KindNumber {
		if f, err := strconv.ParseFloat(string(c.Value), 64); err == nil && f == math.Trunc(f) && math.Abs(f) < maxCount {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return string(c.Value)
}

// cell reads one cell of an input into c; a problem marks it bad. A cell hidden
// under a merged range has been reported already.
func (r *sheetReader) cell(in *criteria.Input, v value, c *submission.Cell, hidden map[submission.Ref]bool) {
	if c.At.Col == 0 || v.blank() {
		return
	}
	c.Filled = true
	if hidden[c.At] {
		c.Bad = true
		return
	}
	n, msg := r.number(in, v)
	if msg != "" {
		r.add(c.At, in.ID, msg)
		c.Bad = true
		return
	}
	c.Num = score.N(n)
}

// number gives a cell's number, or says in Vietnamese why it has none.
func (r *sheetReader) number(in *criteria.Input, v value) (int64, string) {
	switch {
	case v.kind == xlsx.KindBlank: // a formula, as blank() let it through
		return 0, "ô có công thức nhưng chưa có kết quả tính (tệp được lưu bởi chương trình không tính công thức): hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"
	case v.kind == xlsx.KindError:
		return 0, fmt.Sprintf("ô báo lỗi công thức %s: hãy sửa công thức hoặc ghi thẳng số liệu", v.text)
	case v.kind == xlsx.KindDate || (v.kind == xlsx.KindNumber && v.class.Temporal()):
		return 0, r.temporal(v) + ", " + notWhat(in)
	case v.kind == xlsx.KindBool && in.Kind == criteria.Bool:
		return boolNum(v.text == "1"), ""
	case v.kind == xlsx.KindBool:
		return 0, fmt.Sprintf("ô chứa giá trị logic %s, không phải số đếm: hãy ghi số", map[bool]string{true: "TRUE", false: "FALSE"}[v.text == "1"])
	case in.Kind == criteria.Bool:
		return parseBool(strings.TrimSpace(v.text))
	}
	t := strings.TrimSpace(v.text)
	if n, ok := plainCount(t); ok {
		return n, ""
	}
	return parseCount(t, v.kind == xlsx.KindNumber)
}

func boolNum(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func notWhat(in *criteria.Input) string {
	if in.Kind == criteria.Bool {
		return "không phải Có/Không"
	}
	return "không phải số đếm"
}

// temporal names a date or time the way the cell shows it: a serial shown as
// 15/01/2024 is a date to whoever typed it, never the count 45306.
func (r *sheetReader) temporal(v value) string {
	if v.kind == xlsx.KindDate {
		for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04:05Z", "2006-01-02", "15:04:05"} {
			if t, err := time.Parse(layout, v.text); err == nil {
				return "ô chứa ngày giờ (" + t.Format("02/01/2006 15:04") + ")"
			}
		}
		return "ô chứa ngày giờ (" + v.text + ")"
	}
	serial, err := strconv.ParseFloat(v.text, 64)
	t, ok := r.b.Time(serial)
	if err != nil || !ok {
		return "ô định dạng ngày giờ"
	}
	switch v.class {
	case xlsx.ClassDate:
		return "ô chứa ngày tháng (" + t.Format("02/01/2006") + ")"
	case xlsx.ClassTime:
		return "ô chứa giờ (" + t.Format("15:04") + ")"
	case xlsx.ClassDuration:
		minutes := int64(math.Round(serial * 24 * 60))
		return fmt.Sprintf("ô chứa khoảng thời gian (%d:%02d)", minutes/60, minutes%60)
	}
	return "ô chứa ngày giờ (" + t.Format("02/01/2006 15:04") + ")"
}
