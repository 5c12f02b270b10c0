// Package units holds the list of wards (danh mục đơn vị) with their official codes
// and districts, read from CSV, and matches ward names the way people type them.
package units

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Ward is one ward (phường) and the district (quận) it belongs to.
type Ward struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	DistrictCode string `json:"district_code"`
	District     string `json:"district"`
}

// List is a units list in file order.
type List struct {
	Wards  []Ward
	byCode map[string]int
}

//go:embed can-tho-2022.csv
var canTho2022 []byte

// Default is the 42 wards of Cần Thơ in 2022.
func Default() *List {
	l, err := Parse(bytes.NewReader(canTho2022), "can-tho-2022.csv")
	if err != nil {
		panic(err) // the embedded list is tested
	}
	return l
}

var header = []string{"ma_phuong", "ten_phuong", "ma_quan", "ten_quan"}

// Parse reads a CSV with the header ma_phuong,ten_phuong,ma_quan,ten_quan (a UTF-8
// BOM, as Excel writes it, is accepted). Every problem is reported, with its line.
func Parse(r io.Reader, file string) (*List, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	// Excel on a Vietnamese-locale Windows saves "CSV" with semicolons.
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: không đọc được CSV: %w", file, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: tệp rỗng", file)
	}
	for i, h := range header {
		if i >= len(rows[0]) || strings.TrimSpace(rows[0][i]) != h {
			return nil, fmt.Errorf("%s:1: dòng tiêu đề phải là %s", file, strings.Join(header, ","))
		}
	}
	l := &List{byCode: map[string]int{}}
	var errs []error
	for i, row := range rows[1:] {
		line := i + 2
		if len(row) < 4 {
			errs = append(errs, fmt.Errorf("%s:%d: cần 4 cột, có %d", file, line, len(row)))
			continue
		}
		w := Ward{Code: clean(row[0]), Name: clean(row[1]), DistrictCode: clean(row[2]), District: clean(row[3])}
		if w.Code == "" || w.Name == "" || w.District == "" {
			errs = append(errs, fmt.Errorf("%s:%d: thiếu mã phường, tên phường hoặc tên quận", file, line))
			continue
		}
		if j, dup := l.byCode[w.Code]; dup {
			errs = append(errs, fmt.Errorf("%s:%d: mã phường %s trùng với dòng %d", file, line, w.Code, j+2))
			continue
		}
		l.byCode[w.Code] = len(l.Wards)
		l.Wards = append(l.Wards, w)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(l.Wards) == 0 {
		return nil, fmt.Errorf("%s: danh mục không có phường nào", file)
	}
	return l, nil
}

func clean(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// ByCode finds a ward by its official code.
func (l *List) ByCode(code string) (Ward, bool) {
	i, ok := l.byCode[strings.TrimSpace(code)]
	if !ok {
		return Ward{}, false
	}
	return l.Wards[i], true
}

// ByName finds the wards with this name (several districts may share one).
func (l *List) ByName(name string) []Ward {
	key := NameKey(name)
	var ws []Ward
	for _, w := range l.Wards {
		if NameKey(w.Name) == key {
			ws = append(ws, w)
		}
	}
	return ws
}

// District returns the wards of the district named or coded so, in list order. A
// name typed without diacritics ("Ninh Kieu") is taken when it fits one district.
func (l *List) District(nameOrCode string) []Ward {
	match := func(key func(string) string) []Ward {
		want := key(nameOrCode)
		var ws []Ward
		for _, w := range l.Wards {
			if w.DistrictCode == strings.TrimSpace(nameOrCode) || key(w.District) == want {
				ws = append(ws, w)
			}
		}
		return ws
	}
	if ws := match(NameKey); len(ws) > 0 {
		return ws
	}
	ws := match(plainKey)
	if len(ws) > 0 && ws[0].District != ws[len(ws)-1].District {
		return nil // "Hoa" could be Hòa or Hóa: ambiguous, so no guess
	}
	return ws
}

// plainKey drops every mark, so a name typed on a keyboard without Vietnamese
// input still compares.
func plainKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r >= 0x300 && r <= 0x36f:
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Districts returns the district names in list order, each once.
func (l *List) Districts() []string {
	var ds []string
	seen := map[string]bool{}
	for _, w := range l.Wards {
		if !seen[w.District] {
			seen[w.District] = true
			ds = append(ds, w.District)
		}
	}
	return ds
}

// Tone marks in Vietnamese: grave, acute, tilde, hook above, dot below. The other
// combining marks (circumflex, breve, horn) make letters and are kept.
const tones = "\u0300\u0301\u0303\u0309\u0323"

// NameKey makes a comparison key for a ward name: NFC-equal, case-blind, spaces
// folded, and blind to where the tone mark sits, so "Thạnh Hoà" (old placement)
// and "Thạnh Hòa" (new) match while "Hòa" and "Hóa" do not. Each syllable's tone is
// moved to its end.
func NameKey(s string) string {
	if isASCII(s) { // codes, numbers, ids: most cells a reader looks at
		return strings.Join(strings.Fields(strings.ToLower(s)), " ")
	}
	var out []string
	for _, syl := range strings.Fields(strings.ToLower(norm.NFD.String(s))) {
		var base, tone strings.Builder
		for _, r := range syl {
			if strings.ContainsRune(tones, r) {
				tone.WriteRune(r)
			} else {
				base.WriteRune(r)
			}
		}
		out = append(out, base.String()+tone.String())
	}
	return norm.NFC.String(strings.Join(out, " "))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
