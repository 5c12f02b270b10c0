package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckReadsATemplateOfManyWards: dean reads back any form it writes. A
// template of 1 500 wards unzips to more than the 64 MiB a form was once allowed,
// which stopped dean reading its own nationwide template (3 321 wards).
func TestCheckReadsATemplateOfManyWards(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a template of 1 500 wards")
	}
	const n = 1500
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("ma_phuong,ten_phuong,ma_quan,ten_quan\n")
	for i := range n {
		fmt.Fprintf(&csv, "%d,Phường %d,%d,Tỉnh %d\n", 10000+i, i, 100+i/74, i/74)
	}
	list := filepath.Join(dir, "units.csv")
	if err := os.WriteFile(list, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "all.xlsx")
	var out, errOut bytes.Buffer
	if code := run([]string{"template", "--units", list, "--period", "2026-H1", "-o", form}, &out, &errOut); code != 0 {
		t.Fatalf("template: exit %d: %s", code, errOut.String())
	}
	if size := unzippedSize(t, form); size <= 64<<20 {
		t.Fatalf("the template unzips to %d MiB: no more than the old limit, so it tests nothing", size>>20)
	}
	out.Reset()
	errOut.Reset()
	// A blank form: every ward lacks its data, and every ward is read.
	code := run([]string{"check", "--units", list, form}, &out, &errOut)
	summary := fmt.Sprintf("1 tệp, %d trang phường: 0 lỗi, %d mục thiếu số liệu", n, n)
	if code != 1 || !strings.Contains(out.String(), summary) || strings.Contains(out.String(), "quá lớn") {
		t.Errorf("check: exit %d, want 1 and %q; stdout ends:\n%s\nstderr:\n%s", code, summary, tail(out.String(), 400), errOut.String())
	}
}

func unzippedSize(t *testing.T, path string) int64 {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var n int64
	for _, f := range zr.File {
		n += int64(f.UncompressedSize64)
	}
	return n
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }
