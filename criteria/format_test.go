package criteria

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestFormatShortcutMatchesBigRat holds the int64 shortcut to the math/big path,
// digit for digit, halves included.
func TestFormatShortcutMatchesBigRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300000 {
		den := rng.Int64N(20000) + 1
		num := rng.Int64N(4000000) - 2000000
		if rng.IntN(4) == 0 {
			den = 2 * (rng.Int64N(500) + 1) // exact halves
		}
		v := big.NewRat(num, den)
		d := rng.IntN(6)
		if got, want := FormatDecimal(v, d), formatBig(v, d); got != want {
			t.Fatalf("FormatDecimal(%s, %d) = %q, want %q", v, d, got, want)
		}
		pv := new(big.Rat).Mul(v, big.NewRat(100, 1))
		if got, want := FormatPercentN(v, d), formatBig(pv, d)+" %"; got != want {
			t.Fatalf("FormatPercentN(%s, %d) = %q, want %q", v, d, got, want)
		}
	}
}

func TestFormatExamples(t *testing.T) {
	for _, tt := range []struct {
		v    *big.Rat
		d    int
		want string
	}{
		{big.NewRat(1234567, 1), 0, "1.234.567"},
		{big.NewRat(-42, 10), 1, "−4,2"},
		{big.NewRat(-1, 100), 1, "0"},
		{big.NewRat(19999, 2000), 2, "10"},
		{big.NewRat(3, 200), 1, "0"},
		{new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(10), big.NewInt(23), nil), big.NewInt(1)), 0, "100.000.000.000.000.000.000.000"},
	} {
		if got := FormatDecimal(tt.v, tt.d); got != tt.want {
			t.Errorf("FormatDecimal(%s, %d) = %q, want %q", tt.v, tt.d, got, tt.want)
		}
	}
}
