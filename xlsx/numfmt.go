package xlsx

import (
	"strings"
	"unicode/utf8"
)

// Class is what a number format shows a number as.
type Class uint8

const (
	ClassGeneral  Class = iota // the General format: numbers as they are
	ClassNumber                // any other format without dates or times: 0.00, #,##0, 0%, 0.0E+00, fractions
	ClassDate                  // a calendar date: dd/mm/yyyy, mmm-yy
	ClassTime                  // a time of day: hh:mm, h:mm AM/PM, mm:ss
	ClassDateTime              // both: dd/mm/yyyy hh:mm
	ClassDuration              // elapsed time: [h]:mm:ss, [mm]:ss
	ClassText                  // the text format "@": what is typed in is kept as text
)

var classNames = [...]string{"general", "number", "date", "time", "date-time", "duration", "text"}

func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// Temporal reports whether the class shows a number as a date, a time or a
// duration: the cell holds a serial (days since the epoch, fractions of a day).
func (c Class) Temporal() bool { return c >= ClassDate && c <= ClassDuration }

// NumFormat is a cell's number format: its id in styles.xml, its code and its
// class. Built-in formats (ids below 164 that the workbook does not define)
// carry the code Excel shows for the en-US locale; those whose code depends on
// the locale (ids 27–36 and 50–58, East Asian dates and times) carry the
// Japanese one, and their class is the same in every locale except 34, 35, 52,
// 53, 55 and 56, which are times in Chinese and dates elsewhere: they are
// classed as dates.
type NumFormat struct {
	ID    int
	Code  string
	Class Class
}

// builtins are the formats an id stands for when the workbook does not define
// it; an id not here shows as General.
var builtins = func() map[int]*NumFormat {
	m := map[int]*NumFormat{}
	for id, code := range map[int]string{
		0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
		12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
		18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
		37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
		41: `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`, 42: `_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)`,
		43: `_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`, 44: `_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)`,
		45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
		// East Asian (the Japanese codes; see NumFormat).
		27: `[$-411]ge.m.d`, 28: `[$-411]ggge"年"m"月"d"日"`, 29: `[$-411]ggge"年"m"月"d"日"`, 30: "m/d/yy",
		31: `yyyy"年"m"月"d"日"`, 32: `h"時"mm"分"`, 33: `h"時"mm"分"ss"秒"`, 34: `yyyy"年"m"月"`, 35: `m"月"d"日"`,
		36: `[$-411]ge.m.d`, 50: `[$-411]ge.m.d`, 51: `[$-411]ggge"年"m"月"d"日"`, 52: `yyyy"年"m"月"`,
		53: `m"月"d"日"`, 54: `[$-411]ggge"年"m"月"d"日"`, 55: `yyyy"年"m"月"`, 56: `m"月"d"日"`,
		57: `[$-411]ge.m.d`, 58: `[$-411]ggge"年"m"月"d"日"`,
		// Thai.
		59: "t0", 60: "t0.00", 61: "t#,##0", 62: "t#,##0.00", 67: "t0%", 68: "t0.00%", 69: "t# ?/?", 70: "t# ??/??",
		71: "ว/ด/ปปปป", 72: "ว-ดดด-ปป", 73: "ว-ดดด", 74: "ดดด-ปป", 75: "ช:นน", 76: "ช:นน:ทท",
		77: "ว/ด/ปปปป ช:นน", 78: "นน:ทท", 79: "[ช]:นน:ทท", 80: "นน:ทท.0", 81: "d/m/bb",
	} {
		m[id] = &NumFormat{ID: id, Code: code, Class: Classify(code)}
	}
	// Thai codes use Thai letters for the date and time parts.
	for id, c := range map[int]Class{71: ClassDate, 72: ClassDate, 73: ClassDate, 74: ClassDate, 75: ClassTime, 76: ClassTime, 77: ClassDateTime, 78: ClassTime, 79: ClassDuration, 80: ClassTime} {
		m[id].Class = c
	}
	return m
}()

// builtinFormat is the format of an id the workbook does not define.
func builtinFormat(id int) *NumFormat {
	if f, ok := builtins[id]; ok {
		return f
	}
	return &NumFormat{ID: id, Class: ClassGeneral}
}

var generalFormat = builtins[0]

// Classify tells the class of a number format code, as Excel would show a
// number with it. It looks past what only decorates — quoted text, escaped and
// padding characters, colours, conditions and locales in brackets — at the
// tokens of every section: years, months, days and eras make a date; hours,
// minutes, seconds and AM/PM a time; [h], [m] or [s] an elapsed duration; "@"
// alone the text format; "General" the General one.
func Classify(code string) Class {
	var (
		date, time, elapsed, text, num, general bool
		prev                                    byte // the last date or time letter met: 'h', 'm', 's', or 'd' for the others
		monthPending                            bool // an m after no h: a month, unless an s follows
	)
	for i := 0; i < len(code); {
		c := code[i]
		lc := c | 0x20
		switch {
		case c == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 2
			} else {
				i = len(code)
			}
			continue
		case c == '\\' || c == '_' || c == '*':
			i++
			if i < len(code) {
				_, n := utf8.DecodeRuneInString(code[i:])
				i += n
			}
			continue
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			if b := strings.ToLower(code[i+1 : i+j]); b != "" && strings.Count(b, b[:1]) == len(b) && (b[0] == 'h' || b[0] == 'm' || b[0] == 's') {
				elapsed, time = true, true
				prev, monthPending = b[0], false
			}
			i += j + 1
			continue
		case c == '@':
			text = true
		case c == '0' || c == '#' || c == '?':
			num = true
		case lc == 'g' && hasPrefixFold(code[i:], "general"):
			general = true
			i += len("general")
			continue
		case lc == 'a':
			if n := ampm(code[i:]); n > 0 {
				time = true
				i += n
				continue
			}
			date = true // aaa, aaaa: a day of the week
		case lc == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-'):
			num = true // an exponent: 0.00E+00
			i += 2
			continue
		case lc == 'y' || lc == 'd' || lc == 'e' || lc == 'g' || lc == 'b':
			if monthPending {
				date, monthPending = true, false
			}
			date, prev = true, 'd'
		case lc == 'h':
			if monthPending {
				date, monthPending = true, false
			}
			time, prev = true, 'h'
		case lc == 's':
			if monthPending {
				monthPending = false // mm:ss: minutes
			}
			time, prev = true, 's'
		case lc == 'm':
			for i+1 < len(code) && code[i+1]|0x20 == 'm' {
				i++
			}
			if monthPending {
				date = true // m m: the first was a month
			}
			if prev == 'h' {
				time = true
				monthPending = false
			} else {
				monthPending = true
			}
			prev = 'm'
		case c == ';':
			if monthPending {
				date, monthPending = true, false
			}
			prev = 0
		}
		i++
	}
	if monthPending {
		date = true
	}
	switch {
	case elapsed && !date:
		return ClassDuration
	case date && time:
		return ClassDateTime
	case date:
		return ClassDate
	case time:
		return ClassTime
	case text && !num && !general:
		return ClassText
	case general && !num:
		return ClassGeneral
	}
	return ClassNumber
}

// ampm is the length of an AM/PM or A/P marker at the start of s, 0 if none.
func ampm(s string) int {
	for _, m := range []string{"am/pm", "a/p"} {
		if hasPrefixFold(s, m) {
			return len(m)
		}
	}
	return 0
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
