package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForRunsEach(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		ran := make([]atomic.Int32, n)
		For(n, func(i int) { ran[i].Add(1) })
		for i := range ran {
			if got := ran[i].Load(); got != 1 {
				t.Errorf("n=%d: do(%d) ran %d times", n, i, got)
			}
		}
	}
}

// TestPanicReachesTheCaller: a bug in one worker is raised on the caller's
// goroutine (where the command reports it), not lost in a goroutine that ends
// the process, and does not leave the other workers stuck.
func TestPanicReachesTheCaller(t *testing.T) {
	var ran atomic.Int32
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
		if ran.Load() != 100 {
			t.Errorf("%d of 100 ran: a panic stopped the others", ran.Load())
		}
	}()
	For(100, func(i int) {
		ran.Add(1)
		if i%7 == 3 {
			panic("boom")
		}
	})
	t.Error("For returned after a panic")
}
