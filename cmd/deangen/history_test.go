package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"dean"
	"dean/assess"
	"dean/form"
	"dean/gen"
)

var historyDir = filepath.Join("..", "..", "testdata", "history")

// files lists the files under dir, as paths relative to it; README.md is the
// only one written by hand.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel != "README.md" {
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestHistoryIsCurrent: the committed history is what the generator writes now,
// byte for byte, file for file.
func TestHistoryIsCurrent(t *testing.T) {
	dir := t.TempDir()
	if err := runHistory(dir); err != nil {
		t.Fatal(err)
	}
	got, committed := files(t, dir), files(t, historyDir)
	if !slices.Equal(got, committed) {
		t.Errorf("testdata/history holds %d files, the generator writes %d: run go generate ./cmd/deangen\ncommitted: %v\nwritten:   %v",
			len(committed), len(got), committed, got)
	}
	for _, f := range got {
		a, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(historyDir, f))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("testdata/history/%s is stale or missing: run go generate ./cmd/deangen", f)
		}
	}
	// 5 districts × 3 periods, 31 wards × 3 periods, the register.
	if len(got) != 5*3+31*3+1 {
		t.Errorf("%d files written", len(got))
	}
}

// TestHistoryRoundTrip reads each committed period back the way `dean score`
// does, against the list in force for it, and finds exactly gen's values with no
// problem reported.
func TestHistoryRoundTrip(t *testing.T) {
	set, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	filings, err := gen.History(set)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range filings {
		paths, _ := filepath.Glob(filepath.Join(historyDir, f.Period.String(), "*.xlsx"))
		wantFiles := len(f.Units.Wards) // one workbook per ward, without districts
		if f.Units.HasDistricts() {
			wantFiles = len(f.Units.Districts())
		}
		if len(paths) != wantFiles {
			t.Errorf("%s: %d workbooks, want %d", f.Period, len(paths), wantFiles)
		}
		p := f.Period
		a := assess.New(assess.Options{Set: set, Units: f.Units, Period: &p, Keep: true})
		a.Problems(form.Read(paths, form.ReadOptions{Set: set, Units: f.Units, Period: &p}, a.Add)...)
		as := a.Finish()
		for _, pr := range as.Problems {
			t.Errorf("%s: problem: %s", f.Period, pr)
		}
		if len(as.Wards) != len(f.Units.Wards) {
			t.Errorf("%s: read %d ward sheets, want %d", f.Period, len(as.Wards), len(f.Units.Wards))
		}
		for _, w := range as.Wards {
			if w.List != f.Units.ID || !reflect.DeepEqual(w.Values, f.Values[w.Code]) {
				t.Errorf("%s: %s %s (%s): values read back differ from those written", f.Period, w.Code, w.Name, w.List)
			}
		}
	}
}
