package form

import (
	"strings"
	"testing"
)

// FuzzParseCount holds the count parser to what a count is: it never panics,
// gives a whole number from 0 to below 10^15 or a message, never both; digits
// read as plainCount reads them; and a number cell's raw value is read whatever
// the locale's separators.
func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"0", "12", "1.234", "1.234,5", "1 234", "1,000", "1,5", "1.5E-3", "-0", "−3", "+4",
		"3.0000000000000004", "999999999999999", "1e3", "khoảng 5", "\u00a0 12", "12.345.678", ""} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, numeric bool) {
		v, msg := parseCount(s, numeric)
		if msg == "" && (v < 0 || v >= maxCount) {
			t.Fatalf("parseCount(%q, %v) = %d without a message", s, numeric, v)
		}
		if msg != "" && v != 0 {
			t.Fatalf("parseCount(%q, %v) = %d and %q", s, numeric, v, msg)
		}
		if p, ok := plainCount(s); ok && (msg != "" || v != p) {
			t.Fatalf("digits %q: parseCount %d %q, plainCount %d", s, v, msg, p)
		}
		if !numeric && strings.ContainsAny(s, "eE") && msg == "" {
			t.Fatalf("text %q with an exponent read as %d", s, v)
		}
	})
}

// FuzzParseBool: a yes/no cell is 1, 0 or a message, never anything else.
func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"Có", "Không", "co", "KHÔNG ĐẠT", "x", "1", "0", "TRUE", "false", "Co\u0301", "có lẽ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, msg := parseBool(s)
		if (msg == "" && v != 0 && v != 1) || (msg != "" && v != 0) {
			t.Fatalf("parseBool(%q) = %d, %q", s, v, msg)
		}
	})
}
