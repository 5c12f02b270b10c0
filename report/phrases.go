package report

import (
	"fmt"
	"math/big"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dean/criteria"
	"dean/score"
)

// placeDate writes the date line of Nghị định 30/2020/NĐ-CP: days below 10 and the
// months January and February take a leading zero ("ngày 05 tháng 02 năm 2026").
func placeDate(place string, t time.Time) string {
	d := fmt.Sprint(t.Day())
	if t.Day() < 10 {
		d = "0" + d
	}
	m := fmt.Sprint(int(t.Month()))
	if t.Month() < time.March {
		m = "0" + m
	}
	return fmt.Sprintf("%s, ngày %s tháng %s năm %d", place, d, m, t.Year())
}

// distribution writes the spread of criteria met the way the Đề án does (section
// I.2): "3 phường đạt 12/22 tiêu chí; 3 phường đạt 13/22 tiêu chí; … và 3 phường
// đạt 20/22 tiêu chí."
func distribution(s score.Summary, total int) string {
	var parts []string
	for _, k := range s.Levels() {
		parts = append(parts, fmt.Sprintf("%d phường đạt %d/%d tiêu chí", s.Distribution[fmt.Sprint(k)], k, total))
	}
	return joinVa(parts, "; ") + "."
}

// joinVa joins a list the Vietnamese way: the last item after "và".
func joinVa(parts []string, sep string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], sep) + " và " + parts[len(parts)-1]
}

// share writes a/b as a percentage with one decimal: "4,8 %"; "—" when b is 0.
func share(a, b int) string {
	if b == 0 {
		return "—"
	}
	return criteria.FormatPercent(big.NewRat(int64(a), int64(b)))
}

// mean writes a/b with one decimal: "16,2".
func mean(a, b int) string {
	if b == 0 {
		return "—"
	}
	return criteria.FormatDecimal(big.NewRat(int64(a), int64(b)), 1)
}

func num(n int) string { return criteria.FormatInt(int64(n)) }

// two writes small counts the way administrative texts do: "02", "06", "10".
func two(n int) string { return fmt.Sprintf("%02d", n) }

// wardName names a ward in running text: "phường Cái Khế (quận Ninh Kiều)", or
// "phường Cái Khế" on a map without districts.
func wardName(w score.Ward) string {
	if w.District == "" {
		return "phường " + w.Name
	}
	return "phường " + w.Name + " (quận " + w.District + ")"
}

// romans numbers the report's sections.
var romans = []string{"I", "II", "III", "IV", "V", "VI"}

// letter numbers third-level items: a), b), … (đ follows d in Vietnamese).
func letter(i int) string {
	const abc = "abcdđeghiklmnopqrstuvxy"
	r := []rune(abc)
	if i < len(r) {
		return string(r[i]) + ")"
	}
	return fmt.Sprintf("%d)", i+1)
}

// upperFirst capitalises the first letter: "phường Cái Khế" → "Phường Cái Khế".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// upper capitalises Vietnamese text for headings set in capitals.
func upper(s string) string { return strings.ToUpper(s) }
