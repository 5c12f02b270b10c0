package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"dean/criteria"
	"dean/form"
	"dean/period"
	"dean/score"
	"dean/units"
)

// batch is what the form-reading commands work from: the model and what the forms
// held. A problem inside a form is data, not an error: it is in problems.
type batch struct {
	set      *criteria.Set
	units    *units.List
	period   *period.Period // nil when --period was not given
	files    []string
	sheets   []form.Sheet
	problems []form.Problem
	// cards holds the scores made while reading, by file and sheet, when the
	// command asked for them (mode.score); the sheets then carry no values.
	cards map[[2]string]score.Card
}

// readMode says what a command needs from the forms.
type readMode struct {
	needPeriod bool // --period is required
	cells      bool // each value's cell, for the report's sources
	score      bool // score each ward as it is read and keep only the score
}

// formsOptions are what every form-reading command (check, score, report) takes.
type formsOptions struct {
	criteria criteriaOptions
	units    unitsOption
	period   periodOption
	files    []string
}

func (o *formsOptions) register(cmd *cobra.Command, thresholds bool, periodUsage string) {
	o.criteria.register(cmd, thresholds)
	o.units.register(cmd)
	o.period.register(cmd, periodUsage)
}

// read loads the model and reads the forms.
func (o *formsOptions) read(mode readMode) (*batch, error) {
	files, err := expandFiles(o.files)
	if err != nil {
		return nil, err
	}
	set, err := o.criteria.load()
	if err != nil {
		return nil, err
	}
	list, err := o.units.load()
	if err != nil {
		return nil, err
	}
	p, err := o.period.parse(mode.needPeriod)
	if err != nil {
		return nil, err
	}
	b := &batch{set: set, units: list, period: p, files: files}
	opts := form.ReadOptions{Set: set, Units: list, Period: p, Cells: mode.cells}
	if mode.score {
		// Scoring beside the reading overlaps the two and lets each ward's values
		// go at once, so memory stays flat however many files there are.
		var mu sync.Mutex
		b.cards = map[[2]string]score.Card{}
		opts.Each = func(s form.Sheet) {
			card := score.Evaluate(set, s.Values)
			mu.Lock()
			b.cards[[2]string{s.File, s.Sheet}] = card
			mu.Unlock()
		}
	}
	b.sheets, b.problems = form.Read(files, opts)
	return b, nil
}

func printProblems(w io.Writer, problems []form.Problem) {
	for _, p := range problems {
		kind := "lỗi"
		if p.Missing {
			kind = "thiếu số liệu"
		}
		fmt.Fprintf(w, "dean: %s: %s\n", kind, p)
	}
}

func countProblems(problems []form.Problem) (errs, missing int) {
	for _, p := range problems {
		if p.Missing {
			missing++
		} else {
			errs++
		}
	}
	return errs, missing
}

func problemSummary(b *batch) string {
	errs, missing := countProblems(b.problems)
	return fmt.Sprintf("%d tệp, %d trang phường: %d lỗi, %d mục thiếu số liệu", len(b.files), len(b.sheets), errs, missing)
}

// expandFiles expands patterns such as *.xlsx itself, because Windows' cmd.exe
// passes them through unexpanded. A name that exists is taken as it is, and a file
// named twice (*.xlsx ninh-kieu.xlsx) is read once.
func expandFiles(args []string) ([]string, error) {
	var out []string
	var seen []os.FileInfo
	add := func(name string) {
		if fi, err := os.Stat(name); err == nil {
			for _, s := range seen {
				if os.SameFile(s, fi) {
					return
				}
			}
			seen = append(seen, fi)
		}
		out = append(out, name)
	}
	for _, a := range args {
		if _, err := os.Stat(a); err == nil || !strings.ContainsAny(a, "*?[") {
			add(a)
			continue
		}
		matches, err := filepath.Glob(a)
		if err != nil || len(matches) == 0 {
			return nil, fmt.Errorf("không có tệp nào khớp với %s", a)
		}
		for _, m := range matches {
			add(m)
		}
	}
	return out, nil
}
