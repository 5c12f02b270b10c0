package report

import (
	"fmt"
	"strings"

	"dean/score"
)

// resultsSection is part I: the city's picture by district, the distribution of
// criteria met, the model wards, each criterion's pass rate and the plan.
func resultsSection(in Input, st stats) Section {
	s := Section{Heading: "KẾT QUẢ THỰC HIỆN"}
	add := func(b ...Block) { s.Blocks = append(s.Blocks, b...) }

	n := 0 // the sub-sections' numbers: the trend's is there only with an archive
	sub := func(title string) Block {
		n++
		return heading(1, fmt.Sprintf("%d. %s", n, title))
	}

	add(sub("Kết quả đánh giá theo Bộ tiêu chí"))
	add(para(scopeText(st)))
	if st.districted {
		add(table(districtTable(st)))
	}
	if t := notSubmittedText(in.Result.Summary.NotSubmitted); t != "" {
		add(para(t))
	}
	add(para("Đối chiếu với Bộ tiêu chí, có: " + distribution(st.summary, st.total)))
	add(table(distributionTable(st)))
	if st.missing > 0 {
		add(para("Tiêu chí thiếu số liệu không được tính là đạt; các tiêu chí và chỉ số còn thiếu của từng phường ghi tại Phụ lục."))
	}

	add(sub("Các phường đạt chuẩn"))
	add(para(modelText(st)))

	add(sub("Kết quả theo từng tiêu chí"))
	add(para(fmt.Sprintf("Tỷ lệ phường đạt của từng tiêu chí trên tổng số %s phường được đánh giá:", num(len(st.wards)))))
	add(table(criterionTable(st)))
	add(Block{Kind: ChartBlock, Chart: criterionChart(st)})

	if in.Trend.hasTrend() {
		add(sub("Diễn biến kết quả qua các kỳ"))
		add(trendBlocks(in, st)...)
	}

	add(sub("Tiến độ so với lộ trình của Đề án"))
	add(planBlocks(in, st)...)
	if len(in.Progress) > 0 {
		add(progressBlocks(in)...)
	}
	return s
}

// scopeText opens part I: how many wards were assessed, where, and with what
// result; on a map with districts it leads to the district table.
func scopeText(st stats) string {
	where := "của thành phố"
	if st.districted {
		where = fmt.Sprintf("trên địa bàn %s quận", num(len(st.districts)))
	}
	scope := fmt.Sprintf("Đã đánh giá %s phường %s", num(len(st.wards)), where)
	if st.cityWards > len(st.wards) {
		scope = fmt.Sprintf("Đã đánh giá %s/%s phường %s (%s phường chưa có số liệu)",
			num(len(st.wards)), num(st.cityWards), where, num(st.cityWards-len(st.wards)))
	}
	if st.missing > 0 {
		// Said where the wards are counted, so a report from incomplete forms
		// never reads as a normal one.
		scope += fmt.Sprintf(", trong đó %s phường thiếu số liệu, chưa đánh giá đầy đủ", num(st.missing))
	}
	s := fmt.Sprintf("%s; có %s phường đạt đủ %d/%d tiêu chí (đạt chuẩn), bình quân mỗi phường đạt %s/%d tiêu chí.",
		scope, num(len(st.model)), st.total, st.total, mean(st.passed, len(st.wards)), st.total)
	if st.districted {
		s += " Kết quả theo từng quận như sau:"
	}
	return s
}

// districtTable is Table 1. When some wards lack data it gains a column saying
// how many in each district, beside the wards counted.
func districtTable(st stats) Table {
	t := Table{
		Caption: "Kết quả đánh giá theo quận",
		Columns: []Column{{"STT", 13, "C"}, {"Quận", 40, "L"}, {"Số phường", 25, "C"},
			{"Phường đạt chuẩn", 30, "C"}, {"Tỷ lệ đạt chuẩn", 28, "C"}, {"Bình quân tiêu chí đạt", 32, "C"}},
	}
	withMissing := st.missing > 0
	if withMissing {
		t.Columns = append(t.Columns[:3:3], append([]Column{{"Thiếu số liệu", 25, "C"}}, t.Columns[3:]...)...)
	}
	cells := func(first, name string, wards, missing, model int, share, mean string) []string {
		c := []string{first, name, num(wards)}
		if withMissing {
			c = append(c, num(missing))
		}
		return append(c, num(model), share, mean)
	}
	var w, m, c, x int
	for i, d := range st.districts {
		t.Rows = append(t.Rows, Row{Cells: cells(fmt.Sprint(i+1), d.Name, d.Wards, d.Missing, d.Model,
			share(d.Model, d.Wards), mean(d.Criteria, d.Wards)), Marked: d.Missing > 0})
		w, m, c, x = w+d.Wards, m+d.Model, c+d.Criteria, x+d.Missing
	}
	t.Rows = append(t.Rows, Row{Bold: true, Cells: cells("", "Toàn thành phố", w, x, m, share(m, w), mean(c, w))})
	return t
}

func distributionTable(st stats) Table {
	t := Table{
		Caption: "Số phường theo số tiêu chí đạt",
		Columns: []Column{{"Số tiêu chí đạt", 50, "C"}, {"Số phường", 50, "C"}, {"Tỷ lệ", 50, "C"}},
	}
	n := len(st.wards)
	for _, k := range st.summary.Levels() {
		c := st.summary.Distribution[fmt.Sprint(k)]
		t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprintf("%d/%d", k, st.total), num(c), share(c, n)}})
	}
	t.Rows = append(t.Rows, Row{Bold: true, Cells: []string{"Tổng số", num(n), share(n, n)}})
	return t
}

func modelText(st stats) string {
	if len(st.model) == 0 {
		best := 0
		for _, w := range st.wards {
			best = max(best, w.Passed)
		}
		return fmt.Sprintf("Chưa có phường nào đạt đủ %d/%d tiêu chí; số tiêu chí đạt cao nhất là %d/%d (%s phường).",
			st.total, st.total, best, st.total, num(st.summary.Distribution[fmt.Sprint(best)]))
	}
	var names []string
	for _, w := range st.model {
		if st.districted {
			names = append(names, wardName(w))
		} else {
			names = append(names, w.Name)
		}
	}
	return fmt.Sprintf("Có %s phường đạt đủ %d/%d tiêu chí: %s.", num(len(st.model)), st.total, st.total, joinVa(names, ", "))
}

func criterionTable(st stats) Table {
	t := Table{
		Caption: "Tỷ lệ phường đạt theo từng tiêu chí",
		Columns: []Column{{"Tiêu chí", 18, "C"}, {"Nội dung", 82, "L"}, {"Phường đạt", 20, "C"},
			{"Không đạt", 20, "C"}, {"Thiếu số liệu", 20, "C"}, {"Tỷ lệ đạt", 20, "C"}},
	}
	n := len(st.wards)
	for _, c := range st.criteria {
		t.Rows = append(t.Rows, Row{Cells: []string{c.ID, c.Name, num(c.Pass), num(c.Fail), num(c.Missing),
			share(c.Pass, n)}, Marked: n > 0 && c.Pass*2 < n})
	}
	return t
}

func criterionChart(st stats) *Chart {
	ch := &Chart{Caption: "Tỷ lệ phường đạt theo từng tiêu chí (%)", Max: 100}
	n := len(st.wards)
	for _, c := range st.criteria {
		v := 0.0
		if n > 0 {
			v = float64(c.Pass) * 100 / float64(n)
		}
		ch.Bars = append(ch.Bars, Bar{Label: c.ID, Value: v, Text: share(c.Pass, n), Low: v < 50})
	}
	return ch
}

// indicatorText says what an indicator lacks: its label, then the explanation.
func indicatorText(in Input, ind score.Indicator) string {
	label := ind.ID
	if x := in.Criteria.Input(ind.ID); x != nil {
		label = x.Label
	}
	return strings.TrimSpace(label + ": " + ind.Explanation())
}
