package criteria

import (
	"math/big"
	"strconv"
	"strings"
)

// FormatInt writes a whole number the Vietnamese way: 1.234.567.
func FormatInt(n int64) string {
	var digits [20]byte
	return groupDigits(strconv.AppendInt(digits[:0], n, 10))
}

// groupDigits puts a dot between thousands of a decimal integer ("-1234567"),
// with the true minus sign.
func groupDigits(s []byte) string {
	b := make([]byte, 0, len("−")+len(s)+len(s)/3)
	if len(s) > 0 && s[0] == '-' {
		b = append(b, "−"...)
		s = s[1:]
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, c)
	}
	return string(b)
}

// FormatDecimal writes v rounded to at most decimals places, with "," as the decimal
// mark and trailing zeros dropped: 4,2 — 1.234,5 — 6.
func FormatDecimal(v *big.Rat, decimals int) string {
	if num, den := v.Num(), v.Denom(); num.IsInt64() && den.IsInt64() {
		if s, ok := formatSmall(num.Int64(), den.Int64(), decimals); ok {
			return s
		}
	}
	return formatBig(v, decimals)
}

// formatBig is FormatDecimal for any size, by math/big.
func formatBig(v *big.Rat, decimals int) string {
	s := v.FloatString(decimals)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	out := groupDigits([]byte(whole))
	if frac != "" {
		out += "," + frac
	}
	if neg && out != "0" {
		out = "−" + out
	}
	return out
}

// Bounds of formatSmall's machine arithmetic: with the numerator below 2^62 and
// the denominator below 2^31, the remainder times 10^9 stays below 2^62.
const (
	smallNum      = 1 << 62
	smallDen      = 1 << 31
	smallDecimals = 9
)

// formatSmall is FormatDecimal of num/den (den > 0) in int64 arithmetic, the
// common case of counts and small thresholds, which math/big makes costly on a
// nationwide run. It rounds as big.Rat.FloatString does, to nearest with halves
// away from zero; ok is false outside the bounds above.
func formatSmall(num, den int64, decimals int) (string, bool) {
	neg := num < 0
	if neg {
		num = -num
	}
	if num < 0 || num >= smallNum || den <= 0 || den >= smallDen || decimals < 0 || decimals > smallDecimals {
		return "", false
	}
	p := int64(1)
	for range decimals {
		p *= 10
	}
	q, r := num/den, num%den*p
	frac, r2 := r/den, r%den
	if 2*r2 >= den {
		if frac++; frac >= p {
			q, frac = q+1, frac-p
		}
	}
	out := FormatInt(q)
	if frac != 0 {
		var buf [smallDecimals]byte
		fs := strconv.AppendInt(buf[:0], frac, 10)
		out += "," + strings.Repeat("0", decimals-len(fs)) + strings.TrimRight(string(fs), "0")
	}
	if neg && out != "0" {
		out = "−" + out
	}
	return out, true
}

// FormatPercent writes a fraction as a percentage with up to one decimal: 3/50 -> "6 %".
func FormatPercent(v *big.Rat) string {
	return FormatPercentN(v, 1)
}

// FormatPercentN writes a fraction as a percentage with up to decimals places.
func FormatPercentN(v *big.Rat, decimals int) string {
	// The value times 100 is all that matters to formatSmall, reduced or not.
	if num, den := v.Num(), v.Denom(); num.IsInt64() && den.IsInt64() {
		if n := num.Int64(); n > -smallNum/100 && n < smallNum/100 {
			if s, ok := formatSmall(n*100, den.Int64(), decimals); ok {
				return s + " %"
			}
		}
	}
	return FormatDecimal(new(big.Rat).Mul(v, big.NewRat(100, 1)), decimals) + " %"
}
