package form

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dean/submission"
)

// A count arrives as a number cell (read raw, so "1234" or "1.5E-3") or as text
// typed the Vietnamese way: "." groups thousands, "," starts the decimals, a space
// may group thousands too. A dot followed by exactly three digits is therefore a
// thousands separator in text, and a decimal point in a number cell: the cell's
// type, which the reader knows, decides.
var (
	groupedDot     = regexp.MustCompile(`^\d{1,3}(\.\d{3})+(,\d+)?$`)
	groupedSpace   = regexp.MustCompile(`^\d{1,3}( \d{3})+(,\d+)?$`)
	commaDecimal   = regexp.MustCompile(`^\d+(,\d+)?$`)
	commaThousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
	dotDecimal     = regexp.MustCompile(`^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)
)

// maxCount is where float64, and so Excel, stops holding whole numbers exactly.
const maxCount = 1e15

// parseCount reads a whole number ≥ 0. numeric says the cell is a number cell, so a
// dot is a decimal point. msg is empty when the value is good.
func parseCount(s string, numeric bool) (v int64, msg string) {
	t := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			return ' '
		}
		return r
	}, s))
	neg := false
	for _, sign := range []string{"-", "−", "+"} {
		if rest, ok := strings.CutPrefix(t, sign); ok {
			neg = sign != "+"
			t = strings.TrimSpace(rest)
			break
		}
	}
	var f float64
	var err error
	typed := true // text as a person typed it, as opposed to a number cell's raw value
	switch {
	case !numeric && groupedDot.MatchString(t):
		f, err = decimalComma(strings.ReplaceAll(t, ".", ""))
	case groupedSpace.MatchString(t):
		f, err = decimalComma(strings.ReplaceAll(t, " ", ""))
	case commaThousands.MatchString(t):
		// "1,000": one thousand the English way, or 1 with three decimals?
		return 0, fmt.Sprintf("%s không rõ là số nào: một nghìn thì ghi 1.000; số đếm không có phần thập phân", submission.Quote(s))
	case commaDecimal.MatchString(t):
		f, err = decimalComma(t)
	case !numeric && strings.ContainsAny(t, "eE"):
		// "1e3" typed as text is no count a person writes: Excel would have
		// made it a number cell.
		return 0, fmt.Sprintf("%s không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234", submission.Quote(s))
	case dotDecimal.MatchString(t):
		f, err = strconv.ParseFloat(t, 64)
		typed = false
		if numeric { // a number cell's raw value, shown as Excel shows it: 1,234
			s = strings.Replace(t, ".", ",", 1)
			if neg {
				s = "-" + s
			}
		}
	default:
		return 0, fmt.Sprintf("%s không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234", submission.Quote(s))
	}
	switch {
	case err != nil || f >= maxCount:
		return 0, fmt.Sprintf("%s quá lớn: số đếm phải nhỏ hơn 1.000.000.000.000.000; hãy kiểm tra lại số liệu", submission.Quote(s))
	case neg && f != 0:
		return 0, fmt.Sprintf("%s là số âm: hãy ghi số nguyên không âm", submission.Quote(s))
	}
	r := math.Round(f)
	// A formula such as =0,1*30 leaves float noise (3.0000000000000004) in a number
	// cell's cached value; typed text is taken exactly ("0,0000000001" is not 0).
	if (typed && f != r) || math.Abs(f-r) > 1e-9 {
		return 0, fmt.Sprintf("%s không phải là số nguyên: hãy ghi số nguyên không âm", submission.Quote(s))
	}
	return int64(r), ""
}

// plainCount is parseCount's fast path for the usual cell, plain digits: it
// reads them as parseCount would (its comma-decimal case, exact below 1e15, so
// 15 digits at most) without the regular expressions. ok is false for anything
// else, which is left to parseCount.
func plainCount(s string) (v int64, ok bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// decimalComma parses digits with an optional ",decimals" part.
func decimalComma(s string) (float64, error) {
	return strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
}

// parseBool reads a yes/no cell. People type Có/Không, Đạt/Không đạt, x, 1/0 or
// TRUE/FALSE, in any case, often without diacritics.
func parseBool(s string) (v int64, msg string) {
	// The template's own list values, fold("Có") = "co" and fold("Không") =
	// "khong", skip the Unicode folding.
	switch s {
	case yes:
		return 1, ""
	case no:
		return 0, ""
	}
	switch fold(s) {
	case "co", "dat", "x", "1", "true":
		return 1, ""
	case "khong", "khong dat", "0", "false":
		return 0, ""
	}
	return 0, fmt.Sprintf("%s không hợp lệ: hãy chọn Có hoặc Không trong danh sách", submission.Quote(s))
}

// fold drops case, diacritics and extra spaces: "  Không  ĐẠT " → "khong dat".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
