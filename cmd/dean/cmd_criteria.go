package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dean/criteria"
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
	return &cobra.Command{
		Use:     "check [FILE]",
		Short:   "Kiểm tra một tệp tiêu chí, báo mọi lỗi kèm số dòng",
		Args:    cobra.MaximumNArgs(1),
		Example: "  dean criteria check\n  dean criteria check tieu-chi-2026.yaml",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := criteriaOptions{}
			if len(args) == 1 {
				opts.file = args[0]
			}
			return runCriteriaCheck(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
}

func runCriteriaCheck(opts criteriaOptions, stdout, stderr io.Writer) error {
	set, err := opts.load()
	if ps, ok := unwrapProblems(err); ok {
		for _, p := range ps {
			fmt.Fprintf(stderr, "dean: lỗi: %s\n", p)
		}
		return reported{fmt.Sprintf("%d lỗi trong bộ tiêu chí", len(ps))}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: hợp lệ — phiên bản %s, %d nhóm, %d tiêu chí, %d chỉ số, %d tham số\n",
		opts.name(), set.Version, len(set.Areas), len(set.Criteria()), len(set.Inputs()), len(set.Params))
	return nil
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
