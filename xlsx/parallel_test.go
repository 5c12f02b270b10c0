package xlsx

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParallel reads the committed workbooks on many goroutines at once, one
// Book each, as dean reads a district's files; go test -race checks it.
func TestParallel(t *testing.T) {
	files := committed(t)
	want := make([]*snapshot, len(files))
	for i, path := range files {
		var err error
		if want[i], err = readSnapshot(path); err != nil {
			t.Fatal(err)
		}
	}
	got := make([]*snapshot, 4*len(files))
	errs := make([]error, len(got))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], errs[i] = readSnapshot(files[i%len(files)]) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if d := cmp.Diff(want[i%len(files)], got[i]); d != "" {
			t.Fatalf("%s read in parallel differs:\n%s", files[i%len(files)], d)
		}
	}
}
