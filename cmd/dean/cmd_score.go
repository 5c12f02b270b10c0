package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dean/atomicfile"
	"dean/period"
	"dean/score"
)

type scoreOptions struct {
	formsOptions
	format string
	out    string
}

func newScoreCmd() *cobra.Command {
	var opts scoreOptions
	cmd := &cobra.Command{
		Use:   "score [FILE...]",
		Short: "Chấm điểm từng phường theo 22 tiêu chí từ các biểu mẫu đã điền",
		Args:  cobra.ArbitraryArgs,
		Example: `  dean score testdata/can-tho-2022/*.xlsx
  dean score --format json -o diem-2022.json testdata/can-tho-2022/*.xlsx
  dean score --set giam_toi_pham_ttxh=5% --format csv -o diem.csv bieu-mau/*.xlsx
  dean score --period 2024                       # từ kho lưu trữ (dean.db), không cần tệp`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runScore(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.formsOptions.register(cmd, true, "`KỲ` báo cáo: 2026-H1 hoặc 2026 (mặc định: kỳ ghi trên biểu mẫu)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "`KIỂU` kết quả: table, json hoặc csv")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "ghi kết quả vào `TỆP` này (mặc định: màn hình)")
	return cmd
}

func runScore(opts scoreOptions, stdout, stderr io.Writer) error {
	write, ok := score.Formats[opts.format]
	if !ok {
		return usageError{fmt.Errorf("--format %q: chọn table, json hoặc csv", opts.format)}
	}
	b, err := opts.read(readMode{stderr: stderr})
	if err != nil {
		return err
	}
	if err := atomicfile.Guard(opts.out, b.files); opts.out != "" && err != nil {
		return err
	}
	if err := onePeriod(b); err != nil {
		return err
	}
	if err := usable(b, stderr); err != nil {
		return err
	}
	if opts.out == "" {
		err = write(stdout, b.Result)
	} else {
		err = atomicfile.Write(opts.out, func(w io.Writer) error { return write(w, b.Result) })
	}
	if err != nil {
		return fileError(err)
	}
	if opts.out != "" {
		label := b.Result.Period
		if p, err := period.Parse(label); err == nil {
			label = p.Label()
		}
		fmt.Fprintf(stdout, "Đã ghi %s: kết quả %s, %d phường\n", opts.out, label, len(b.Result.Wards))
	}
	if opts.format == "csv" { // the CSV has no place to say it; the table and JSON do
		score.WriteNotice(stderr, b.Result.Criteria)
	}
	printProblems(stderr, b.Problems)
	if failed(b) {
		return reported{problemSummary(b) + " — đã chấm những gì đọc được; sửa biểu mẫu rồi chấm lại (dean check)"}
	}
	return nil
}

// usable refuses to write results when no ward had a single value to score: an
// empty or all-missing output would replace a good file, or pass for a real
// report, while every form was unreadable or for another period.
func usable(b *batch, stderr io.Writer) error {
	if b.Usable() {
		return nil
	}
	printProblems(stderr, b.Problems)
	return hinted{fmt.Errorf("không có số liệu phường nào dùng được (%s), không ghi kết quả", problemSummary(b)),
		"xem các lỗi ở trên, hoặc kiểm tra biểu mẫu bằng dean check"}
}
