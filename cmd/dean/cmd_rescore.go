package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"dean"
	"dean/archive"
	"dean/assess"
	"dean/atomicfile"
	"dean/criteria"
	"dean/period"
	"dean/score"
)

type rescoreOptions struct {
	criteria criteriaOptions
	period   periodOption
	archive  archiveOption
	all      bool
	dryRun   bool
	format   string
	out      string
}

func newRescoreCmd() *cobra.Command {
	var opts rescoreOptions
	cmd := &cobra.Command{
		Use:   "rescore --period KỲ | --all",
		Short: "Chấm lại số liệu trong kho lưu trữ với ngưỡng hoặc bộ tiêu chí mới, và cho biết phường nào đổi kết quả",
		Args:  cobra.NoArgs,
		Example: `  dean rescore --all --set giam_toi_pham_ttxh=5% --dry-run
  dean rescore --period 2024 --criteria tieu-chi-2027.yaml
  dean rescore --all --params nguong-moi.yaml --format json -o thay-doi.json`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRescore(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.criteria.register(cmd, true)
	opts.period.register(cmd, "`KỲ` cần chấm lại: 2026-H1 hoặc 2026")
	opts.archive.register(cmd)
	cmd.Flags().BoolVar(&opts.all, "all", false, "chấm lại mọi kỳ có trong kho")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "chỉ cho biết thay đổi, không lưu lần chấm này vào kho")
	cmd.Flags().StringVar(&opts.format, "format", "table", "`KIỂU` kết quả: table, json hoặc csv")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "ghi kết quả vào `TỆP` này (mặc định: màn hình)")
	return cmd
}

func runRescore(opts rescoreOptions, stdout, stderr io.Writer) error {
	write, ok := assess.ChangeFormats[opts.format]
	if !ok {
		return usageError{fmt.Errorf("--format %q: chọn table, json hoặc csv", opts.format)}
	}
	if opts.all == (opts.period.text != "") {
		return usageError{fmt.Errorf("cần đúng một trong --period KỲ hoặc --all")}
	}
	set, err := opts.criteria.load()
	if err != nil {
		return err
	}
	arc, err := opts.archive.open()
	if err != nil {
		return err
	}
	defer arc.Close()
	ctx := context.Background()
	periods := []string{opts.period.text}
	if opts.all {
		if periods, err = arc.Periods(ctx); err != nil {
			return err
		}
	} else {
		p, err := opts.period.parse(true)
		if err != nil {
			return err
		}
		periods = []string{p.String()}
	}
	base, err := dean.DefaultSet()
	if err != nil {
		return err
	}
	all := assess.Changes{Criteria: score.InfoOf(set, base)}
	run := archive.Run{Kind: "rescore", Criteria: runCriteria(opts.criteria, set), At: time.Now()}
	var results []archive.Result
	rescored := 0
	sets := runSets{}
	for _, code := range periods {
		ch, res, err := rescorePeriod(ctx, arc, set, sets, code)
		if err != nil {
			return err
		}
		all.Add(ch)
		results = append(results, res...)
		rescored += len(res)
	}
	if rescored == 0 {
		return hinted{fmt.Errorf("kho lưu trữ %s không có số liệu kỳ %s", arc.Path(), opts.period.text), "nhập biểu mẫu bằng dean import"}
	}
	if opts.out == "" {
		err = write(stdout, all)
	} else {
		err = atomicfile.Write(opts.out, func(w io.Writer) error { return write(w, all) })
	}
	if err != nil {
		return fileError(err)
	}
	if opts.format == "csv" { // the CSV has no place to say it; the table and JSON do
		score.WriteNotice(stderr, all.Criteria)
	}
	if opts.dryRun {
		fmt.Fprintf(stderr, "dean: đã chấm lại %d phường (%d kỳ); --dry-run: không lưu vào kho\n", rescored, len(periods))
		return nil
	}
	if _, err := arc.SaveRun(ctx, run, results); err != nil {
		return fmt.Errorf("không lưu được lần chấm lại vào kho %s (kho giữ nguyên): %w", arc.Path(), err)
	}
	fmt.Fprintf(stderr, "dean: đã chấm lại %d phường (%d kỳ) và lưu vào kho %s\n", rescored, len(periods), arc.Path())
	return nil
}

// rescorePeriod scores a period's current submissions with set and compares them
// with their last stored scoring, whose explanations are rebuilt from the
// criteria file and thresholds that run used.
func rescorePeriod(ctx context.Context, arc *archive.Archive, set *criteria.Set, sets runSets, code string) (assess.Changes, []archive.Result, error) {
	recs, err := arc.Current(ctx, code)
	if err != nil {
		return assess.Changes{}, nil, err
	}
	p, err := period.Parse(code)
	if err != nil {
		return assess.Changes{}, nil, fmt.Errorf("kho lưu trữ có kỳ %q không hợp lệ: %w", code, err)
	}
	ids := make([]int64, len(recs))
	now := assess.New(assess.Options{Set: set, Period: &p})
	for i, r := range recs {
		ids[i] = r.ID
		now.Add(r.Submission())
	}
	after := now.Finish()
	stored, err := arc.Latest(ctx, ids)
	if err != nil {
		return assess.Changes{}, nil, err
	}
	// The wards as last stored, one assessment per criteria and thresholds used.
	byRun := map[int64]*assess.Assessor{}
	var order []int64
	for _, r := range recs {
		s, ok := stored[r.ID]
		if !ok {
			continue
		}
		a := byRun[s.Run.ID]
		if a == nil {
			old, err := sets.of(s.Run)
			if err != nil {
				return assess.Changes{}, nil, err
			}
			a = assess.New(assess.Options{Set: old, Period: &p})
			byRun[s.Run.ID] = a
			order = append(order, s.Run.ID)
		}
		a.Add(r.Submission())
	}
	var before []assess.Ward
	for _, id := range order {
		for _, w := range byRun[id].Finish().Wards {
			before = append(before, w)
		}
	}
	byKey := map[string]int64{}
	for _, r := range recs {
		byKey[r.Ward.Key().String()] = r.ID
	}
	for i, w := range before {
		before[i].Card = storedCard(w.Card, stored[byKey[w.Submission.Ward.Key().String()]].Result)
	}
	results := make([]archive.Result, 0, len(after.Wards))
	for _, w := range after.Wards {
		results = append(results, archive.ResultOf(byKey[w.Submission.Ward.Key().String()], w.Card))
	}
	return assess.Compare(code, before, after.Wards), results, nil
}

// runSets are the criteria sets of stored runs, each parsed once: an import
// stores a run per file, and most use the same file and thresholds.
type runSets map[string]*criteria.Set

func (m runSets) of(r archive.Run) (*criteria.Set, error) {
	names := slices.Sorted(maps.Keys(r.Criteria.Params))
	key := string(r.Criteria.YAML)
	for _, n := range names {
		key += "\x00" + n + "=" + r.Criteria.Params[n]
	}
	if set, ok := m[key]; ok {
		return set, nil
	}
	set, err := runSet(r)
	if err == nil {
		m[key] = set
	}
	return set, err
}

// runSet is the criteria a stored run used: its file, then its thresholds.
func runSet(r archive.Run) (*criteria.Set, error) {
	set, err := criteria.Parse(r.Criteria.YAML, fmt.Sprintf("bộ tiêu chí của lượt chấm %d", r.ID))
	if err != nil {
		return nil, err
	}
	for name, value := range r.Criteria.Params {
		if set.Param(name) == nil {
			continue
		}
		if err := set.Set(name, value); err != nil {
			return nil, fmt.Errorf("lượt chấm %d: ngưỡng %s: %w", r.ID, name, err)
		}
	}
	return set, nil
}

// storedCard keeps the rebuilt explanations but the verdicts the archive stored:
// those are what was reported then, whatever the engine says today.
func storedCard(c score.Card, r archive.Result) score.Card {
	c.Passed, c.Total = r.Passed, r.Total
	for i := range c.Criteria {
		if v, ok := r.Verdicts[c.Criteria[i].ID]; ok {
			c.Criteria[i].Verdict = v
		}
	}
	c.Model = c.Total > 0 && c.Passed == c.Total
	return c
}
