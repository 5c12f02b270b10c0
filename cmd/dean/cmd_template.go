package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"dean/atomicfile"
	"dean/form"
	"dean/period"
	"dean/units"
)

type templateOptions struct {
	criteria criteriaOptions
	units    unitsOption
	period   periodOption
	archive  archiveOption
	district string
	split    string
	out      string
	force    bool
	quiet    bool
}

func newTemplateCmd() *cobra.Command {
	var opts templateOptions
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Lập biểu mẫu nhập số liệu (mỗi phường một trang) để các phường, quận điền",
		Args:  cobra.NoArgs,
		Example: `  dean template --period 2027-H1 -o bieu-mau.xlsx              # 31 phường từ 1/7/2025
  dean template --split ward --period 2027-H1 -o bieu-mau/        # mỗi phường một tệp
  dean template --district "Ninh Kiều" --period 2024 -o nk-2024.xlsx   # bản đồ 2022, có quận
  dean template --split district --period 2025-H1 -o bieu-mau/
  dean template --district 916 --units don-vi.csv --period 2026 -o 916.xlsx`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTemplate(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.criteria.register(cmd, false)
	opts.units.register(cmd)
	opts.period.register(cmd, "`KỲ` báo cáo: 2026-H1 (6 tháng) hoặc 2026 (năm)")
	opts.archive.register(cmd)
	cmd.Flags().StringVar(&opts.district, "district", "", "chỉ lập cho các phường của một `QUẬN` (tên hoặc mã)")
	cmd.Flags().StringVar(&opts.split, "split", "", "ghi mỗi quận (district) hoặc mỗi phường (ward) một tệp vào thư mục -o, `CÁCH` chia: district hoặc ward")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "`TỆP` .xlsx sẽ ghi, hoặc thư mục khi có --split (bắt buộc)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "ghi đè lên tệp đã có")
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "không hiện tiến độ khi xử lý lâu")
	return cmd
}

func runTemplate(opts templateOptions, stdout, stderr io.Writer) error {
	if opts.out == "" {
		if opts.split != "" {
			return usageError{fmt.Errorf("thiếu -o THƯ_MỤC")}
		}
		return usageError{fmt.Errorf("thiếu -o TỆP.xlsx")}
	}
	if opts.split != "" && opts.split != "district" && opts.split != "ward" {
		return hinted{usageError{fmt.Errorf("--split %s: không có cách chia này", opts.split)},
			"--split district (mỗi quận một tệp) hoặc --split ward (mỗi phường một tệp)"}
	}
	p, err := opts.period.parse(true)
	if err != nil {
		return err
	}
	// A form already there may be one a district has filled in.
	if _, err := os.Stat(opts.out); err == nil && !opts.force && opts.split == "" {
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
	o := form.Options{Set: set, Wards: wards, Period: *p}
	if o.Prefill, err = prefill(opts.archive, wards, *p, stdout); err != nil {
		return err
	}
	pr := newProgress(stderr, opts.quiet, len(wards), "Lập biểu mẫu", "phường")
	defer pr.Finish()
	o.SheetDone = pr.Item
	if opts.split != "" {
		msg, err := writeSplit(opts, o)
		pr.Finish()
		if err == nil {
			fmt.Fprintln(stdout, msg)
		}
		return err
	}
	err = atomicfile.Write(opts.out, func(w io.Writer) error { return form.Write(w, o) })
	pr.Finish()
	if err != nil {
		return fileError(err)
	}
	fmt.Fprintf(stdout, "Đã ghi %s: %d phường, kỳ báo cáo %s, bộ tiêu chí %s\n", opts.out, len(wards), p.Label(), set.Version)
	return nil
}

// writeSplit writes one template a district or a ward into the folder -o. It
// writes nothing if any of the files is there already, unless --force: they may
// be forms districts have filled in.
func writeSplit(opts templateOptions, o form.Options) (string, error) {
	set, p, wards := o.Set, o.Period, o.Wards
	var files []form.File
	switch opts.split {
	case "district":
		var err error
		files, err = form.SplitByDistrict(wards)
		var none *form.NoDistrictError
		if errors.As(err, &none) {
			return "", hinted{usageError{fmt.Errorf("--split district: danh mục đơn vị có %v", err)},
				"từ 1/7/2025 các phường báo cáo trực tiếp, không qua quận: dùng --split ward để mỗi phường một tệp"}
		}
		if err != nil {
			return "", err
		}
	case "ward":
		files = form.SplitByWard(wards)
	}
	dir := opts.out
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return "", usageError{fmt.Errorf("-o %s: với --split, -o là thư mục, nhưng %s là một tệp", dir, dir)}
	}
	if !opts.force {
		var there []string
		for _, f := range files {
			if _, err := os.Lstat(filepath.Join(dir, f.Name)); err == nil {
				there = append(there, f.Name)
			}
		}
		if len(there) > 0 {
			return "", hinted{fmt.Errorf("thư mục %s đã có %d tệp sẽ bị ghi đè, không ghi tệp nào: %s", dir, len(there), strings.Join(there, ", ")),
				"chọn thư mục khác, hoặc thêm --force nếu thật sự muốn thay các tệp này"}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fileError(err)
	}
	if err := form.WriteFiles(dir, files, o); err != nil {
		return "", fileError(err)
	}
	each := "mỗi quận một tệp"
	if opts.split == "ward" {
		each = "mỗi phường một tệp"
	}
	return fmt.Sprintf("Đã ghi %d tệp (%s) vào %s: %d phường, kỳ báo cáo %s, bộ tiêu chí %s",
		len(files), each, dir, len(wards), p.Label(), set.Version), nil
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

// prefill is what the archive holds of each ward's same period a year earlier,
// for the template's "Cùng kỳ năm trước"; nothing without an archive.
func prefill(o archiveOption, wards []units.Ward, p period.Period, stdout io.Writer) (map[string]form.Prefill, error) {
	arc, err := o.openIfAny()
	if arc == nil || err != nil {
		return nil, err
	}
	defer arc.Close()
	ly := arc.LastYear(units.BundledMerger())
	out := map[string]form.Prefill{}
	filled, merged := 0, 0
	for _, w := range wards {
		prior, ok, err := ly.Prior(context.Background(), w, p)
		if err != nil {
			return nil, fmt.Errorf("đọc kho lưu trữ %s: %w", arc.Path(), err)
		}
		if !ok {
			continue
		}
		pre := form.Prefill{Values: prior.Values, Partial: len(prior.Partial) > 0}
		switch {
		case len(prior.Missing) > 0:
			pre.Note = fmt.Sprintf("Không điền sẵn cùng kỳ năm trước: kho lưu trữ chưa có số liệu kỳ %s của %s", prior.Period, strings.Join(prior.Missing, ", "))
		case strings.HasPrefix(prior.Basis, "tệp "):
			pre.Note = "kỳ " + prior.Period
		default:
			pre.Note = "kỳ " + prior.Period + ", " + strings.TrimPrefix(prior.Basis, "tổng các đơn vị cũ, ")
			merged++
		}
		if len(prior.Values) > 0 {
			filled++
			if pre.Partial {
				pre.Note += fmt.Sprintf("; số liệu của %s được tính cả đơn vị cũ: hãy trừ phần không sáp nhập vào phường này", strings.Join(prior.Partial, ", "))
			}
		}
		out[w.Code] = pre
	}
	if filled > 0 {
		fmt.Fprintf(stdout, "Đã điền sẵn cùng kỳ năm trước cho %d phường từ kho lưu trữ %s", filled, arc.Path())
		if merged > 0 {
			fmt.Fprintf(stdout, " (%d phường mới: tổng của các phường cũ)", merged)
		}
		fmt.Fprintln(stdout)
	}
	return out, nil
}
