package xlsx

import (
	"testing"
)

func TestBuiltinFormatClasses(t *testing.T) {
	want := map[Class][]int{
		ClassGeneral:  {0},
		ClassNumber:   {1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48, 59, 60, 61, 62, 67, 68, 69, 70},
		ClassDate:     {14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 81},
		ClassTime:     {18, 19, 20, 21, 32, 33, 45, 47, 75, 76, 78, 80},
		ClassDateTime: {22, 77},
		ClassDuration: {46, 79},
		ClassText:     {49},
	}
	seen := 0
	for class, ids := range want {
		for _, id := range ids {
			seen++
			if f := builtinFormat(id); f.Class != class || f.ID != id {
				t.Errorf("built-in %d (%q): %v, want %v", id, f.Code, f.Class, class)
			}
		}
	}
	if seen != len(builtins) {
		t.Errorf("%d built-in formats checked of %d", seen, len(builtins))
	}
	if f := builtinFormat(7); f.Class != ClassGeneral || f.ID != 7 {
		t.Errorf("an unknown id: %+v, want General", f)
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Class
	}{
		{"General", ClassGeneral},
		{"general", ClassGeneral},
		{"[$-409]General", ClassGeneral},
		{"", ClassNumber},
		{"0", ClassNumber},
		{"#,##0.00", ClassNumber},
		{"0%", ClassNumber},
		{"0.00E+00", ClassNumber},
		{"##0.0e-0", ClassNumber},
		{"# ?/?", ClassNumber},
		{`#,##0 "người"`, ClassNumber},
		{`#,##0 "ngày"`, ClassNumber}, // "d" inside quotes is text
		{`0\d`, ClassNumber},          // an escaped d is text too
		{`0_d`, ClassNumber},          // so is the character after _ (a space its width)
		{`0*d`, ClassNumber},          // and after * (repeated to fill)
		{"[Red]#,##0;[Blue]-#,##0", ClassNumber},
		{"[>=100]0;0.00", ClassNumber},
		{`0;-0;;@`, ClassNumber},
		{"@", ClassText},
		{`"Mã: "@`, ClassText},
		{";;;@", ClassText},
		{"dd/mm/yyyy", ClassDate},
		{"d-mmm-yy", ClassDate},
		{"mmm-yy", ClassDate},
		{"mmmm", ClassDate},
		{"m", ClassDate},
		{"yyyy", ClassDate},
		{`"Ngày "dd" tháng "mm" năm "yyyy`, ClassDate},
		{"[$-42A]dd/mm/yyyy", ClassDate},
		{"[$-F800]dddd, mmmm dd, yyyy", ClassDate},
		{"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", ClassDate},
		{"ge.m.d", ClassDate},
		{"aaaa", ClassDate}, // a day of the week (Japanese)
		{"hh:mm", ClassTime},
		{"h:mm:ss AM/PM", ClassTime},
		{"h:mm a/p", ClassTime},
		{"mm:ss", ClassTime},
		{"mm:ss.0", ClassTime},
		{"ss", ClassTime},
		{"h", ClassTime},
		{"[$-F400]h:mm:ss AM/PM", ClassTime},
		{"dd/mm/yyyy hh:mm", ClassDateTime},
		{"m/d/yy h:mm", ClassDateTime},
		{`yyyy-mm-dd"T"hh:mm:ss`, ClassDateTime},
		{"mm/dd hh", ClassDateTime},
		{"[h]:mm:ss", ClassDuration},
		{"[hh]:mm", ClassDuration},
		{"[mm]:ss", ClassDuration},
		{"[ss].00", ClassDuration},
		{"d [h]:mm", ClassDateTime},
		{"[Red][h]:mm", ClassDuration},
	} {
		if got := Classify(tc.code); got != tc.want {
			t.Errorf("Classify(%q) = %v, want %v", tc.code, got, tc.want)
		}
	}
}

// FuzzClassify: the classifier never panics, and decoration — quoted text, a
// colour, escaped characters — never changes a class.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"General", "0.00", "dd/mm/yyyy", "[h]:mm:ss", "@", `"x"0`, "[Red]0;[Blue]-0", "h:mm AM/PM", "\\", "\"", "[", "_", "*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		c := Classify(code)
		if c > ClassText {
			t.Fatalf("Classify(%q) = %d", code, c)
		}
		// Appending must not cut an open quote, bracket or escape short.
		if balanced(code) {
			for _, deco := range []string{`"dhms ymd"`, "[Red]", `\d`, `_m`, `*s`} {
				if got := Classify(code + deco); got != c && !(c == ClassGeneral && got == ClassNumber) {
					t.Errorf("Classify(%q) = %v, but Classify(%q) = %v", code, c, code+deco, got)
				}
			}
		}
	})
}

// balanced reports whether a code ends outside quotes, brackets and escapes.
func balanced(code string) bool {
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			j := indexFrom(code, i+1, '"')
			if j < 0 {
				return false
			}
			i = j
		case '[':
			j := indexFrom(code, i+1, ']')
			if j < 0 {
				return false
			}
			i = j
		case '\\', '_', '*':
			if i+1 >= len(code) {
				return false
			}
			i++
			for i+1 < len(code) && code[i+1]&0xC0 == 0x80 {
				i++
			}
		}
	}
	return true
}

func indexFrom(s string, from int, c byte) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
