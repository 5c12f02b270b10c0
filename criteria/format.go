package criteria

import (
	"math/big"
	"strings"
)

// FormatInt writes a whole number the Vietnamese way: 1.234.567.
func FormatInt(n int64) string {
	s := big.NewInt(n).String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString("−")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatDecimal writes v rounded to at most decimals places, with "," as the decimal
// mark and trailing zeros dropped: 4,2 — 1.234,5 — 6.
func FormatDecimal(v *big.Rat, decimals int) string {
	s := v.FloatString(decimals)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := new(big.Int).SetString(whole, 10)
	out := FormatInt(n.Int64())
	if frac != "" {
		out += "," + frac
	}
	if neg && out != "0" {
		out = "−" + out
	}
	return out
}

// FormatPercent writes a fraction as a percentage with up to one decimal: 3/50 -> "6 %".
func FormatPercent(v *big.Rat) string {
	return FormatPercentN(v, 1)
}

// FormatPercentN writes a fraction as a percentage with up to decimals places.
func FormatPercentN(v *big.Rat, decimals int) string {
	return FormatDecimal(new(big.Rat).Mul(v, big.NewRat(100, 1)), decimals) + " %"
}
