package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"dean"
	"dean/archive"
	"dean/assess"
	"dean/criteria"
	"dean/form"
	"dean/period"
	"dean/submission"
	"dean/units"
)

// batch is what the form-reading commands work from: the model and the
// assessment of what the forms held. A problem inside a form is data, not an
// error: it is in the assessment's problems.
type batch struct {
	set    *criteria.Set
	units  *units.List    // the list the wards belong to; nil when they belong to several
	period *period.Period // nil when --period was not given
	files  []string
	*assess.Assessment
}

// readMode says what a command needs from the forms.
type readMode struct {
	needPeriod bool // --period is required
	keep       bool // each ward's values and cells, for the report's sources
	// prior is the archive a form's last year is compared with; nil: the one
	// --archive names, when it exists.
	prior *archive.Archive
	// stderr shows progress, when it is a terminal.
	stderr io.Writer
}

// formsOptions are what every form-reading command (check, score, report) takes.
type formsOptions struct {
	criteria criteriaOptions
	units    unitsOption
	period   periodOption
	archive  archiveOption
	files    []string
	quiet    bool
}

func (o *formsOptions) register(cmd *cobra.Command, thresholds bool, periodUsage string) {
	o.criteria.register(cmd, thresholds)
	o.units.register(cmd)
	o.period.register(cmd, periodUsage)
	o.archive.register(cmd)
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "không hiện tiến độ khi xử lý lâu")
}

// model is what forms are read against: the files, the criteria (and the
// bundled ones, to disclose departures), the units list and the period.
type model struct {
	files   []string
	skipped []submission.Problem // lock files a folder or pattern caught
	set     *criteria.Set
	base    *criteria.Set
	list    *units.List    // nil: each form's period chooses
	period  *period.Period // nil when --period was not given
}

// model loads what the forms are read against. Without files a period is
// needed: it is then read from the archive.
func (o *formsOptions) model(needPeriod bool) (*model, error) {
	m := &model{}
	var err error
	if m.files, m.skipped, err = expandFiles(o.files); err != nil {
		return nil, err
	}
	if m.set, err = o.criteria.load(); err != nil {
		return nil, err
	}
	if m.period, err = o.period.parse(needPeriod || len(m.files) == 0); err != nil {
		if len(m.files) == 0 && o.period.text == "" {
			return nil, usageError{fmt.Errorf("cần tệp biểu mẫu, hoặc --period KỲ để dùng số liệu trong kho lưu trữ")}
		}
		return nil, err
	}
	if m.list, err = o.units.load(m.period); err != nil {
		return nil, err
	}
	if m.base, err = dean.DefaultSet(); err != nil {
		return nil, err
	}
	return m, nil
}

// assessor starts an assessment against the model.
func (m *model) assessor(keep bool) *assess.Assessor {
	a := assess.New(assess.Options{Set: m.set, Base: m.base, Units: m.list, Period: m.period, Keep: keep})
	a.Problems(m.skipped...)
	return a
}

// read loads the model and reads the forms, or with no files the period from
// the archive.
func (o *formsOptions) read(mode readMode) (*batch, error) {
	m, err := o.model(mode.needPeriod)
	if err != nil {
		return nil, err
	}
	prior := mode.prior
	if prior == nil {
		if prior, err = o.archive.openIfAny(); err != nil {
			return nil, err
		}
		if prior != nil {
			defer prior.Close()
		}
	}
	a := m.assessor(mode.keep)
	files := m.files
	if len(files) == 0 {
		if files, err = o.fromArchive(prior, *m.period, m.list, a); err != nil {
			return nil, err
		}
	} else {
		if prior != nil {
			a.Prior(priorFrom(prior.LastYear(units.BundledMerger())))
		}
		pr := newProgress(mode.stderr, o.quiet, len(files), "Đọc biểu mẫu", "tệp")
		ro := form.ReadOptions{Set: m.set, Units: m.list, Period: m.period, FileDone: func(int, []submission.Problem) { pr.Item() }}
		a.Problems(form.Read(files, ro, func(s submission.Submission) { a.Add(s); pr.Ward() })...)
		pr.Finish()
	}
	as := a.Finish()
	return &batch{set: m.set, units: as.Units, period: m.period, files: files, Assessment: as}, nil
}

// fromArchive hands the period's current submissions of the list to a, and
// returns the files they were read from.
func (o *formsOptions) fromArchive(arc *archive.Archive, p period.Period, list *units.List, a *assess.Assessor) ([]string, error) {
	if arc == nil {
		_, err := o.archive.open() // says there is none, and what to do
		return nil, err
	}
	recs, err := arc.Current(context.Background(), p.String())
	if err != nil {
		return nil, fmt.Errorf("đọc kho lưu trữ %s: %w", arc.Path(), err)
	}
	var files []string
	index := map[string]int{}
	other := map[string]int{}
	for _, r := range recs {
		if r.Ward.List != list.ID {
			other[r.Ward.List]++
			continue
		}
		s := r.Submission()
		i, ok := index[s.Source.SHA256]
		if !ok {
			i = len(files)
			index[s.Source.SHA256] = i
			files = append(files, s.Source.File)
		}
		s.Source.FileIndex = i
		a.Add(s)
	}
	if len(files) == 0 {
		return nil, hinted{fmt.Errorf("kho lưu trữ %s chưa có số liệu kỳ %s của danh mục %s", arc.Path(), p, list.ID),
			"nhập biểu mẫu của kỳ này bằng dean import"}
	}
	for id, n := range other {
		a.Problems(submission.Problem{Warning: true, Msg: fmt.Sprintf("kho lưu trữ có %d phường kỳ %s theo danh mục %s, khác danh mục đang dùng (%s): không tính", n, p, id, list.ID)})
	}
	return files, nil
}

// Caps on the messages printed: a file of junk rows can hold a hundred thousand
// problems, and a terminal needs the first few and a count.
const (
	maxPerSheet = 30
	maxPerFile  = 100
)

// printProblems prints every problem, up to maxPerSheet a sheet and maxPerFile a
// file; the rest are counted in one line ("… và 1.234 vấn đề khác ở trang …").
// The summary still counts them all.
func printProblems(w io.Writer, problems []submission.Problem) {
	var sheetPrinted, filePrinted, sheetHidden, fileHidden int
	more := func(n int, where string) {
		if n > 0 {
			fmt.Fprintf(w, "dean: … và %s vấn đề khác ở %s (sửa những lỗi trên rồi kiểm tra lại)\n", criteria.FormatInt(int64(n)), where)
		}
	}
	for i, p := range problems {
		if i > 0 {
			prev := problems[i-1]
			if p.File != prev.File || p.Sheet != prev.Sheet {
				more(sheetHidden, fmt.Sprintf("trang %q của tệp %s", prev.Sheet, prev.File))
				sheetHidden, sheetPrinted = 0, 0
			}
			if p.File != prev.File {
				more(fileHidden, "tệp "+prev.File)
				fileHidden, filePrinted = 0, 0
			}
		}
		switch {
		case filePrinted >= maxPerFile:
			fileHidden++
		case sheetPrinted >= maxPerSheet:
			sheetHidden++
		default:
			fmt.Fprintf(w, "dean: %s: %s\n", p.Kind(), p)
			sheetPrinted++
			filePrinted++
		}
	}
	if n := len(problems); n > 0 {
		more(sheetHidden, fmt.Sprintf("trang %q của tệp %s", problems[n-1].Sheet, problems[n-1].File))
		more(fileHidden, "tệp "+problems[n-1].File)
	}
}

func problemSummary(b *batch) string {
	errs, missing, warnings := submission.Count(b.Problems)
	s := fmt.Sprintf("%d tệp, %d trang phường: %d lỗi, %d mục thiếu số liệu", len(b.files), len(b.Wards), errs, missing)
	if warnings > 0 {
		s += fmt.Sprintf(", %d cảnh báo", warnings)
	}
	return s
}

// failed tells whether anything but warnings was found.
func failed(b *batch) bool {
	errs, missing, _ := submission.Count(b.Problems)
	return errs+missing > 0
}

// onePeriod refuses to score submissions of several periods together.
func onePeriod(b *batch) error {
	if len(b.Periods) > 1 {
		return hinted{fmt.Errorf("các biểu mẫu thuộc nhiều kỳ báo cáo khác nhau: %s", strings.Join(b.Periods, ", ")),
			"chỉ định kỳ cần chấm bằng --period"}
	}
	return nil
}
