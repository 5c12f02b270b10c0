package form

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestPlainCountMatchesParseCount: the digits-only shortcut must read every cell it
// takes exactly as the full parser does, in text cells and number cells alike.
func TestPlainCountMatchesParseCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		s := strconv.FormatInt(rng.Int64N(1_000_000_000_000), 10)
		if rng.IntN(3) == 0 {
			s = "0" + s // leading zeros
		}
		got, ok := plainCount(s)
		if !ok {
			t.Fatalf("plainCount(%q) refused digits", s)
		}
		for _, numeric := range []bool{true, false} {
			if want, msg := parseCount(s, numeric); msg != "" || want != got {
				t.Fatalf("plainCount(%q) = %d, parseCount(numeric=%v) = %d %q", s, got, numeric, want, msg)
			}
		}
	}
	for _, s := range []string{"", "1.234", "1,5", "-3", " 4", "1234567890123456"} {
		if _, ok := plainCount(s); ok {
			t.Errorf("plainCount(%q) took a cell that needs the full parser", s)
		}
	}
}
