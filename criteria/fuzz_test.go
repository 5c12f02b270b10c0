package criteria

import (
	"errors"
	"os"
	"testing"
)

// FuzzParse: the criteria loader never panics; it gives a set or every problem,
// each naming the file, never both and never neither.
func FuzzParse(f *testing.F) {
	for _, path := range []string{"../criteria.yaml", "../score/testdata/criteria.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("version: x\nareas: []\n"))
	f.Add([]byte("params:\n  a: {value: 6%, label: x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := Parse(data, "f.yaml")
		switch {
		case err == nil && set == nil:
			t.Fatal("no set and no error")
		case err != nil && set != nil:
			t.Fatal("a set and an error")
		case err != nil:
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %T %v is not a list of problems", err, err)
			}
			for _, p := range ps {
				if p.File != "f.yaml" || p.Msg == "" {
					t.Fatalf("problem %+v", p)
				}
			}
		default:
			for _, in := range set.Inputs() {
				if set.Input(in.ID) != in {
					t.Fatalf("input %s not found by its id", in.ID)
				}
			}
		}
	})
}
