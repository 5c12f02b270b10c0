package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"dean/atomicfile"
	"dean/form"
)

type templateOptions struct {
	criteria criteriaOptions
	units    unitsOption
	period   periodOption
	district string
	out      string
	force    bool
}

func newTemplateCmd() *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Lập biểu mẫu nhập số liệu (mỗi phường một trang) để các quận điền",
		Args:  cobra.NoArgs,
		Example: `  dean template --period 2026-H1 -o bieu-mau.xlsx
  dean template --district "Ninh Kiều" --period 2026 -o ninh-kieu-2026.xlsx
  dean template --district 916 --units don-vi.csv --period 2026 -o 916.xlsx`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTemplate(opts, cmd.OutOrStdout())
		},
	}
	opts.criteria.register(cmd, false)
	opts.units.register(cmd)
	opts.period.register(cmd, "`KỲ` báo cáo: 2026-H1 (6 tháng) hoặc 2026 (năm)")
	cmd.Flags().StringVar(&opts.district, "district", "", "chỉ lập cho các phường của một `QUẬN` (tên hoặc mã)")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "`TỆP` .xlsx sẽ ghi (bắt buộc)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "ghi đè lên tệp đã có")
	return cmd
}

func runTemplate(opts templateOptions, stdout io.Writer) error {
	if opts.out == "" {
		return usageError{fmt.Errorf("thiếu -o TỆP.xlsx")}
	}
	p, err := opts.period.parse(true)
	if err != nil {
		return err
	}
	// A form already there may be one a district has filled in.
	if _, err := os.Stat(opts.out); err == nil && !opts.force {
		return hinted{fmt.Errorf("%s đã có, không ghi đè", opts.out), "chọn tên khác, hoặc thêm --force nếu thật sự muốn thay tệp này"}
	}
	set, err := opts.criteria.load()
	if err != nil {
		return err
	}
	list, err := opts.units.load(p)
	if err != nil {
		return err
	}
	wards := list.Wards
	if opts.district != "" && !list.HasDistricts() {
		return usageError{fmt.Errorf("danh mục %s (%s) không có cấp quận: từ 1/7/2025 các phường báo cáo trực tiếp, bỏ --district để lập biểu mẫu cho mọi phường", list.ID, list.Valid)}
	}
	if opts.district != "" {
		wards = list.District(opts.district)
		if len(wards) == 0 {
			return hinted{fmt.Errorf("không có quận %q trong danh mục đơn vị", opts.district),
				"các quận có: " + joinVi(list.Districts())}
		}
	}
	err = atomicfile.Write(opts.out, func(w io.Writer) error {
		return form.Write(w, form.Options{Set: set, Wards: wards, Period: *p})
	})
	if err != nil {
		return fileError(err)
	}
	fmt.Fprintf(stdout, "Đã ghi %s: %d phường, kỳ báo cáo %s, bộ tiêu chí %s\n", opts.out, len(wards), p.Label(), set.Version)
	return nil
}

func joinVi(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
