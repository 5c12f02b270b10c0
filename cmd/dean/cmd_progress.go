package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"dean"
	"dean/atomicfile"
	"dean/period"
	"dean/plan"
	"dean/score"
	"dean/units"
)

type progressOptions struct {
	archive  archiveOption
	criteria criteriaOptions
	register string
	format   string
	out      string
}

// defaultRegister is the register looked for in the working folder, beside dean.db.
const defaultRegister = "cong-nhan.csv"

func newProgressCmd() *cobra.Command {
	var opts progressOptions
	cmd := &cobra.Command{
		Use:   "progress",
		Short: "Tiến độ Đề án theo từng năm: phường đạt 22/22 theo kết quả chấm, phường được công nhận, so với chỉ tiêu",
		Args:  cobra.NoArgs,
		Example: `  dean progress
  dean progress --register quyet-dinh-cong-nhan.csv
  dean progress --format json -o tien-do.json
  dean progress --set giam_toi_pham_ttxh=5%      # đếm lại với ngưỡng khác`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runProgress(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.archive.register(cmd)
	opts.criteria.register(cmd, true)
	cmd.Flags().StringVar(&opts.register, "register", "", "`TỆP` sổ công nhận (CSV: danh_muc,ma_phuong,ten_phuong,nam,so_quyet_dinh,ngay_quyet_dinh; mặc định: "+defaultRegister+" nếu có)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "`KIỂU` kết quả: table hoặc json")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "ghi kết quả vào `TỆP` này (mặc định: màn hình)")
	return cmd
}

func runProgress(opts progressOptions, stdout, stderr io.Writer) error {
	if opts.format != "table" && opts.format != "json" {
		return usageError{fmt.Errorf("--format %q: chọn table hoặc json", opts.format)}
	}
	set, err := opts.criteria.load()
	if err != nil {
		return err
	}
	base, err := dean.DefaultSet()
	if err != nil {
		return err
	}
	arc, err := opts.archive.open()
	if err != nil {
		return err
	}
	defer arc.Close()
	reg, err := loadRegister(opts.register)
	if err != nil {
		return err
	}
	years, err := trackArchive(context.Background(), newResults(arc, opts.criteria, set), reg, nil)
	if err != nil {
		return err
	}
	merger := units.BundledMerger()
	info := score.InfoOf(set, base)
	write := func(w io.Writer) error {
		if opts.format == "json" {
			score.WriteNotice(stderr, info) // the JSON stays JSON
			return plan.WriteJSON(w, years)
		}
		score.WriteNotice(w, info)
		if reg == nil {
			fmt.Fprintf(w, "(Chưa có sổ công nhận %s: cột công nhận để trống. Chỉ sổ bằng --register.)\n\n", defaultRegister)
		}
		return plan.WriteTable(w, years, reg, merger)
	}
	if opts.out == "" {
		return write(stdout)
	}
	return fileError(atomicfile.Write(opts.out, write))
}

// loadRegister reads the register named, or cong-nhan.csv when it exists; nil
// when there is none.
func loadRegister(path string) (*plan.Register, error) {
	if path == "" {
		path = defaultRegister
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(err)
	}
	defer f.Close()
	return plan.ParseRegister(f, path, units.Bundled()...)
}

// trackArchive lays out the years from the plan's start to the last the archive
// holds (up to period upTo, when given), with the wards at 22/22 of each year's
// stored annual assessment (or the six-month one while the year is under way).
func trackArchive(ctx context.Context, rs results, reg *plan.Register, upTo *period.Period) ([]plan.Year, error) {
	pl := plan.Default()
	codes, err := rs.arc.Periods(ctx)
	if err != nil {
		return nil, err
	}
	last := pl.Start
	scores := map[int]plan.Scores{}
	for _, code := range codes {
		p, err := period.Parse(code)
		if err != nil || upTo != nil && after(p, *upTo) {
			continue
		}
		last = max(last, p.Year)
		if _, annual := scores[p.Year]; annual && !scores[p.Year].Half {
			continue
		}
		s, err := periodScores(ctx, rs, p)
		if err != nil {
			return nil, err
		}
		scores[p.Year] = s
	}
	listFor := func(year int) *units.List {
		l, _ := period.Period{Year: year}.Units()
		return l
	}
	return plan.Track(pl, pl.Start, last, scores, reg, units.BundledMerger(), listFor), nil
}

// periodScores counts a period's wards with a stored result and those at 22/22.
func periodScores(ctx context.Context, rs results, p period.Period) (plan.Scores, error) {
	scores, err := rs.of(ctx, p.String())
	if err != nil {
		return plan.Scores{}, err
	}
	s := plan.Scores{Year: p.Year, Half: p.Half, Assessed: len(scores)}
	s.List, _ = p.Units()
	for _, sc := range scores {
		if sc.Total > 0 && sc.Passed == sc.Total {
			s.Model = append(s.Model, sc.Ward.Key())
		}
	}
	return s, nil
}

// after reports whether p comes after q: a year's six months come before the
// year.
func after(p, q period.Period) bool {
	if p.Year != q.Year {
		return p.Year > q.Year
	}
	return q.Half && !p.Half
}
