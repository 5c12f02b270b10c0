package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dean/criteria"
	"dean/form"
	"dean/period"
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
}

// needPeriod: the command requires --period; cells: keep each value's cell (the
// report's sources need them, scoring does not).
func readForms(files []string, co criteriaOptions, uo unitsOption, po periodOption, needPeriod, cells bool) (*batch, error) {
	files, err := expandFiles(files)
	if err != nil {
		return nil, err
	}
	set, err := co.load()
	if err != nil {
		return nil, err
	}
	list, err := uo.load()
	if err != nil {
		return nil, err
	}
	p, err := po.parse(needPeriod)
	if err != nil {
		return nil, err
	}
	sheets, problems := form.Read(files, form.ReadOptions{Set: set, Units: list, Period: p, Cells: cells})
	return &batch{set, list, p, files, sheets, problems}, nil
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
// passes them through unexpanded. A name that exists is taken as it is.
func expandFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if _, err := os.Stat(a); err == nil || !strings.ContainsAny(a, "*?[") {
			out = append(out, a)
			continue
		}
		matches, err := filepath.Glob(a)
		if err != nil || len(matches) == 0 {
			return nil, fmt.Errorf("không có tệp nào khớp với %s", a)
		}
		out = append(out, matches...)
	}
	return out, nil
}
