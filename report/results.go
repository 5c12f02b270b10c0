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
	if st.missing > 0 {
		// Said where the wards are counted, so a report from incomplete forms
		// never reads as a normal one.
		scope += fmt.Sprintf(", trong đó %s phường thiếu số liệu, chưa đánh giá đầy đủ", num(st.missing))
	}
	add(para(fmt.Sprintf("%s; có %s phường đạt đủ %d/%d tiêu chí (đạt chuẩn), bình quân mỗi phường đạt %s/%d tiêu chí. Kết quả theo từng quận như sau:",
		scope, num(len(st.model)), st.total, st.total, mean(sumPassed, len(st.wards)), st.total)))
	add(table(districtTable(st)))
	add(para("Đối chiếu với Bộ tiêu chí, có: " + distribution(st.summary, st.total)))
	add(table(distributionTable(st)))
	if st.missing > 0 {
		add(para("Tiêu chí thiếu số liệu không được tính là đạt; các tiêu chí và chỉ số còn thiếu của từng phường ghi tại Phụ lục."))
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

// districtTable is Table 1. When some wards lack data it gains a column saying
// how many in each district, beside the wards counted.
func districtTable(st stats) Table {
	t := Table{
		Caption: "Bảng 1. Kết quả đánh giá theo quận",
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

// planBlocks compares the model wards with the Đề án's timetable the way an
// assessor does. In phase 1 the only target is the phase's, due at its end: the
// report states it, what has been achieved (in all and by district) and what
// remains in the time left, never a shortfall "due" this year. From phase 2 on
// every year has a cumulative target, a range, and a shortfall is one.
// planState is the plan's comparison, shared by the report and the workbook.
type planState struct {
	Progress
	goal1     int // phase 1's target: PerDistrict in every district
	met, left int // phase 1: districts at their target, wards they still need
	districts []planDistrict
}

type planDistrict struct {
	name              string
	goal, model, left int
}

func newPlanState(in Input, st stats) planState {
	pl := in.Plan
	ps := planState{Progress: pl.Target(in.Period.Year, len(st.districts), st.cityWards)}
	ps.Actual = len(st.model)
	ps.goal1 = min(pl.PerDistrict*len(st.districts), st.cityWards)
	for _, d := range st.districts {
		x := planDistrict{name: d.Name, goal: min(pl.PerDistrict, max(d.Wards, d.Listed)), model: d.Model}
		x.left = max(x.goal-x.model, 0)
		if x.left == 0 {
			ps.met++
		}
		ps.left += x.left
		ps.districts = append(ps.districts, x)
	}
	return ps
}

// summary is the comparison in one sentence, for the workbook.
func (ps planState) summary(in Input) string {
	pl := in.Plan
	if ps.Phase == 1 {
		s := fmt.Sprintf("Mục tiêu giai đoạn 1: %s phường đạt chuẩn đến hết năm %d (mỗi quận %s phường); đến nay có %s phường đạt chuẩn, %s/%s quận đã đạt mục tiêu",
			num(ps.goal1), pl.Phase1End, two(pl.PerDistrict), num(ps.Actual), num(ps.met), num(len(ps.districts)))
		if ps.left == 0 {
			return s + "; đã hoàn thành mục tiêu giai đoạn 1."
		}
		return s + fmt.Sprintf("; còn %s phường cần xây dựng %s.", num(ps.left), timeLeft(in, pl))
	}
	return fmt.Sprintf("Chỉ tiêu lũy kế đến hết năm %d: %s đạt chuẩn; %s có %s phường đạt chuẩn, %s",
		ps.Year, ps.TargetText(), in.Period.Label(), num(ps.Actual), ps.verdict(in))
}

// verdict compares a phase-2 year's count with its target range.
func (ps planState) verdict(in Input) string {
	switch short := ps.Shortfall(); {
	case ps.Actual >= ps.Max:
		return "đạt chỉ tiêu của lộ trình."
	case short == 0:
		return "đạt mức tối thiểu của lộ trình."
	case in.Period.Half:
		return fmt.Sprintf("cần thêm %s phường trong 6 tháng cuối năm để đạt mức tối thiểu.", num(short))
	default:
		return fmt.Sprintf("còn thiếu %s phường so với mức tối thiểu.", num(short))
	}
}

// planBlocks compares the model wards with the Đề án's timetable the way an
// assessor does. In phase 1 the only target is the phase's, due at its end: the
// report states it, what has been achieved (in all and by district) and what
// remains in the time left, never a shortfall "due" this year. From phase 2 on
// every year has a cumulative target, a range, and a shortfall is one.
func planBlocks(in Input, st stats) []Block {
	pl := in.Plan
	ps := newPlanState(in, st)
	var bs []Block
	bs = append(bs, para(fmt.Sprintf("Theo lộ trình của Đề án, giai đoạn 1 (%d - %d) mỗi quận xây dựng %s phường đạt chuẩn (tổng cộng %s phường); giai đoạn 2 (%d - %d) mỗi năm xây dựng thêm từ %s - %s phường, đến năm %d hoàn thành ở tất cả %s phường.",
		pl.Start, pl.Phase1End, two(pl.PerDistrict), two(pl.PerDistrict*len(st.districts)), pl.Phase1End+1, pl.End,
		two(pl.PerYearMin), two(pl.PerYearMax), pl.End, num(st.cityWards))))

	if ps.Phase == 1 {
		t := fmt.Sprintf("Mục tiêu giai đoạn 1: %s phường đạt chuẩn đến hết năm %d (mỗi quận %s phường). Đến nay, toàn thành phố có %s phường đạt chuẩn; %s/%s quận đã đạt mục tiêu %s phường",
			num(ps.goal1), pl.Phase1End, two(pl.PerDistrict), num(ps.Actual), num(ps.met), num(len(ps.districts)), two(pl.PerDistrict))
		if ps.left == 0 {
			t += "; đã hoàn thành mục tiêu giai đoạn 1."
		} else {
			t += fmt.Sprintf("; còn %s phường cần xây dựng đạt chuẩn %s.", num(ps.left), timeLeft(in, pl))
		}
		bs = append(bs, para(t))
	} else {
		t := fmt.Sprintf("Theo lộ trình giai đoạn 2, lũy kế đến hết năm %d cần có %s đạt chuẩn", ps.Year, ps.TargetText())
		if ps.Year < pl.End && ps.Min < ps.Wards {
			t += fmt.Sprintf(" (%s phường của giai đoạn 1 và từ %s - %s phường mỗi năm từ năm %d)",
				num(ps.goal1), two(pl.PerYearMin), two(pl.PerYearMax), pl.Phase1End+1)
		}
		t += fmt.Sprintf("; %s có %s phường đạt chuẩn, %s", in.Period.Label(), num(ps.Actual), ps.verdict(in))
		if ps.left > 0 {
			t += fmt.Sprintf(" Mục tiêu giai đoạn 1 (mỗi quận %s phường, đến hết năm %d): %s/%s quận chưa đạt.",
				two(pl.PerDistrict), pl.Phase1End, num(len(ps.districts)-ps.met), num(len(ps.districts)))
		}
		bs = append(bs, para(t))
	}

	// During phase 1 a district short of its two wards is on its way, not behind:
	// only once the phase is over is the gap a shortfall, and marked.
	overdue := ps.Phase > 1
	t := Table{
		Caption: fmt.Sprintf("Bảng 4. Phường đạt chuẩn so với mục tiêu giai đoạn 1 (đến hết năm %d)", pl.Phase1End),
		Columns: []Column{{"STT", 13, "C"}, {"Quận", 45, "L"}, {"Mục tiêu giai đoạn 1", 35, "C"},
			{"Phường đạt chuẩn", 35, "C"}, {"Đánh giá", 40, "C"}},
	}
	for i, d := range ps.districts {
		v := "Đã đạt"
		switch {
		case d.left > 0 && overdue:
			v = "Còn thiếu " + num(d.left)
		case d.left > 0:
			v = "Còn " + num(d.left) + " phường"
		}
		t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprint(i + 1), d.name, num(d.goal), num(d.model), v}, Marked: overdue && d.left > 0})
	}
	bs = append(bs, table(t))
	return bs
}

// timeLeft says how long phase 1 still runs after the period reported on: "trong
// 03 năm còn lại (2023 - 2025)", "trong 6 tháng cuối năm 2024 và năm 2025".
func timeLeft(in Input, pl Plan) string {
	y, end := in.Period.Year, pl.Phase1End
	var years string // the whole years left after y
	switch n := end - y; {
	case n == 1:
		years = fmt.Sprintf("năm %d", end)
	case n > 1:
		years = fmt.Sprintf("%s năm %d - %d", two(n), y+1, end)
	}
	switch {
	case in.Period.Half && years != "":
		return fmt.Sprintf("trong 6 tháng cuối năm %d và %s", y, years)
	case in.Period.Half:
		return fmt.Sprintf("trong 6 tháng cuối năm %d", y)
	case end-y > 1:
		return fmt.Sprintf("trong %s năm còn lại (%d - %d)", two(end-y), y+1, end)
	case years != "":
		return "trong " + years
	}
	return fmt.Sprintf("trong thời gian còn lại của năm %d", y)
}

// indicatorText says what an indicator lacks: its label, then the explanation.
func indicatorText(in Input, ind score.Indicator) string {
	label := ind.ID
	if x := in.Criteria.Input(ind.ID); x != nil {
		label = x.Label
	}
	return strings.TrimSpace(label + ": " + ind.Explanation())
}
