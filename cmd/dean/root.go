package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// version is the tool's version; release builds set it with
// -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

const exitHelp = `
TRẠNG THÁI THOÁT (EXIT STATUS):
  0  thành công (một phường chưa đạt tiêu chí là một kết quả, không phải lỗi)
  1  dữ liệu vào có vấn đề hoặc lỗi khi chạy
  2  dùng lệnh sai (cờ, đối số)
`

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "dean",
		Short: "Chấm điểm Công an phường theo 22 tiêu chí điển hình, kiểu mẫu và lập báo cáo",
		Long: `dean chấm điểm từng Công an phường theo 22 tiêu chí "Công an phường điển hình,
kiểu mẫu về an ninh, trật tự và văn minh đô thị" (Quyết định 5764/QĐ-BCA-V05)
từ biểu mẫu số liệu các phường (trước 1/7/2025: các quận) gửi về, lưu mọi kỳ vào
kho lưu trữ, và lập báo cáo 6 tháng (15/5) và năm (15/11).`,
		Example: `  dean template --split ward --period 2027-H1 -o bieu-mau/
  dean check bieu-mau/
  dean import bieu-mau/
  dean report --period 2027-H1 --pdf bao-cao.pdf --xlsx bao-cao.xlsx
  dean score testdata/can-tho-2022/*.xlsx`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newVersionCmd(),
		newCriteriaCmd(),
		newTemplateCmd(),
		newCheckCmd(),
		newScoreCmd(),
		newReportCmd(),
		newImportCmd(),
		newRescoreCmd(),
		newExportCmd(),
		newProgressCmd(),
	)
	localise(root)
	return root
}

// usageError is a mistake in how the command was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// reported means the problems were already printed one by one; only the exit
// status is left to set.
type reported struct{ summary string }

func (e reported) Error() string { return e.summary }

// hinted carries a next step for the user after the error itself.
type hinted struct {
	err  error
	hint string
}

func (e hinted) Error() string { return e.err.Error() }
func (e hinted) Unwrap() error { return e.err }

// run is the one place that turns an error into a message and an exit status.
func run(args []string, stdout, stderr io.Writer) int {
	return execute(newRootCmd(stdout, stderr), args, stderr)
}

func execute(root *cobra.Command, args []string, stderr io.Writer) (code int) {
	// A bug must still end as a message and status 1, never a stack trace with
	// Go's status 2, which here means a usage error.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "dean: lỗi: lỗi nội bộ của chương trình (%v)\n", r)
			fmt.Fprintln(stderr, "dean: gợi ý: hãy báo lỗi này kèm lệnh đã chạy và các tệp đầu vào")
			code = 1
		}
	}()
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	var rep reported
	if errors.As(err, &rep) {
		if rep.summary != "" {
			fmt.Fprintf(stderr, "dean: %s\n", rep.summary)
		}
		return 1
	}
	msg := translate(err)
	for _, line := range strings.Split(strings.TrimRight(msg, "\n"), "\n") {
		fmt.Fprintf(stderr, "dean: lỗi: %s\n", line)
	}
	var h hinted
	if errors.As(err, &h) {
		fmt.Fprintf(stderr, "dean: gợi ý: %s\n", h.hint)
	}
	var u usageError
	if errors.As(err, &u) {
		if cmd == nil {
			cmd = root
		}
		fmt.Fprintf(stderr, "dean: gợi ý: xem %s --help\n", cmd.CommandPath())
		return 2
	}
	return 1
}
