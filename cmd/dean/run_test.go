package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/score"
)

func bundled(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/can-tho-2022/*.xlsx")
	if err != nil || len(files) != 5 {
		t.Fatalf("bundled data: %v files, %v", len(files), err)
	}
	return files
}

// TestBundledDataReproducesTheDeAn is the headline fact: scored with the default
// criteria, the bundled 2022 data gives the Đề án's distribution of criteria met.
func TestBundledDataReproducesTheDeAn(t *testing.T) {
	var out, errOut bytes.Buffer
	args := append([]string{"score", "--format", "json"}, bundled(t)...)
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var res score.Result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"12": 3, "13": 3, "14": 3, "15": 9, "16": 7, "17": 5, "18": 4, "19": 5, "20": 3}
	if diff := cmp.Diff(want, res.Summary.Distribution); diff != "" {
		t.Errorf("distribution (-want +got):\n%s", diff)
	}
	if res.Summary.Wards != 42 || res.Summary.ModelWards != 0 {
		t.Errorf("wards %d, model wards %d; want 42, 0", res.Summary.Wards, res.Summary.ModelWards)
	}
	failing := map[string][]string{}
	for _, w := range res.Wards {
		for _, id := range w.With(score.Fail) {
			failing[id] = append(failing[id], w.Name)
		}
	}
	if got := len(failing["TC03"]); got != 10 {
		t.Errorf("TC03 fails in %d wards, want 10", got)
	}
	if diff := cmp.Diff([]string{"An Phú", "Phước Thới", "Thới Bình", "Tân An"}, sorted(failing["TC04"])); diff != "" {
		t.Errorf("TC04 failing wards (-want +got):\n%s", diff)
	}
	if got := len(failing["TC05"]); got != 40 {
		t.Errorf("TC05 fails in %d wards, want 40 (only 2 have a patrol truck)", got)
	}
	if res.Period != "2022" {
		t.Errorf("period %q, want 2022", res.Period)
	}
}

// TestScoreTableGolden pins the table staff read; DEAN_UPDATE=1 rewrites it.
func TestScoreTableGolden(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(append([]string{"score"}, bundled(t)...), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	golden(t, "testdata/score-can-tho-2022.golden", out.Bytes())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("DEAN_UPDATE") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run DEAN_UPDATE=1 go test ./...): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	notXLSX := filepath.Join(dir, "a.xlsx")
	os.WriteFile(notXLSX, []byte("not a workbook"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"help", []string{"--help"}, 0, ""},
		{"help for a command", []string{"help", "score"}, 0, ""},
		{"help for no command", []string{"help", "nope"}, 2, `dean: lỗi: không có lệnh "nope"`},
		{"unknown command", []string{"frobnicate"}, 2, `dean: lỗi: không có lệnh "frobnicate" trong "dean"`},
		{"unknown flag", []string{"score", "--colour", "x.xlsx"}, 2, "dean: lỗi: không có cờ --colour"},
		{"no files", []string{"check"}, 2, "dean: lỗi: thiếu tệp: cần ít nhất một tệp biểu mẫu"},
		{"bad format", []string{"score", "--format", "pdf", notXLSX}, 2, `--format "pdf"`},
		{"bad threshold", []string{"score", "--set", "giam_toi_pham_ttxh=abc", notXLSX}, 2, "không phải là một số"},
		{"template without period", []string{"template", "-o", filepath.Join(dir, "t.xlsx")}, 2, "thiếu --period"},
		// A problem with an input file is one of check's findings: on stdout.
		{"bad input file", []string{"check", notXLSX}, 1, ""},
		{"missing file", []string{"check", filepath.Join(dir, "khong-co.xlsx")}, 1, ""},
		{"bad input file to score", []string{"score", notXLSX}, 1, "a.xlsx"},
		{"criteria ok", []string{"criteria", "check"}, 0, ""},
		{"version", []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			}
			switch {
			case tt.stderr == "" && errOut.Len() > 0:
				t.Errorf("stderr should be empty:\n%s", errOut.String())
			case !strings.Contains(errOut.String(), tt.stderr):
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut.String())
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
