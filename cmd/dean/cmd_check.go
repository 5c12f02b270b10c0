package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"dean/form"
	"dean/submission"
)

type checkOptions struct {
	formsOptions
	annotate string
}

func newCheckCmd() *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Kiểm tra biểu mẫu các quận gửi về, báo mọi lỗi trong một lần chạy",
		Args:  cobra.MinimumNArgs(1),
		Example: `  dean check ninh-kieu.xlsx
  dean check --period 2026-H1 bieu-mau/*.xlsx
  dean check --annotate da-danh-dau/ bieu-mau/*.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runCheck(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.formsOptions.register(cmd, false, "`KỲ` báo cáo phải khớp: 2026-H1 hoặc 2026")
	cmd.Flags().StringVar(&opts.annotate, "annotate", "", "ghi vào `THƯ_MỤC` này bản sao của mỗi tệp có lỗi, tô màu ô lỗi và ghi chú lời giải thích")
	return cmd
}

func runCheck(opts checkOptions, stdout, stderr io.Writer) error {
	b, err := opts.read(readMode{stderr: stderr})
	if err != nil {
		return err
	}
	// The findings are check's output: `dean check *.xlsx > loi.txt` keeps them,
	// with the summary last. Only errors about the command itself go to stderr.
	printProblems(stdout, b.Problems)
	if opts.annotate != "" && len(b.Problems) > 0 {
		if err := annotateAll(opts.annotate, b.files, b.Problems, stdout, stderr); err != nil {
			return err
		}
	}
	if t := b.Result.Summary.NotSubmittedText(); t != "" {
		fmt.Fprintln(stdout, t)
	}
	summary := problemSummary(b)
	if failed(b) {
		fmt.Fprintln(stdout, "dean: "+summary)
		return reported{}
	}
	fmt.Fprintln(stdout, summary+" — biểu mẫu hợp lệ")
	return nil
}

func annotateAll(dir string, files []string, problems []submission.Problem, stdout, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fileError(err)
	}
	byFile := map[string][]submission.Problem{}
	for _, p := range problems {
		byFile[p.File] = append(byFile[p.File], p)
	}
	used := map[string]bool{}
	for _, f := range files {
		ps := byFile[f]
		if len(ps) == 0 {
			continue
		}
		dst := freeName(dir, filepath.Base(f), used)
		if same, _ := sameFile(dst, f); same {
			return fmt.Errorf("thư mục --annotate trùng với thư mục của tệp gốc %s: chọn thư mục khác", f)
		}
		if err := form.Annotate(f, dst, ps); err != nil {
			fmt.Fprintf(stderr, "dean: lỗi: không đánh dấu được %s: %v\n", f, fileError(err))
			continue
		}
		fmt.Fprintf(stdout, "Đã đánh dấu %d lỗi vào %s\n", len(ps), dst)
	}
	return nil
}

// freeName keeps two inputs of the same name (a/ninh-kieu.xlsx, b/ninh-kieu.xlsx)
// from landing on one copy: the second becomes ninh-kieu-2.xlsx.
func freeName(dir, base string, used map[string]bool) string {
	ext := filepath.Ext(base)
	name := base
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(base, ext), i, ext)
	}
	used[name] = true
	return filepath.Join(dir, name)
}

func sameFile(a, b string) (bool, error) {
	ai, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	bi, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ai, bi), nil
}
