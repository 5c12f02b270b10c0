package gen

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug is a name as an ASCII file name: "Ô Môn" → "o-mon", "Thốt Nốt" → "thot-not".
// Vietnamese đ is a letter of its own, not a d with a mark, so it is mapped by hand.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}
