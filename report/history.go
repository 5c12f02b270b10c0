package report

import (
	"fmt"
	"math"

	"dean/period"
	"dean/units"
)

// Trend is each ward's criteria met over the periods dean's archive holds.
type Trend struct {
	// Periods are period codes, oldest first ("2025", "2026-H1", "2026"), all
	// of them on the report's units list.
	Periods []string
	Rows    []TrendRow // in the units list's order
}

// TrendRow is one ward's criteria met, period by period.
type TrendRow struct {
	Ward   units.Ward
	Passed []int // per period; -1 when the archive has no result for the ward
	Total  int   // criteria in all (22)
	// Before, for a ward of the map from 1/7/2025 whose predecessors have
	// results before the merger, says them: "trước sáp nhập (năm 2024): Thới
	// Bình 18/22, Tân An (cũ) 17/22, Xuân Khánh 22/22"; "" otherwise.
	Before string
}

// trendPeriods is how many periods, the latest, the PDF's table shows: more
// would not fit the page's width. The workbook shows them all.
const trendPeriods = 6

// hasTrend says whether there is a trend to show.
func (t *Trend) hasTrend() bool { return t != nil && len(t.Periods) > 0 && len(t.Rows) > 0 }

// periodLabel names a period code as a column title: "Năm 2025", "6 tháng đầu
// năm 2026"; a code dean cannot read is shown as it is.
func periodLabel(code string) string {
	p, err := period.Parse(code)
	if err != nil {
		return code
	}
	return upperFirst(p.Label())
}

func periodText(code string) string {
	p, err := period.Parse(code)
	if err != nil {
		return "kỳ " + code
	}
	return p.Label()
}

// passedAt is a row's criteria met in period i, and whether it has a result.
func (r TrendRow) passedAt(i int) (int, bool) {
	if i >= len(r.Passed) || r.Passed[i] < 0 {
		return 0, false
	}
	return r.Passed[i], true
}

// model says whether the ward met every criterion in period i.
func (r TrendRow) model(i int) bool {
	n, ok := r.passedAt(i)
	return ok && r.Total > 0 && n == r.Total
}

// trendBlocks is the sub-section on the trend: how many model wards each
// period had, those that did not keep the standard, and the table.
func trendBlocks(in Input, st stats) []Block {
	tr := in.Trend
	from := max(0, len(tr.Periods)-trendPeriods)
	periods := tr.Periods[from:]
	var bs []Block

	var counts []string
	for i, code := range tr.Periods {
		n, assessed := 0, 0
		for _, r := range tr.Rows {
			if _, ok := r.passedAt(i); ok {
				assessed++
			}
			if r.model(i) {
				n++
			}
		}
		counts = append(counts, fmt.Sprintf("%s có %s/%s phường đạt chuẩn", periodText(code), num(n), num(assessed)))
	}
	bs = append(bs, para("Qua các kỳ đánh giá đã lưu: "+joinVa(counts, "; ")+"."))
	if k := len(tr.Periods); k >= 2 {
		var lost []string
		for _, r := range tr.Rows {
			if n, ok := r.passedAt(k - 1); r.model(k-2) && ok && n < r.Total {
				lost = append(lost, fmt.Sprintf("%s (%d/%d)", r.Ward.Name, n, r.Total))
			}
		}
		if len(lost) > 0 {
			bs = append(bs, para(fmt.Sprintf("Có %s phường đạt chuẩn %s nhưng chưa giữ được %s: phường %s.",
				num(len(lost)), periodText(tr.Periods[k-2]), periodText(tr.Periods[k-1]), joinVa(lost, ", "))))
		}
	}
	intro := "Số tiêu chí đạt của từng phường qua các kỳ"
	if from > 0 {
		intro += fmt.Sprintf(" (%s kỳ gần nhất; các kỳ trước ghi tại sổ Excel)", two(len(periods)))
	}
	bs = append(bs, lead(intro+"; ô in đậm là kỳ phường đạt chuẩn, dấu “—” là kỳ không có kết quả của phường:"))

	t := Table{Caption: "Diễn biến số tiêu chí đạt của từng phường qua các kỳ", Columns: []Column{{"STT", 13, "C"}, {"Phường", 32, "L"}}}
	if st.districted {
		t.Columns = append(t.Columns, Column{"Quận", 24, "L"})
	}
	for _, code := range periods {
		t.Columns = append(t.Columns, Column{periodLabel(code), 18, "C"})
	}
	notes := false
	for _, r := range tr.Rows {
		notes = notes || r.Before != ""
	}
	if notes {
		used := 0.0
		for _, c := range t.Columns {
			used += c.Width
		}
		t.Columns = append(t.Columns, Column{"Ghi chú", max(45, 185-used), "L"})
	}
	for i, r := range tr.Rows {
		row := Row{Cells: []string{fmt.Sprint(i + 1), r.Ward.Name}}
		if st.districted {
			row.Cells = append(row.Cells, r.Ward.District)
		}
		for j := range periods {
			n, ok := r.passedAt(from + j)
			if !ok {
				row.Cells = append(row.Cells, "—")
				continue
			}
			if r.model(from + j) {
				row.Strong = append(row.Strong, len(row.Cells))
			}
			row.Cells = append(row.Cells, fmt.Sprintf("%d/%d", n, r.Total))
		}
		if notes {
			row.Cells = append(row.Cells, upperFirst(r.Before))
		}
		t.Rows = append(t.Rows, row)
	}
	return append(bs, table(t))
}

// trendSheet is "Diễn biến": each ward's criteria met, a column a period, and
// what its predecessors met before the merger.
func trendSheet(in Input, st stats) Sheet {
	tr := in.Trend
	s := Sheet{Name: "Diễn biến", Filter: true,
		Pre: [][]Cell{{title("DIỄN BIẾN SỐ TIÊU CHÍ ĐẠT CỦA TỪNG PHƯỜNG QUA CÁC KỲ")},
			{text(fmt.Sprintf("Số tiêu chí đạt (trên %d) theo kết quả chấm số liệu đã lưu; ô trống: kỳ không có kết quả của phường.", trendTotal(tr)))}, {}},
		Header: []string{"Mã phường", "Phường"}, Widths: []float64{10, 18}}
	if st.districted {
		s.Header, s.Widths = append(s.Header, "Quận"), append(s.Widths, 12)
	}
	s.FreezeCols = len(s.Header)
	for _, code := range tr.Periods {
		s.Header, s.Widths = append(s.Header, periodLabel(code)), append(s.Widths, 11)
	}
	// The notes take what a portrait page leaves, down to 30 characters.
	notes := max(30, (portraitPx-s.pixels(len(s.Widths))-colPad)/charPx)
	s.Header, s.Widths = append(s.Header, "Trước sáp nhập"), append(s.Widths, math.Floor(notes))
	s.Wrap = []int{len(s.Header) - 1}
	for _, r := range tr.Rows {
		row := []Cell{text(r.Ward.Code), text(r.Ward.Name)}
		if st.districted {
			row = append(row, text(r.Ward.District))
		}
		for i := range tr.Periods {
			if n, ok := r.passedAt(i); ok {
				row = append(row, integer(int64(n)))
			} else {
				row = append(row, Cell{Kind: Empty})
			}
		}
		before := Cell{Kind: Empty}
		if r.Before != "" {
			before = text(upperFirst(r.Before))
		}
		s.Rows = append(s.Rows, append(row, before))
	}
	return s
}

// trendTotal is the criteria in all, as the rows say.
func trendTotal(tr *Trend) int {
	for _, r := range tr.Rows {
		if r.Total > 0 {
			return r.Total
		}
	}
	return 0
}
