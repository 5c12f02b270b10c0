package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"dean/atomicfile"
	"dean/criteria"
	"dean/form"
	"dean/score"
)

type scoreOptions struct {
	formsOptions
	format string
	out    string
}

func newScoreCmd() *cobra.Command {
	var opts scoreOptions
	cmd := &cobra.Command{
		Use:   "score FILE...",
		Short: "Chấm điểm từng phường theo 22 tiêu chí từ các biểu mẫu đã điền",
		Args:  cobra.MinimumNArgs(1),
		Example: `  dean score testdata/can-tho-2022/*.xlsx
  dean score --format json -o diem-2022.json testdata/can-tho-2022/*.xlsx
  dean score --set giam_toi_pham_ttxh=5% --format csv -o diem.csv bieu-mau/*.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runScore(opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	opts.formsOptions.register(cmd, true, "`KỲ` báo cáo: 2026-H1 hoặc 2026 (mặc định: kỳ ghi trên biểu mẫu)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "`KIỂU` kết quả: table, json hoặc csv")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "ghi kết quả vào `TỆP` này (mặc định: màn hình)")
	return cmd
}

func runScore(opts scoreOptions, stdout, stderr io.Writer) error {
	write, ok := map[string]func(io.Writer, score.Result) error{
		"table": writeTable, "json": writeJSON, "csv": writeCSV,
	}[opts.format]
	if !ok {
		return usageError{fmt.Errorf("--format %q: chọn table, json hoặc csv", opts.format)}
	}
	b, err := opts.read(readMode{score: true})
	if err != nil {
		return err
	}
	if err := atomicfile.Guard(opts.out, b.files); opts.out != "" && err != nil {
		return err
	}
	res, err := scoreBatch(b)
	if err != nil {
		return err
	}
	if err := usable(b, res, stderr); err != nil {
		return err
	}
	if opts.out == "" {
		err = write(stdout, res)
	} else {
		err = atomicfile.Write(opts.out, func(w io.Writer) error { return write(w, res) })
	}
	if err != nil {
		return fileError(err)
	}
	printProblems(stderr, b.problems)
	if len(b.problems) > 0 {
		return reported{problemSummary(b) + " — đã chấm những gì đọc được; sửa biểu mẫu rồi chấm lại (dean check)"}
	}
	return nil
}

// scoreBatch scores every ward read, in the order of the units list. form.Read
// returns each known ward once (a ward found twice is a problem it reports).
func scoreBatch(b *batch) (score.Result, error) {
	p, err := batchPeriod(b)
	if err != nil {
		return score.Result{}, err
	}
	res := score.Result{Criteria: info(b.set), Period: p, Wards: evaluateAll(b, b.sheets)}
	order := map[string]int{}
	for i, w := range b.units.Wards {
		order[w.Code] = i
	}
	sort.SliceStable(res.Wards, func(i, j int) bool { return order[res.Wards[i].Code] < order[res.Wards[j].Code] })
	res.Summary = score.Summarize(res.Wards)
	return res, nil
}

// usable refuses to write results when no ward had a single value to score: an
// empty or all-missing output would replace a good file, or pass for a real
// report, while every form was unreadable or for another period.
func usable(b *batch, res score.Result, stderr io.Writer) error {
	for _, w := range res.Wards {
		if len(w.With(score.Missing)) < w.Total {
			return nil
		}
	}
	printProblems(stderr, b.problems)
	return hinted{fmt.Errorf("không có số liệu phường nào dùng được (%s), không ghi kết quả", problemSummary(b)),
		"xem các lỗi ở trên, hoặc kiểm tra biểu mẫu bằng dean check"}
}

// evaluateAll scores the sheets on every core (Evaluate is pure, and a
// nationwide run has thousands of wards), or takes the scores made while reading.
func evaluateAll(b *batch, sheets []form.Sheet) []score.Ward {
	wards := make([]score.Ward, len(sheets))
	parallel(len(sheets), func(i int) {
		s := sheets[i]
		card, ok := b.cards[[2]string{s.File, s.Sheet}]
		if !ok {
			card = score.Evaluate(b.set, s.Values)
		}
		wards[i] = score.Ward{
			Code: s.Ward.Code, Name: s.Ward.Name, District: s.Ward.District, Card: card,
		}
	})
	return wards
}

// parallel runs do(0) … do(n-1) on every core.
func parallel(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// batchPeriod is --period, or else the one period every form names.
func batchPeriod(b *batch) (string, error) {
	if b.period != nil {
		return b.period.String(), nil
	}
	var found []string
	for _, s := range b.sheets {
		if s.Period != "" && !slices.Contains(found, s.Period) {
			found = append(found, s.Period)
		}
	}
	if len(found) > 1 {
		sort.Strings(found)
		return "", hinted{fmt.Errorf("các biểu mẫu thuộc nhiều kỳ báo cáo khác nhau: %s", strings.Join(found, ", ")),
			"chỉ định kỳ cần chấm bằng --period"}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", nil
}

func info(set *criteria.Set) score.Info {
	ps := map[string]string{}
	for _, p := range set.Params {
		ps[p.Name] = p.Text()
	}
	return score.Info{Version: set.Version, Source: set.Source, Params: ps}
}

// writeJSON writes the result as json.Encoder with a two-space indent would, but
// one ward at a time: a nationwide run is tens of megabytes of JSON, which should
// not sit in memory twice (encoded, then indented).
func writeJSON(w io.Writer, res score.Result) error {
	bw := bufio.NewWriter(w)
	field := func(name string, v any, last bool) error {
		b, err := marshal(v, "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(bw, "  %q: %s", name, b)
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	bw.WriteString("{\n")
	if err := field("criteria", res.Criteria, false); err != nil {
		return err
	}
	if err := field("period", res.Period, false); err != nil {
		return err
	}
	bw.WriteString("  \"wards\": [")
	// Wards are encoded in parallel, a chunk at a time, then written in order:
	// encoding is most of the work after reading, and a chunk bounds the memory.
	const chunk = 256
	for start := 0; start < len(res.Wards); start += chunk {
		part := res.Wards[start:min(start+chunk, len(res.Wards))]
		encoded := make([][]byte, len(part))
		errs := make([]error, len(part))
		parallel(len(part), func(i int) { encoded[i], errs[i] = marshal(part[i], "    ") })
		for i, b := range encoded {
			if errs[i] != nil {
				return errs[i]
			}
			if start+i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(b)
		}
	}
	if len(res.Wards) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	if err := field("summary", res.Summary, true); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func marshal(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func writeTable(w io.Writer, res score.Result) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MÃ\tPHƯỜNG\tQUẬN\tĐẠT\tTIÊU CHÍ KHÔNG ĐẠT\tTHIẾU DỮ LIỆU")
	for _, wd := range res.Wards {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d\t%s\t%s\n", wd.Code, wd.Name, wd.District, wd.Passed, wd.Total,
			dash(wd.With(score.Fail)), dash(wd.With(score.Missing)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	total := 0
	if len(res.Wards) > 0 {
		total = res.Wards[0].Total
	}
	fmt.Fprintf(w, "\nTổng hợp %s: %d phường, %d phường đạt chuẩn (%d/%d tiêu chí).\n",
		periodText(res.Period), res.Summary.Wards, res.Summary.ModelWards, total, total)
	if len(res.Wards) > 0 {
		fmt.Fprintln(w, upperFirst(res.Summary.Sentence(total))+".")
	}
	return nil
}

func periodText(code string) string {
	if code == "" {
		return "(không rõ kỳ)"
	}
	return "kỳ " + code
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

func dash(ids []string) string {
	if len(ids) == 0 {
		return "—"
	}
	return strings.Join(ids, ", ")
}

// writeCSV writes UTF-8 with a BOM, which Excel needs to show the diacritics.
func writeCSV(w io.Writer, res score.Result) error {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true // Excel on Windows
	header := []string{"Mã phường", "Tên phường", "Quận", "Số tiêu chí đạt", "Tổng số tiêu chí", "Đạt chuẩn"}
	if len(res.Wards) > 0 {
		for _, c := range res.Wards[0].Criteria {
			header = append(header, c.ID)
		}
	}
	cw.Write(header)
	for _, wd := range res.Wards {
		row := []string{wd.Code, wd.Name, wd.District, fmt.Sprint(wd.Passed), fmt.Sprint(wd.Total), map[bool]string{true: "Có", false: "Không"}[wd.Model]}
		for _, c := range wd.Criteria {
			row = append(row, c.Verdict.Text())
		}
		for i := range row {
			row[i] = neutralise(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// neutralise stops a spreadsheet from running a cell as a formula (CSV injection):
// a value that begins with = + - @ (or a tab or carriage return) is prefixed with '.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", []rune(s)[0]) {
		return "'" + s
	}
	return s
}
