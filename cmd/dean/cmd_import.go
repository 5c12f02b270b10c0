package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dean/archive"
	"dean/assess"
	"dean/submission"
)

type importOptions struct {
	formsOptions
	replace bool
}

func newImportCmd() *cobra.Command {
	var opts importOptions
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Nhập biểu mẫu đã kiểm tra vào kho lưu trữ các kỳ (dean.db), kèm kết quả chấm",
		Args:  cobra.MinimumNArgs(1),
		Example: `  dean import bieu-mau-2026/*.xlsx
  dean import --period 2026-H1 ninh-kieu.xlsx
  dean import --replace ninh-kieu-sua.xlsx       # thay số liệu đã nhập từ tệp khác
  dean import --archive kho/can-tho.db testdata/history/*/*.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runImport(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.formsOptions.register(cmd, true, "`KỲ` báo cáo phải khớp: 2026-H1 hoặc 2026 (mặc định: kỳ ghi trên biểu mẫu)")
	cmd.Flags().BoolVar(&opts.replace, "replace", false, "thay số liệu của phường đã nhập từ tệp khác cho cùng kỳ (số liệu cũ vẫn được giữ, đánh dấu đã thay thế)")
	return cmd
}

// runImport checks the forms as dean check does and stores, file by file, every
// ward whose values are valid (a blank value is stored as missing), with its
// scoring. Each file is one transaction.
func runImport(opts importOptions, stdout, stderr io.Writer) error {
	a, err := opts.archive.create()
	if err != nil {
		return err
	}
	defer a.Close()
	b, err := opts.read(readMode{keep: true, prior: a, stderr: stderr})
	if err != nil {
		return err
	}
	printProblems(stdout, b.Problems)
	bad := sheetsWithErrors(b.Problems)
	byFile := make([][]assess.Ward, len(b.files))
	for _, w := range b.Wards {
		src := w.Submission.Source
		byFile[src.FileIndex] = append(byFile[src.FileIndex], w)
	}
	crit := runCriteria(opts.criteria, b.set)
	refused := false
	for i, file := range b.files {
		im := archive.Import{File: file, Criteria: crit, Replace: opts.replace, At: time.Now()}
		skipped := 0
		for _, w := range byFile[i] {
			s := w.Submission
			p := s.Period
			if b.period != nil {
				p = b.period.String()
			}
			if bad[[2]int{s.Source.FileIndex, s.Source.SheetIndex}] || p == "" {
				skipped++
				continue
			}
			im.SHA256 = s.Source.SHA256
			im.Records = append(im.Records, archive.NewRecord(b.set, p, s, w.Values))
			im.Cards = append(im.Cards, w.Card)
		}
		if im.SHA256 == "" { // nothing to store: the problems above say why
			continue
		}
		if fi, err := os.Stat(file); err == nil {
			im.Size = fi.Size()
		}
		out, err := a.Import(context.Background(), im)
		if err != nil {
			return fmt.Errorf("không nhập được %s vào kho %s (kho giữ nguyên như trước): %w", file, a.Path(), fileError(err))
		}
		refused = sayImported(stdout, file, im, out, skipped) || refused
	}
	summary := problemSummary(b)
	if failed(b) || refused {
		fmt.Fprintln(stdout, "dean: "+summary+" — chỉ nhập những phường không có lỗi")
		return reported{}
	}
	fmt.Fprintln(stdout, summary)
	return nil
}

// sayImported says what one file's import did; it tells whether the file was refused.
func sayImported(w io.Writer, file string, im archive.Import, out archive.Outcome, skipped int) bool {
	switch {
	case out.Unchanged:
		fmt.Fprintf(w, "%s: đã nhập ngày %s (tên tệp khi đó: %s), cùng nội dung: kho không thay đổi\n",
			file, out.Earlier.At.Local().Format("02/01/2006 15:04"), out.Earlier.Name)
	case len(out.Conflicts) > 0:
		for _, c := range out.Conflicts {
			fmt.Fprintf(w, "dean: lỗi: %s, trang %q: phường %s (mã %s) kỳ %s đã có trong kho từ tệp %s (nhập ngày %s): không nhập tệp này\n",
				file, c.New.Source.Sheet, c.New.Ward.Name, c.New.Ward.Code, c.New.Period, c.Stored.Source.File, c.Stored.ImportedAt.Local().Format("02/01/2006"))
		}
		fmt.Fprintf(w, "dean: gợi ý: nếu %s là bản sửa, nhập lại với --replace: số liệu cũ vẫn được giữ trong kho, đánh dấu đã thay thế\n", file)
		return true
	default:
		fmt.Fprintf(w, "Đã nhập %s: %d phường, kỳ %s", file, out.Stored, periodsOf(im.Records))
		if len(out.Replaced) > 0 {
			fmt.Fprintf(w, "; thay cho số liệu của %d phường nhập trước từ %s (vẫn giữ trong kho)", len(out.Replaced), filesOf(out.Replaced))
		}
		if skipped > 0 {
			fmt.Fprintf(w, "; %d phường có lỗi không được nhập", skipped)
		}
		fmt.Fprintln(w)
	}
	return false
}

func periodsOf(rs []archive.Record) string {
	var ps []string
	for _, r := range rs {
		if !slices.Contains(ps, r.Period) {
			ps = append(ps, r.Period)
		}
	}
	return strings.Join(ps, ", ")
}

func filesOf(rs []archive.Record) string {
	var fs []string
	for _, r := range rs {
		if !slices.Contains(fs, r.Source.File) {
			fs = append(fs, r.Source.File)
		}
	}
	return strings.Join(fs, ", ")
}

// sheetsWithErrors are the sheets (file index, sheet index) with a problem that
// is neither missing data nor a warning: their values are not stored.
func sheetsWithErrors(ps []submission.Problem) map[[2]int]bool {
	bad := map[[2]int]bool{}
	for _, p := range ps {
		if !p.Missing && !p.Warning && p.Sheet != "" {
			bad[[2]int{p.Pos.File, p.Pos.Sheet}] = true
		}
	}
	return bad
}
