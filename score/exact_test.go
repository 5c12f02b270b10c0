package score

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestMachineArithmeticMatchesBigRat: cmpRat, cmpFrac and apart take an int64 shortcut for
// small fractions; on every kind of pair (equal, near-equal, large, negative) they
// must answer exactly as math/big does.
func TestMachineArithmeticMatchesBigRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() *big.Rat {
		switch rng.IntN(4) {
		case 0: // a count ratio
			return big.NewRat(rng.Int64N(10000), rng.Int64N(10000)+1)
		case 1: // a threshold such as 6 % or 1,25 %
			return big.NewRat(rng.Int64N(1000)-500, 10000)
		case 2: // beyond the shortcut
			return new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(rng.Int64N(100)+1), 40), big.NewInt(rng.Int64N(7)+1))
		}
		return big.NewRat(int64(rng.Int32()), int64(rng.Int32N(1<<30))+1)
	}
	for range 200000 {
		a, b := pick(), pick()
		if rng.IntN(5) == 0 {
			b = new(big.Rat).Set(a) // ties matter most
		}
		if got, want := cmpRat(a, b), a.Cmp(b); got != want {
			t.Fatalf("cmpRat(%s, %s) = %d, want %d", a, b, got, want)
		}
		// The engine compares n/d as counted, unreduced: 6/100, −12/200.
		n, d := rng.Int64N(2000000)-1000000, rng.Int64N(1000000)+1
		if k, bn, bd := rng.Int64N(50)+1, b.Num(), b.Denom(); rng.IntN(3) == 0 && bn.IsInt64() && bd.IsInt64() && small(bn.Int64()) && small(bd.Int64()) {
			n, d = k*bn.Int64(), k*bd.Int64() // a tie, unreduced
		}
		if got, want := cmpFrac(n, d, b), big.NewRat(n, d).Cmp(b); got != want {
			t.Fatalf("cmpFrac(%d, %d, %s) = %d, want %d", n, d, b, got, want)
		}
		exp := rng.IntN(8)
		step := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
		want := new(big.Rat).Abs(new(big.Rat).Sub(a, b)).Cmp(step) >= 0
		if got := apart(a, b, exp); got != want {
			t.Fatalf("apart(%s, %s, %d) = %v, want %v", a, b, exp, got, want)
		}
	}
}
