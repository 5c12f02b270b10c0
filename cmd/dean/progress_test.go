package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestProgressOnATerminalOnly runs the real binary with its output on a terminal
// (a pty), then on pipes, for each command that shows progress: on the terminal
// the bar shows what is being done, the count done of the total and the time
// elapsed and left, as in "Đọc biểu mẫu  20% |████ | (1/5) [0s:0s]"; on pipes
// nothing of it shows, and --quiet silences it on the terminal.
// DEAN_PROGRESS_DELAY=0 shows it at once, the bundled data being read in less
// than the usual moment. Each run has a folder of its own as working folder, so
// neither an archive nor a register lying about changes what runs.
func TestProgressOnATerminalOnly(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dean")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	files, _ := filepath.Glob("../../testdata/can-tho-2022/*.xlsx")
	if len(files) != 5 {
		t.Fatalf("%d bundled forms of Cần Thơ 2022, want 5", len(files))
	}
	for i, f := range files {
		files[i], _ = filepath.Abs(f)
	}
	// A bar over the 5 files, or over the 42 wards of a template: the count done
	// of the total, then [elapsed:left].
	bar := func(what string, total string) *regexp.Regexp {
		return regexp.MustCompile(regexp.QuoteMeta(what) + `[^\r\n]*\(\d+/` + total + `\) \[\d+s:\d+s\]`)
	}
	// Any bar or spinner of progressbar: a count, then [elapsed...].
	anyBar := regexp.MustCompile(`\(\d+/(\d+|-)\) \[\d+s`)
	for _, c := range []struct {
		name string
		args func(dir string) []string
		bar  *regexp.Regexp // on a terminal
		what []string       // none of it on pipes nor with --quiet
	}{
		{"check", func(string) []string { return append([]string{"check"}, files...) },
			bar("Đọc biểu mẫu", "5"), []string{"Đọc biểu mẫu"}},
		{"score", func(string) []string { return append([]string{"score"}, files...) },
			bar("Đọc biểu mẫu", "5"), []string{"Đọc biểu mẫu"}},
		{"import", func(dir string) []string {
			return append([]string{"import", "--archive", filepath.Join(dir, "kho.db")}, files...)
		}, bar("Nhập biểu mẫu", "5"), []string{"Nhập biểu mẫu", "Đọc biểu mẫu"}},
		// Writing the report shows a spinner ("Ghi báo cáo (0/-) [0s]") only from
		// its first tick, 200ms in, which a fast machine may not reach: only the
		// bar of reading is sure to show.
		{"report", func(dir string) []string {
			return append([]string{"report", "--period", "2022",
				"--pdf", filepath.Join(dir, "bc.pdf"), "--xlsx", filepath.Join(dir, "bc.xlsx")}, files...)
		}, bar("Đọc biểu mẫu", "5"), []string{"Đọc biểu mẫu", "Ghi báo cáo"}},
		{"template", func(dir string) []string {
			return []string{"template", "--period", "2022", "-o", filepath.Join(dir, "bieu-mau.xlsx")}
		}, bar("Lập biểu mẫu", "42"), []string{"Lập biểu mẫu"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			run := func(tty bool, extra ...string) string {
				dir := t.TempDir()
				cmd := exec.Command(bin, append(c.args(dir), extra...)...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "DEAN_PROGRESS_DELAY=0", "DEAN_ARCHIVE=")
				if !tty {
					var out bytes.Buffer
					cmd.Stdout, cmd.Stderr = &out, &out
					if err := cmd.Run(); err != nil {
						t.Fatalf("%v\n%s", err, out.String())
					}
					return out.String()
				}
				f, err := pty.Start(cmd)
				if err != nil {
					t.Skipf("no pty here: %v", err)
				}
				defer f.Close()
				var out bytes.Buffer
				io.Copy(&out, f) // ends with an error when the process closes the pty
				if err := cmd.Wait(); err != nil {
					t.Fatalf("%v\n%s", err, out.String())
				}
				return out.String()
			}
			none := func(how, out string) {
				t.Helper()
				for _, w := range c.what {
					if strings.Contains(out, w) {
						t.Errorf("%q %s:\n%q", w, how, out)
					}
				}
				if m := anyBar.FindString(out); m != "" {
					t.Errorf("progress %q %s:\n%q", m, how, out)
				}
			}
			if out := run(true); !c.bar.MatchString(out) {
				t.Errorf("no progress matching %s on a terminal:\n%q", c.bar, out)
			}
			none("despite --quiet", run(true, "--quiet"))
			none("in a pipe", run(false))
		})
	}
}
