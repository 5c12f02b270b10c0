package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dean/criteria"
	"dean/score"
)

func newCriteriaCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "criteria",
		Short:   "Xem và kiểm tra bộ tiêu chí (criteria.yaml)",
		Example: "  dean criteria show\n  dean criteria check tieu-chi-2026.yaml",
	}
	cmd.AddCommand(newCriteriaCheckCmd(), newCriteriaShowCmd())
	return cmd
}

func newCriteriaCheckCmd() *cobra.Command {
	var opts criteriaOptions
	cmd := &cobra.Command{
		Use:   "check [FILE]",
		Short: "Kiểm tra một tệp tiêu chí: báo mọi lỗi kèm số dòng, chạy mọi ví dụ trong tệp",
		Long: `Kiểm tra một tệp tiêu chí (mặc định: bộ tiêu chí kèm theo dean): báo mọi lỗi kèm số
dòng, rồi chạy mọi ví dụ (examples) ghi trong tệp và báo ví dụ nào cho kết quả khác.
Ví dụ luôn chạy với các ngưỡng ghi trong tệp. Có --set hoặc --params thì lệnh kiểm tra
thêm các ngưỡng mới, liệt kê ngưỡng nào khác tệp và ví dụ nào đổi kết quả theo chúng.`,
		Args: cobra.MaximumNArgs(1),
		Example: `  dean criteria check
  dean criteria check tieu-chi-2026.yaml
  dean criteria check tieu-chi-2026.yaml --set giam_toi_pham_ttxh=5%`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.file = args[0]
			}
			return runCriteriaCheck(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&opts.params, "params", "", "`TỆP` YAML thay đổi ngưỡng cần kiểm tra: params: {tên: giá trị}")
	cmd.Flags().StringArrayVar(&opts.sets, "set", nil, "ngưỡng cần kiểm tra `TÊN=GIÁ_TRỊ`, ví dụ --set giam_toi_pham_ttxh=5% (lặp lại được)")
	return cmd
}

// runCriteriaCheck validates the file, runs its examples against the file's own
// thresholds, and, given --set or --params, shows what the new thresholds change.
func runCriteriaCheck(opts criteriaOptions, stdout, stderr io.Writer) error {
	fileOnly := criteriaOptions{file: opts.file, ownExamples: true}
	set, err := fileOnly.load()
	if ps, ok := unwrapProblems(err); ok {
		for _, p := range ps {
			fmt.Fprintf(stderr, "dean: lỗi: %s\n", p)
		}
		return reported{fmt.Sprintf("%d lỗi trong bộ tiêu chí", len(ps))}
	}
	if err != nil {
		return err
	}
	var used *criteria.Set
	if opts.params != "" || len(opts.sets) > 0 {
		opts.ownExamples = true
		if used, err = opts.load(); err != nil {
			return err
		}
	}
	file := opts.file
	if file == "" {
		file = "criteria.yaml"
	}
	if ps := exampleProblems(set, file); len(ps) > 0 {
		for _, p := range ps {
			fmt.Fprintf(stderr, "dean: lỗi: %s\n", p)
		}
		broken := map[int]bool{}
		for _, p := range ps {
			broken[p.Line] = true
		}
		return reported{fmt.Sprintf("%d ví dụ không cho đúng kết quả ghi trong tệp: sửa quy tắc, ngưỡng hoặc ví dụ", len(broken))}
	}
	examples := 0
	var without []string
	for _, c := range set.Criteria() {
		examples += len(c.Examples)
		if len(c.Examples) == 0 {
			without = append(without, c.ID)
		}
	}
	ran := fmt.Sprintf("%d ví dụ đều cho đúng kết quả", examples)
	if examples == 0 {
		ran = "chưa có ví dụ nào"
	}
	fmt.Fprintf(stdout, "%s: hợp lệ — phiên bản %s, %d nhóm, %d tiêu chí, %d chỉ số, %d tham số; %s\n",
		opts.name(), set.Version, len(set.Areas), len(set.Criteria()), len(set.Inputs()), len(set.Params), ran)
	if len(without) > 0 && examples > 0 {
		fmt.Fprintf(stdout, "Tiêu chí chưa có ví dụ: %s\n", strings.Join(without, ", "))
	}
	if used != nil {
		showThresholdChanges(set, used, file, stdout)
	}
	return nil
}

// exampleProblems runs a criteria file's examples on the set as parsed (before
// --set and --params) and states each mismatch as a problem at the example's
// line. A command that should refuse such a file, as check does, can return them.
func exampleProblems(set *criteria.Set, file string) criteria.Problems {
	var ps criteria.Problems
	for _, f := range score.CheckExamples(set) {
		ps = append(ps, criteria.Problem{File: file, Line: f.Line, Msg: f.String()})
	}
	return ps
}

// showThresholdChanges lists the thresholds given on the command line that differ
// from the file, and the examples whose verdict they change: what a re-scoring
// with them would move, at the boundaries the file pins.
func showThresholdChanges(set, used *criteria.Set, file string, w io.Writer) {
	changes := criteria.Compare(used, set)
	if len(changes.Params) == 0 {
		fmt.Fprintln(w, "Các ngưỡng đã cho trùng với ngưỡng trong tệp.")
		return
	}
	fmt.Fprintln(w, "Ngưỡng khác với tệp (các ví dụ ở trên chạy với ngưỡng của tệp):")
	for _, p := range changes.Params {
		fmt.Fprintf(w, "  %s: %s (trong tệp: %s) — %s\n", p.Name, p.Used, p.Base, p.Label)
	}
	moved := score.CheckExamples(used)
	if len(moved) == 0 {
		fmt.Fprintln(w, "Với các ngưỡng này, mọi ví dụ vẫn cho cùng kết quả.")
		return
	}
	fmt.Fprintf(w, "Với các ngưỡng này, %d kết quả trong các ví dụ đổi:\n", len(moved))
	for _, f := range moved {
		fmt.Fprintf(w, "  %s:%d: %s, ví dụ %q: %s %s thay vì %s\n", file, f.Line, f.Criterion, f.Example, f.ID, f.Got.Text(), f.Want.Text())
	}
}

func unwrapProblems(err error) (criteria.Problems, bool) {
	if h, ok := err.(hinted); ok {
		err = h.err
	}
	ps, ok := err.(criteria.Problems)
	return ps, ok
}

func newCriteriaShowCmd() *cobra.Command {
	var opts criteriaOptions
	cmd := &cobra.Command{
		Use:     "show",
		Short:   "In bộ tiêu chí thành bảng: nhóm, tiêu chí, chỉ số, quy tắc, ngưỡng",
		Args:    cobra.NoArgs,
		Example: "  dean criteria show\n  dean criteria show --set giam_toi_pham_ttxh=5%",
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, err := opts.load()
			if err != nil {
				return err
			}
			return showCriteria(set, cmd.OutOrStdout())
		},
	}
	opts.register(cmd, true)
	return cmd
}

func showCriteria(set *criteria.Set, w io.Writer) error {
	fmt.Fprintf(w, "Bộ tiêu chí phiên bản %s\nCăn cứ: %s\n\n", set.Version, set.Source)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "THAM SỐ\tGIÁ TRỊ\tNỘI DUNG")
	for _, p := range set.Params {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Name, p.Text(), p.Label)
	}
	tw.Flush()
	for _, a := range set.Areas {
		fmt.Fprintf(w, "\nNhóm %s — %s\n", a.ID, a.Name)
		for _, c := range a.Criteria {
			fmt.Fprintf(w, "  %s. %s\n", c.ID, c.Name)
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			for _, in := range c.Inputs {
				rule := "—"
				if in.Rule != nil {
					rule = set.Describe(in.Rule)
				}
				kind := "số"
				if in.Kind == criteria.Bool {
					kind = "Có/Không"
				}
				if in.YoY {
					kind += ", so cùng kỳ"
				}
				fmt.Fprintf(tw, "    %s\t%s\t%s\n", in.ID, kind, rule)
			}
			tw.Flush()
		}
	}
	return nil
}
