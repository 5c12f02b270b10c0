package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"

	"dean"
	"dean/form"
	"dean/submission"
)

// TestPanicInAWorkerIsTheProgramsError: a bug that panics on a goroutine reading
// forms ends as the program's own error, status 1, and names no district file as
// at fault.
func TestPanicInAWorkerIsTheProgramsError(t *testing.T) {
	set, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	root := newRootCmd(&stdout, &stderr)
	root.AddCommand(&cobra.Command{Use: "crash", RunE: func(*cobra.Command, []string) error {
		files, _ := filepath.Glob("../../testdata/can-tho-2022/*.xlsx")
		form.Read(files, form.ReadOptions{Set: set}, func(submission.Submission) { panic("boom") })
		return nil
	}})
	code := execute(root, []string{"crash"}, &stderr)
	want := "dean: lỗi: lỗi nội bộ của chương trình (boom)\ndean: gợi ý: hãy báo lỗi này kèm lệnh đã chạy và các tệp đầu vào\n"
	if code != 1 || stderr.String() != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1 and:\n%s", code, stderr.String(), want)
	}
}
