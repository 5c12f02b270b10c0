package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"dean/archive"
	"dean/assess"
	"dean/form"
	"dean/submission"
	"dean/units"
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
// scoring. Each file is one transaction. Files are read side by side but stored
// in the order given, each as soon as it and those before it are read, so a
// nationwide import holds a few files at a time, never all.
func runImport(opts importOptions, stdout, stderr io.Writer) error {
	arc, err := opts.archive.create()
	if err != nil {
		return err
	}
	defer arc.Close()
	m, err := opts.model(false)
	if err != nil {
		return err
	}
	ctx := context.Background()
	asOf, err := arc.Last(ctx)
	if err != nil {
		return fmt.Errorf("đọc kho lưu trữ %s: %w", arc.Path(), err)
	}
	imp := &importer{arc: arc, m: m, replace: opts.replace, crit: runCriteria(opts.criteria, m.set),
		prior: priorFrom(arc.LastYearAsOf(units.BundledMerger(), asOf)), at: time.Now(), seen: map[[2]string]submission.Source{},
		ready: map[int]*readFile{}, lines: make([][]string, len(m.files))}
	pr := newProgress(stderr, opts.quiet, len(m.files), "Nhập biểu mẫu", "tệp")
	ro := form.ReadOptions{Set: m.set, Units: m.list, Period: m.period, FileDone: func(i int, ps []submission.Problem) {
		imp.fileDone(i, ps)
		pr.Item()
	}}
	imp.problems = append(imp.problems, form.Read(m.files, ro, imp.add)...)
	pr.Finish()
	imp.problems = append(imp.problems, m.skipped...)
	submission.Sort(imp.problems)
	if imp.err != nil {
		return imp.err
	}
	printProblems(stdout, imp.problems)
	for _, ls := range imp.lines {
		for _, l := range ls {
			fmt.Fprintln(stdout, l)
		}
	}
	errs, missing, warnings := submission.Count(imp.problems)
	summary := fmt.Sprintf("%d tệp, %d trang phường: %d lỗi, %d mục thiếu số liệu", len(m.files), imp.wards, errs, missing)
	if warnings > 0 {
		summary += fmt.Sprintf(", %d cảnh báo", warnings)
	}
	if errs+missing > 0 || imp.refused {
		fmt.Fprintln(stdout, "dean: "+summary+" — chỉ nhập những phường không có lỗi")
		return reported{}
	}
	fmt.Fprintln(stdout, summary)
	return nil
}

// importer stores files as they are read, in the order given.
type importer struct {
	arc     *archive.Archive
	m       *model
	crit    archive.Criteria
	replace bool
	prior   func(units.Ward, string) (submission.Prior, bool)
	at      time.Time

	mu       sync.Mutex
	pending  map[int][]submission.Submission // sheets read, by file, until the file is done
	ready    map[int]*readFile               // files read, waiting for those before them
	next     int                             // the next file to store
	seen     map[[2]string]submission.Source // ward and period stored in this run, and where from
	problems []submission.Problem
	lines    [][]string // what each file's import did, by file
	wards    int
	refused  bool
	err      error // the archive failed: nothing more is stored
}

// readFile is a file read and not yet stored.
type readFile struct {
	subs     []submission.Submission
	problems []submission.Problem
}

func (imp *importer) add(s submission.Submission) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	if imp.pending == nil {
		imp.pending = map[int][]submission.Submission{}
	}
	imp.pending[s.Source.FileIndex] = append(imp.pending[s.Source.FileIndex], s)
}

// fileDone stores, in order, every file read up to the first one still being
// read.
func (imp *importer) fileDone(i int, ps []submission.Problem) {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.ready[i] = &readFile{subs: imp.pending[i], problems: ps}
	delete(imp.pending, i)
	for f := imp.ready[imp.next]; f != nil; f = imp.ready[imp.next] {
		delete(imp.ready, imp.next)
		if imp.err == nil {
			imp.store(imp.next, f)
		}
		imp.next++
	}
}

// store checks, scores and stores one file's wards.
func (imp *importer) store(i int, f *readFile) {
	file := imp.m.files[i]
	m := imp.m
	a := assess.New(assess.Options{Set: m.set, Base: m.base, Units: m.list, Period: m.period, Keep: true, Prior: imp.prior})
	for _, s := range f.subs {
		a.Add(s)
	}
	as := a.Finish()
	imp.wards += len(f.subs)
	// Reading's problems reach the command from form.Read; the check's are
	// this file's own.
	ps := as.Problems
	bad := sheetsWithErrors(slices.Concat(ps, f.problems))
	im := archive.Import{File: file, Criteria: imp.crit, Replace: imp.replace, At: imp.at}
	skipped := 0
	for _, w := range as.Wards {
		s := w.Submission
		p := s.Period
		if imp.m.period != nil {
			p = imp.m.period.String()
		}
		if bad[[2]int{s.Source.FileIndex, s.Source.SheetIndex}] || p == "" {
			skipped++
			continue
		}
		key := [2]string{s.Ward.Key().String(), p}
		if first, dup := imp.seen[key]; dup {
			ps = append(ps, submission.Problem{File: file, Sheet: s.Source.Sheet, Cell: s.CodeAt.String(),
				Msg: fmt.Sprintf("phường %s (mã %s) kỳ %s đã có ở tệp %s, trang %q trong lần nhập này: số liệu ở trang này không được nhập", s.Ward.Name, s.Ward.Code, p, first.File, first.Sheet),
				Pos: submission.Pos{File: i, Sheet: s.Source.SheetIndex, Row: s.CodeAt.Row, Col: s.CodeAt.Col}})
			skipped++
			continue
		}
		im.SHA256 = s.Source.SHA256
		im.Records = append(im.Records, archive.NewRecord(imp.m.set, p, s, w.Values))
		im.Cards = append(im.Cards, w.Card)
	}
	imp.problems = append(imp.problems, ps...)
	if im.SHA256 == "" { // nothing to store: the problems say why
		return
	}
	if fi, err := os.Stat(file); err == nil {
		im.Size = fi.Size()
	}
	out, err := imp.arc.Import(context.Background(), im)
	if err != nil {
		imp.err = fmt.Errorf("không nhập được %s vào kho %s (kho giữ nguyên như trước với tệp này): %w", file, imp.arc.Path(), fileError(err))
		return
	}
	if out.Stored > 0 {
		for _, r := range im.Records {
			imp.seen[[2]string{r.Ward.Key().String(), r.Period}] = r.Source
		}
	}
	var b strings.Builder
	imp.refused = sayImported(&b, file, im, out, skipped) || imp.refused
	imp.lines[i] = strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
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
