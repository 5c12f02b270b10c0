package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dean/archive"
	"dean/atomicfile"
	"dean/criteria"
)

type exportOptions struct {
	period  periodOption
	archive archiveOption
	format  string
	out     string
}

func newExportCmd() *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export --period KỲ",
		Short: "Xuất mọi số liệu đã lưu của một kỳ, mỗi dòng một chỉ số của một phường, để phân tích bằng Excel hoặc pandas",
		Args:  cobra.NoArgs,
		Example: `  dean export --period 2026 -o so-lieu-2026.csv
  dean export --period 2025-H1 --format json -o so-lieu.json`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runExport(opts, cmd.OutOrStdout())
		},
	}
	opts.period.register(cmd, "`KỲ` cần xuất (bắt buộc): 2026-H1 hoặc 2026")
	opts.archive.register(cmd)
	cmd.Flags().StringVar(&opts.format, "format", "csv", "`KIỂU` tệp: csv (Excel, UTF-8) hoặc json")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "ghi vào `TỆP` này (mặc định: màn hình)")
	return cmd
}

func runExport(opts exportOptions, stdout io.Writer) error {
	write, ok := archive.ExportFormats[opts.format]
	if !ok {
		return usageError{fmt.Errorf("--format %q: chọn csv hoặc json", opts.format)}
	}
	p, err := opts.period.parse(true)
	if err != nil {
		return err
	}
	arc, err := opts.archive.open()
	if err != nil {
		return err
	}
	defer arc.Close()
	recs, err := arc.Current(context.Background(), p.String())
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return hinted{fmt.Errorf("kho lưu trữ %s chưa có số liệu kỳ %s", arc.Path(), p), "nhập biểu mẫu của kỳ này bằng dean import"}
	}
	rows := archive.Rows(recs)
	if opts.out == "" {
		return fileError(write(stdout, rows))
	}
	if err := atomicfile.Write(opts.out, func(w io.Writer) error { return write(w, rows) }); err != nil {
		return fileError(err)
	}
	fmt.Fprintf(stdout, "Đã ghi %s: %s giá trị của %d phường, kỳ %s\n", opts.out, criteria.FormatInt(int64(len(rows))), len(recs), p.Label())
	return nil
}
