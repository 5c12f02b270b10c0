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

	add(heading(1, "1. Kết quả đánh giá theo Bộ tiêu chí"))
	sumPassed := 0
	for _, d := range st.districts {
		sumPassed += d.Criteria
	}
	scope := fmt.Sprintf("Đã đánh giá %s phường trên địa bàn %s quận", num(len(st.wards)), num(len(st.districts)))
	if st.cityWards > len(st.wards) {
		scope = fmt.Sprintf("Đã đánh giá %s/%s phường trên địa bàn %s quận (%s phường chưa có số liệu)",
			num(len(st.wards)), num(st.cityWards), num(len(st.districts)), num(st.cityWards-len(st.wards)))
	}
	add(para(fmt.Sprintf("%s; có %s phường đạt đủ %d/%d tiêu chí (đạt chuẩn), bình quân mỗi phường đạt %s/%d tiêu chí. Kết quả theo từng quận như sau:",
		scope, num(len(st.model)), st.total, st.total, mean(sumPassed, len(st.wards)), st.total)))
	add(table(districtTable(st)))
	add(para("Đối chiếu với Bộ tiêu chí, có: " + distribution(st.summary, st.total)))
	add(table(distributionTable(st)))
	if st.missing > 0 {
		add(para(fmt.Sprintf("Có %s phường còn thiếu số liệu ở một số tiêu chí; tiêu chí thiếu số liệu không được tính là đạt.", num(st.missing))))
	}

	add(heading(1, "2. Các phường đạt chuẩn"))
	add(para(modelText(st)))

	add(heading(1, "3. Kết quả theo từng tiêu chí"))
	add(para(fmt.Sprintf("Tỷ lệ phường đạt của từng tiêu chí trên tổng số %s phường được đánh giá:", num(len(st.wards)))))
	add(table(criterionTable(st)))
	add(Block{Kind: ChartBlock, Chart: criterionChart(st)})

	add(heading(1, "4. Tiến độ so với lộ trình của Đề án"))
	add(planBlocks(in, st)...)
	return s
}

func districtTable(st stats) Table {
	t := Table{
		Caption: "Bảng 1. Kết quả đánh giá theo quận",
		Columns: []Column{{"STT", 13, "C"}, {"Quận", 40, "L"}, {"Số phường", 25, "C"},
			{"Phường đạt chuẩn", 30, "C"}, {"Tỷ lệ đạt chuẩn", 28, "C"}, {"Bình quân tiêu chí đạt", 32, "C"}},
	}
	var w, m, c int
	for i, d := range st.districts {
		t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprint(i + 1), d.Name, num(d.Wards), num(d.Model),
			share(d.Model, d.Wards), mean(d.Criteria, d.Wards)}})
		w, m, c = w+d.Wards, m+d.Model, c+d.Criteria
	}
	t.Rows = append(t.Rows, Row{Bold: true, Cells: []string{"", "Toàn thành phố", num(w), num(m), share(m, w), mean(c, w)}})
	return t
}

func distributionTable(st stats) Table {
	t := Table{
		Caption: "Bảng 2. Số phường theo số tiêu chí đạt",
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
		names = append(names, "phường "+w.Name+" (quận "+w.District+")")
	}
	return fmt.Sprintf("Có %s phường đạt đủ %d/%d tiêu chí: %s.", num(len(st.model)), st.total, st.total, joinVa(names, ", "))
}

func criterionTable(st stats) Table {
	t := Table{
		Caption: "Bảng 3. Tỷ lệ phường đạt theo từng tiêu chí",
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
	ch := &Chart{Caption: "Biểu đồ 1. Tỷ lệ phường đạt theo từng tiêu chí (%)", Max: 100}
	n := len(st.wards)
	for _, c := range st.criteria {
		v := 0.0
		if n > 0 {
			v = float64(c.Pass) * 100 / float64(n)
		}
		ch.Bars = append(ch.Bars, Bar{Label: c.ID, Value: v, Text: share(c.Pass, n)})
	}
	return ch
}

func planBlocks(in Input, st stats) []Block {
	p := in.Plan.Target(in.Period.Year, len(st.districts), st.cityWards)
	p.Actual = len(st.model)
	pl := in.Plan
	var bs []Block
	bs = append(bs, para(fmt.Sprintf("Theo lộ trình của Đề án, giai đoạn 1 (%d - %d) mỗi quận xây dựng %s phường đạt chuẩn (tổng cộng %s phường); giai đoạn 2 (%d - %d) mỗi năm xây dựng thêm từ %s - %s phường, đến năm %d hoàn thành ở tất cả %s phường.",
		pl.Start, pl.Phase1End, two(pl.PerDistrict), two(pl.PerDistrict*len(st.districts)), pl.Phase1End+1, pl.End,
		two(pl.PerYearMin), two(pl.PerYearMax), pl.End, num(st.cityWards))))
	target := num(p.Min)
	if p.Max != p.Min {
		target = "từ " + num(p.Min) + " đến " + num(p.Max)
	}
	verdict := "đạt chỉ tiêu của lộ trình"
	if short := p.Shortfall(); short > 0 {
		verdict = fmt.Sprintf("còn thiếu %s phường so với mức tối thiểu", num(short))
	}
	when := fmt.Sprintf("đến hết năm %d", p.Year)
	if in.Period.Half {
		when = fmt.Sprintf("chỉ tiêu đến hết năm %d", p.Year)
	}
	bs = append(bs, para(fmt.Sprintf("Lũy kế %s (giai đoạn %d) cần %s phường đạt chuẩn; %s có %s phường đạt chuẩn, %s.",
		when, p.Phase, target, in.Period.Label(), num(p.Actual), verdict)))
	t := Table{
		Caption: fmt.Sprintf("Bảng 4. Phường đạt chuẩn so với chỉ tiêu giai đoạn 1 (mỗi quận %s phường)", two(pl.PerDistrict)),
		Columns: []Column{{"STT", 13, "C"}, {"Quận", 45, "L"}, {"Chỉ tiêu giai đoạn 1", 35, "C"},
			{"Phường đạt chuẩn", 35, "C"}, {"Đánh giá", 40, "C"}},
	}
	for i, d := range st.districts {
		goal := min(pl.PerDistrict, max(d.Wards, d.Listed))
		v, marked := "Đạt", false
		if d.Model < goal {
			v, marked = "Còn thiếu "+num(goal-d.Model), true
		}
		t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprint(i + 1), d.Name, num(goal), num(d.Model), v}, Marked: marked})
	}
	bs = append(bs, table(t))
	return bs
}

// indicatorText says what an indicator lacks: its label, then the explanation.
func indicatorText(in Input, ind score.Indicator) string {
	label := ind.ID
	if x := in.Criteria.Input(ind.ID); x != nil {
		label = x.Label
	}
	return strings.TrimSpace(label + ": " + ind.Explanation)
}
