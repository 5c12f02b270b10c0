package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"dean"
	"dean/assess"
	"dean/atomicfile"
	"dean/criteria"
	"dean/report"
)

type reportOptions struct {
	formsOptions
	meta     string
	pdf      string
	xlsx     string
	date     string
	register string
}

func newReportCmd() *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "report [FILE...] --period 2026-H1|2026",
		Short: "Lập báo cáo 6 tháng (15/5) hoặc năm (15/11): PDF theo thể thức văn bản hành chính và sổ Excel",
		Args:  cobra.ArbitraryArgs,
		Example: `  dean report testdata/can-tho-2022/*.xlsx --period 2022 --pdf bao-cao.pdf --xlsx bao-cao.xlsx
  dean report bieu-mau/*.xlsx --period 2026-H1 --meta report.yaml --date 2026-05-14 --pdf bc.pdf
  dean report --period 2026 --pdf bc-2026.pdf --xlsx bc-2026.xlsx    # từ kho lưu trữ (dean.db)`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runReport(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.formsOptions.register(cmd, true, "`KỲ` báo cáo (bắt buộc): 2026-H1 (6 tháng, hạn 15/5) hoặc 2026 (năm, hạn 15/11)")
	cmd.Flags().StringVar(&opts.meta, "meta", "", "`TỆP` report.yaml: cơ quan ban hành, số ký hiệu, người ký, nơi nhận, phương hướng (xem report/report.example.yaml)")
	cmd.Flags().StringVar(&opts.pdf, "pdf", "", "ghi báo cáo PDF vào `TỆP` này")
	cmd.Flags().StringVar(&opts.xlsx, "xlsx", "", "ghi sổ Excel vào `TỆP` này")
	cmd.Flags().StringVar(&opts.register, "register", "", "`TỆP` sổ công nhận cho phần tiến độ (mặc định: "+defaultRegister+" nếu có)")
	cmd.Flags().StringVar(&opts.date, "date", "", "`NGÀY` của báo cáo, 15/5/2026 hoặc 2026-05-15 (mặc định: hạn nộp của kỳ, 15/5 hoặc 15/11)")
	return cmd
}

func runReport(opts reportOptions, stdout, stderr io.Writer) error {
	if opts.pdf == "" && opts.xlsx == "" {
		return usageError{fmt.Errorf("cần ít nhất một trong --pdf TỆP hoặc --xlsx TỆP")}
	}
	if opts.pdf != "" && filepath.Clean(opts.pdf) == filepath.Clean(opts.xlsx) {
		return usageError{fmt.Errorf("--pdf và --xlsx cùng là %s: chọn hai tệp khác nhau", opts.pdf)}
	}
	var fixed time.Time
	if opts.date != "" {
		var err error
		if fixed, err = parseDate(opts.date); err != nil {
			return usageError{fmt.Errorf("--date %q: viết ngày/tháng/năm (15/5/2026) hoặc năm-tháng-ngày (2026-05-15)", opts.date)}
		}
	}
	meta, err := loadMeta(opts.meta)
	if err != nil {
		return err
	}
	b, err := opts.read(readMode{needPeriod: true, keep: true, stderr: stderr})
	if err != nil {
		return err
	}
	date := b.period.Due()
	if !fixed.IsZero() {
		date = fixed
	}
	inputs := append(append([]string{}, b.files...), opts.criteria.file, opts.criteria.params, opts.units.file, opts.meta)
	for _, out := range []string{opts.pdf, opts.xlsx} {
		if out == "" {
			continue
		}
		if err := atomicfile.Guard(out, inputs); err != nil {
			return err
		}
	}
	if err := usable(b, stderr); err != nil {
		return err
	}
	res := b.Result
	hashes, err := hashInputs(b, opts)
	if err != nil {
		return err
	}
	in := report.Input{
		Result: res, Criteria: b.set, Units: b.units, Period: *b.period,
		Window: meta.WindowFor(*b.period), Date: date, Meta: meta,
		Sources: map[string]report.Source{}, Files: hashes,
	}
	for _, w := range b.Wards {
		in.Sources[w.Code] = source(b.set, w)
	}
	reg, err := loadRegister(opts.register)
	if err != nil {
		return err
	}
	arc, err := opts.archive.openIfAny()
	if err != nil {
		return err
	}
	if arc != nil {
		defer arc.Close()
	}
	if err := withHistory(&in, newResults(arc, opts.criteria, b.set).withOwn(res), reg); err != nil {
		return fmt.Errorf("đọc kho lưu trữ: %w", err)
	}
	pr := newProgress(stderr, opts.quiet, -1, "Ghi báo cáo", "")
	if err := writeOutputs(reportOutputs(opts, in, b.period.Label(), len(res.Wards)), stdout, pr); err != nil {
		return err
	}
	if t := res.Summary.NotSubmittedText(); t != "" {
		fmt.Fprintln(stdout, t)
	}
	printProblems(stderr, b.Problems)
	if failed(b) {
		return reported{problemSummary(b) + " — báo cáo đã lập từ những gì đọc được; sửa biểu mẫu rồi lập lại (dean check)"}
	}
	return nil
}

// output is one file the report command writes.
type output struct {
	path  string
	write func(io.Writer) error
	done  string // said once it is written
	err   error
}

func reportOutputs(opts reportOptions, in report.Input, label string, wards int) []*output {
	var outs []*output
	if opts.pdf != "" {
		outs = append(outs, &output{path: opts.pdf, write: func(w io.Writer) error { return report.WritePDF(w, report.Build(in)) },
			done: fmt.Sprintf("Đã ghi %s: báo cáo %s, %d phường", opts.pdf, label, wards)})
	}
	if opts.xlsx != "" {
		outs = append(outs, &output{path: opts.xlsx, write: func(w io.Writer) error { return report.WriteXLSX(w, report.BuildWorkbook(in)) },
			done: fmt.Sprintf("Đã ghi %s: sổ tổng hợp %s, %d phường", opts.xlsx, label, wards)})
	}
	return outs
}

// writeOutputs writes the files at the same time, each on a core of its own,
// then says which were written, in a fixed order, and returns the first error.
// A panic in a writer is raised again here, where the command reports it.
func writeOutputs(outs []*output, stdout io.Writer, pr *progress) error {
	var wg sync.WaitGroup
	var once sync.Once
	var crash any
	for _, o := range outs {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { crash = r })
				}
			}()
			o.err = atomicfile.Write(o.path, o.write)
		})
	}
	stop := pr.Spin()
	wg.Wait()
	stop()
	if crash != nil {
		panic(crash)
	}
	var first error
	for _, o := range outs {
		if o.err != nil {
			first = cmp.Or(first, fileError(o.err))
			continue
		}
		fmt.Fprintln(stdout, o.done)
	}
	return first
}

func loadMeta(path string) (report.Meta, error) {
	if path == "" {
		return report.DefaultMeta(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return report.Meta{}, fileError(err)
	}
	return report.ParseMeta(data, path)
}

// hashInputs fingerprints every file the report was made from, so an auditor can
// tell exactly which forms, criteria and metadata produced it.
func hashInputs(b *batch, opts reportOptions) ([]report.FileHash, error) {
	var out []report.FileHash
	add := func(role, path string, data []byte) {
		sum := sha256.Sum256(data)
		out = append(out, report.FileHash{Role: role, Path: path, SHA256: hex.EncodeToString(sum[:])})
	}
	// A form's fingerprint is the one taken when it was read (or imported into
	// the archive, whose forms may be long gone from the disk).
	known := map[int]string{}
	for _, w := range b.Wards {
		known[w.Submission.Source.FileIndex] = w.Submission.Source.SHA256
	}
	for i, f := range b.files {
		if sum, ok := known[i]; ok {
			out = append(out, report.FileHash{Role: "Số liệu", Path: f, SHA256: sum})
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fileError(err)
		}
		add("Số liệu", f, data)
	}
	if opts.criteria.file == "" {
		add("Bộ tiêu chí", "criteria.yaml (mặc định)", dean.DefaultCriteria)
	}
	for _, f := range []struct{ role, path string }{
		{"Bộ tiêu chí", opts.criteria.file}, {"Ngưỡng thay đổi", opts.criteria.params},
		{"Danh mục đơn vị", opts.units.file}, {"Thông tin báo cáo", opts.meta},
	} {
		if f.path == "" {
			continue
		}
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, fileError(err)
		}
		add(f.role, f.path, data)
	}
	return out, nil
}

// source is where a ward's values were read, as the workbook's "Chi tiết" shows it.
func source(set *criteria.Set, w assess.Ward) report.Source {
	s := report.Source{File: w.Submission.Source.File, Sheet: w.Submission.Source.Sheet, Values: w.Values, Cells: map[string][2]string{}}
	for _, e := range w.Submission.Entries {
		in := set.Input(strings.ToLower(e.ID))
		if in == nil {
			continue
		}
		if _, seen := s.Cells[in.ID]; seen {
			continue
		}
		refs := [2]string{e.Now.At.String(), ""}
		if in.YoY {
			refs[1] = e.Prev.At.String()
		}
		s.Cells[in.ID] = refs
	}
	return s
}

// parseDate reads a date as staff write it (15/5/2026, 15/05/2026) or as ISO
// 8601 (2026-05-15): the report prints dates the first way.
func parseDate(s string) (time.Time, error) {
	var err error
	for _, layout := range []string{"2/1/2006", "2006-01-02"} {
		var t time.Time
		if t, err = time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}
