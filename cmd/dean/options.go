package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"

	"dean"
	"dean/criteria"
	"dean/period"
	"dean/units"
)

// criteriaOptions are the flags that choose the criteria and the thresholds.
type criteriaOptions struct {
	file   string
	params string
	sets   []string
	data   []byte // the criteria file's bytes, once loaded
	// ownExamples: the caller runs the file's examples itself (criteria check,
	// which reports them in full) rather than refusing the file.
	ownExamples bool
}

func (o *criteriaOptions) register(cmd *cobra.Command, thresholds bool) {
	cmd.Flags().StringVar(&o.file, "criteria", "", "`TỆP` tiêu chí YAML (mặc định: bộ tiêu chí kèm theo dean)")
	if thresholds {
		cmd.Flags().StringVar(&o.params, "params", "", "`TỆP` YAML thay đổi ngưỡng: params: {tên: giá trị}")
		cmd.Flags().StringArrayVar(&o.sets, "set", nil, "đổi một ngưỡng `TÊN=GIÁ_TRỊ`, ví dụ --set giam_toi_pham_ttxh=5% (lặp lại được)")
	}
}

func (o *criteriaOptions) name() string {
	if o.file == "" {
		return "criteria.yaml (mặc định)"
	}
	return o.file
}

// load reads the criteria, then applies the overrides file, then each --set, so
// the command line has the last word.
func (o *criteriaOptions) load() (*criteria.Set, error) {
	data, file := dean.DefaultCriteria, "criteria.yaml"
	defer func() { o.data = data }()
	if o.file != "" {
		b, err := os.ReadFile(o.file)
		if err != nil {
			return nil, fileError(err)
		}
		data, file = b, o.file
	}
	set, err := criteria.Parse(data, file)
	if err != nil {
		return nil, hinted{err, "kiểm tra tệp bằng: dean criteria check " + file}
	}
	// A file whose own examples fail would score wrongly in silence.
	if ps := exampleProblems(set, file); len(ps) > 0 && !o.ownExamples {
		return nil, hinted{ps, "các ví dụ trong tệp tiêu chí cho kết quả khác với kết quả ghi trong tệp; xem: dean criteria check " + file}
	}
	if o.params != "" {
		b, err := os.ReadFile(o.params)
		if err != nil {
			return nil, fileError(err)
		}
		if err := set.ApplyParams(b, o.params); err != nil {
			return nil, err
		}
	}
	for _, kv := range o.sets {
		if err := set.SetAssignment(kv); err != nil {
			return nil, usageError{fmt.Errorf("--set %s", err)}
		}
	}
	return set, nil
}

// unitsOption is the --units flag: the list of wards.
type unitsOption struct{ file string }

func (o *unitsOption) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.file, "units", "", "danh mục đơn vị: `TỆP` CSV ma_phuong,ten_phuong[,ma_quan,ten_quan] (mặc định: danh mục kèm theo dean có hiệu lực vào hạn nộp báo cáo của kỳ: 42 phường Cần Thơ đến 30/6/2025, 31 phường từ 1/7/2025)")
}

// load reads --units, or else takes the bundled list in force on the period's
// due date; with neither a file nor a period it is nil, and each form's own
// period chooses.
func (o *unitsOption) load(p *period.Period) (*units.List, error) {
	if o.file == "" {
		if p == nil {
			return nil, nil
		}
		return p.Units()
	}
	f, err := os.Open(o.file)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	l, err := units.Parse(f, o.file)
	if err != nil {
		return nil, fileError(err)
	}
	return l, nil
}

// periodOption is --period; required says whether the command needs one.
type periodOption struct{ text string }

func (o *periodOption) register(cmd *cobra.Command, usage string) {
	cmd.Flags().StringVar(&o.text, "period", "", usage)
}

func (o *periodOption) parse(required bool) (*period.Period, error) {
	if o.text == "" {
		if required {
			return nil, usageError{fmt.Errorf("thiếu --period (ví dụ --period 2026-H1 hoặc --period 2026)")}
		}
		return nil, nil
	}
	p, err := period.Parse(o.text)
	if err != nil {
		return nil, usageError{err}
	}
	return &p, nil
}

// fileError says in Vietnamese what went wrong with a file; the operating
// system's own words are English.
func fileError(err error) error {
	var pe *os.PathError
	if !errors.As(err, &pe) {
		return err
	}
	switch {
	case errors.Is(pe.Err, syscall.ENOENT) && pe.Op == "create":
		return fmt.Errorf("không ghi được %s: thư mục %s không tồn tại", pe.Path, filepath.Dir(pe.Path))
	case errors.Is(pe.Err, syscall.ENOENT):
		return fmt.Errorf("không tìm thấy tệp %s", pe.Path)
	case errors.Is(pe.Err, syscall.EACCES), errors.Is(pe.Err, syscall.EPERM):
		return fmt.Errorf("không có quyền đọc/ghi %s", pe.Path)
	case errors.Is(pe.Err, syscall.EISDIR):
		return fmt.Errorf("%s là một thư mục, không phải tệp", pe.Path)
	case errors.Is(pe.Err, syscall.ENOTDIR):
		return fmt.Errorf("đường dẫn %s không hợp lệ: một phần của nó là tệp, không phải thư mục", pe.Path)
	case errors.Is(pe.Err, syscall.ENOSPC):
		return fmt.Errorf("không ghi được %s: ổ đĩa đã đầy", pe.Path)
	}
	return fmt.Errorf("%s: %v", pe.Path, pe.Err)
}
