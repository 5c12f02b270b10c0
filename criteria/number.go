package criteria

import (
	"fmt"
	"math/big"
	"strings"
)

// ParseNumber reads a threshold as users write it: "6%", "6 %", "6,5%", "1,5 %",
// "0.06", "4". A percentage becomes a fraction (6% -> 3/50), so percent reports
// whether the text carried a % sign. Both "," and "." are taken as the decimal mark;
// thresholds never need a thousands separator.
func ParseNumber(s string) (v *big.Rat, percent bool, err error) {
	t := strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		percent = true
		t = strings.TrimSpace(rest)
	}
	t = strings.Replace(t, ",", ".", 1)
	if t == "" || strings.ContainsAny(t, "/eE") {
		return nil, false, fmt.Errorf("%q không phải là một số", s)
	}
	v, ok := new(big.Rat).SetString(t)
	if !ok {
		return nil, false, fmt.Errorf("%q không phải là một số", s)
	}
	if percent {
		v.Quo(v, big.NewRat(100, 1))
	}
	return v, percent, nil
}
