// Package units holds the lists of wards (danh mục đơn vị) with their official codes,
// the dates each list holds and, before 1/7/2025, their districts; the table of the
// 2025 merger linking the wards of one list to those of the next; and the matching
// of ward names the way people type them.
package units

import (
	"bytes"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Ward is one ward (phường) of a units list, and the district (quận) it belonged to
// where the list has districts. List names the list: a code alone is ambiguous
// across 1/7/2025, when codes were reused for merged wards (31135 was Tân An and is
// Ninh Kiều).
type Ward struct {
	List         string `json:"list"`
	Code         string `json:"code"`
	Name         string `json:"name"`
	DistrictCode string `json:"district_code"`
	District     string `json:"district"`
}

// Key names a ward without ambiguity: its list and its code.
type Key struct {
	List string `json:"list"`
	Code string `json:"code"`
}

// Key is the ward's list and code.
func (w Ward) Key() Key { return Key{List: w.List, Code: w.Code} }

// String writes the key as "can-tho-2025/31135".
func (k Key) String() string { return k.List + "/" + k.Code }

// List is a units list in file order.
type List struct {
	// ID names the list: the "danh_muc" its file declares ("can-tho-2025"), or else
	// the file name it was read from.
	ID    string
	File  string
	Valid Validity
	Wards []Ward

	validLine    int // the line of the file's first validity setting, for messages
	hasDistricts bool
	byCode       map[string]int
}

// Default is the 42 wards of Cần Thơ in 2022, the list in force until 30/6/2025.
// InForce chooses the list by date.
func Default() *List {
	data, _ := listFiles.ReadFile("can-tho-2022.csv")
	l, err := Parse(bytes.NewReader(data), "can-tho-2022.csv")
	if err != nil {
		panic(err) // the embedded list is tested
	}
	return l
}

func clean(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// ByKey finds a ward by its key; a key of another list finds nothing.
func (l *List) ByKey(k Key) (Ward, bool) {
	if k.List != l.ID {
		return Ward{}, false
	}
	return l.ByCode(k.Code)
}

// HasDistricts reports whether the list has a district level. Lists from 1/7/2025
// have none: District and Districts then find nothing.
func (l *List) HasDistricts() bool { return l.hasDistricts }

// ByCode finds a ward by its official code in this list.
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
	if strings.TrimSpace(nameOrCode) == "" {
		return nil
	}
	match := func(key func(string) string) []Ward {
		want := key(nameOrCode)
		var ws []Ward
		for _, w := range l.Wards {
			if w.District == "" {
				continue
			}
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

// Districts returns the district names in list order, each once; none for a list
// without districts.
func (l *List) Districts() []string {
	var ds []string
	seen := map[string]bool{}
	for _, w := range l.Wards {
		if w.District != "" && !seen[w.District] {
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
