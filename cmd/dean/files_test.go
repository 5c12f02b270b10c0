package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExpandFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"2024/a.xlsx", "2024/~$a.xlsx", "2024/b.XLSX", "2025/c.xlsx", "2025/sub/d.xlsx", "README.md", "cong-nhan.csv"} {
		p := filepath.Join(dir, f)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(f), 0o644))
	}
	in := func(fs ...string) []string {
		var out []string
		for _, f := range fs {
			out = append(out, filepath.Join(dir, f))
		}
		return out
	}
	for _, tt := range []struct {
		name    string
		args    []string
		files   []string
		skipped int
	}{
		{"a folder is its forms, at any depth", in("."), in("2024/a.xlsx", "2024/b.XLSX", "2025/c.xlsx", "2025/sub/d.xlsx"), 1},
		{"** is any depth, forms only", in("**"), in("2024/a.xlsx", "2024/b.XLSX", "2025/c.xlsx", "2025/sub/d.xlsx"), 1},
		{"**/*.xlsx", in("**/*.xlsx"), in("2024/a.xlsx", "2025/c.xlsx", "2025/sub/d.xlsx"), 1},
		{"* matching folders", in("*"), in("2024/a.xlsx", "2024/b.XLSX", "2025/c.xlsx", "2025/sub/d.xlsx"), 1},
		{"a file named twice is read once", in("2024/*.xlsx", "2024/a.xlsx"), in("2024/a.xlsx"), 1},
		{"an explicit file is taken as it is", in("cong-nhan.csv"), in("cong-nhan.csv"), 0},
		{"a lock file the shell expanded is skipped", in("2024/~$a.xlsx", "2024/a.xlsx"), in("2024/a.xlsx"), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files, skipped, err := expandFiles(tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.files, files); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if len(skipped) != tt.skipped {
				t.Errorf("skipped %v, want %d lock file notes", skipped, tt.skipped)
			}
			for _, s := range skipped {
				if !s.Warning || filepath.Base(s.File) != "~$a.xlsx" {
					t.Errorf("note %+v", s)
				}
			}
		})
	}
	if _, _, err := expandFiles(in("2024/~$a.xlsx")); err == nil || !strings.Contains(err.Error(), "tệp khóa tạm của Excel") {
		t.Errorf("only a lock file: %v, want an error naming it", err)
	}
	if _, _, err := expandFiles(in("khong-co/*.xlsx")); err == nil {
		t.Error("a pattern matching nothing is an error")
	}
	empty := filepath.Join(dir, "empty")
	must(t, os.Mkdir(empty, 0o755))
	if _, _, err := expandFiles([]string{empty}); err == nil {
		t.Error("a folder without forms is an error")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
