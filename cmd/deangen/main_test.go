package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"dean"
	"dean/assess"
	"dean/form"
	"dean/gen"
	"dean/period"
	"dean/units"
)

var districtFiles = []string{"binh-thuy.xlsx", "cai-rang.xlsx", "ninh-kieu.xlsx", "o-mon.xlsx", "thot-not.xlsx"}

func generate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := run(dir, false, 0, 0, period.Period{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCanThoRoundTrip reads the written workbooks back the way `dean score` does
// and finds exactly the values gen made, with no problem reported.
func TestCanThoRoundTrip(t *testing.T) {
	dir := generate(t)
	set, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.CanTho2022(set, units.Default())
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range districtFiles {
		paths = append(paths, filepath.Join(dir, f))
	}
	p := period.Period{Year: 2022}
	a := assess.New(assess.Options{Set: set, Units: units.Default(), Period: &p, Keep: true})
	a.Problems(form.Read(paths, form.ReadOptions{Set: set, Units: units.Default(), Period: &p}, a.Add)...)
	as := a.Finish()
	for _, pr := range as.Problems {
		t.Errorf("problem: %s", pr)
	}
	if len(as.Wards) != 42 {
		t.Fatalf("read %d ward sheets, want 42", len(as.Wards))
	}
	dist := map[int]int{}
	for _, w := range as.Wards {
		if !reflect.DeepEqual(w.Values, want[w.Code]) {
			t.Errorf("%s %s: values read back differ from those written", w.Code, w.Name)
		}
		dist[w.Passed]++
	}
	if d := map[int]int{12: 3, 13: 3, 14: 3, 15: 9, 16: 7, 17: 5, 18: 4, 19: 5, 20: 3}; !reflect.DeepEqual(dist, d) {
		t.Errorf("distribution read back: %v, want %v", dist, d)
	}
}

// TestTestdataIsCurrent: the committed workbooks are what the generator writes now,
// byte for byte (which also shows the output does not vary from run to run).
func TestTestdataIsCurrent(t *testing.T) {
	a, b := generate(t), generate(t)
	for _, f := range districtFiles {
		got, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		again, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(got, again) {
			t.Errorf("%s differs between two runs", f)
		}
		committed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "can-tho-2022", f))
		if err != nil || !bytes.Equal(got, committed) {
			t.Errorf("testdata/can-tho-2022/%s is stale or missing: run go generate ./cmd/deangen", f)
		}
	}
}
