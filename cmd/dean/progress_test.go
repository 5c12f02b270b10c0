package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestProgressOnATerminalOnly runs the real binary with its output on a terminal
// (a pty), then on pipes: progress shows on the terminal only, and --quiet
// silences it. DEAN_PROGRESS_DELAY=0 shows it at once, the bundled data being
// read in less than the usual moment.
func TestProgressOnATerminalOnly(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dean")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	files, _ := filepath.Glob("../../testdata/can-tho-2022/*.xlsx")
	run := func(tty bool, extra ...string) string {
		cmd := exec.Command(bin, append(append([]string{"check"}, extra...), files...)...)
		cmd.Env = append(os.Environ(), "DEAN_PROGRESS_DELAY=0")
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
	if out := run(true); !strings.Contains(out, "Đọc biểu mẫu") || !strings.Contains(out, "tệp") {
		t.Errorf("no progress on a terminal:\n%q", out)
	}
	if out := run(true, "--quiet"); strings.Contains(out, "Đọc biểu mẫu") {
		t.Errorf("progress despite --quiet:\n%q", out)
	}
	if out := run(false); strings.Contains(out, "Đọc biểu mẫu") {
		t.Errorf("progress in a pipe:\n%q", out)
	}
}
