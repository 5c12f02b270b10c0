package report

import (
	"fmt"

	"dean/plan"
)

// Plan and Progress are the Đề án's timetable and a year's count against it.
type (
	Plan     = plan.Plan
	Progress = plan.Progress
)

// DefaultPlan is the plan of Đề án 03/ĐA-UBND (2022).
func DefaultPlan() Plan { return plan.Default() }

// planState is the plan's comparison, shared by the report and the workbook.
type planState struct {
	Progress
	goal1     int // phase 1's target: PerDistrict in every district, or the city's
	met, left int // phase 1: districts at their target, wards still needed
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
	ps.goal1 = pl.Target(pl.Phase1End, len(st.districts), st.cityWards).Min
	if !st.districted {
		ps.left = max(ps.goal1-ps.Actual, 0)
		return ps
	}
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

// phase1Goal says phase 1's target: "10 phường đạt chuẩn đến hết năm 2025 (mỗi
// quận 02 phường)", the districts' share only where the map has them.
func (ps planState) phase1Goal(pl Plan) string {
	s := fmt.Sprintf("%s phường đạt chuẩn đến hết năm %d", num(ps.goal1), pl.Phase1End)
	if len(ps.districts) > 0 {
		s += fmt.Sprintf(" (mỗi quận %s phường)", two(pl.PerDistrict))
	}
	return s
}

// summary is the comparison in one sentence, for the workbook.
func (ps planState) summary(in Input) string {
	pl := in.Plan
	if ps.Phase == 1 {
		s := fmt.Sprintf("Mục tiêu giai đoạn 1: %s; đến nay có %s phường đạt chuẩn", ps.phase1Goal(pl), num(ps.Actual))
		if len(ps.districts) > 0 {
			s += fmt.Sprintf(", %s/%s quận đã đạt mục tiêu", num(ps.met), num(len(ps.districts)))
		}
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
// every year has a cumulative target, a range, and a shortfall is one. On a
// map without districts (from 1/7/2025) phase 1's target is the city's.
func planBlocks(in Input, st stats) []Block {
	pl := in.Plan
	ps := newPlanState(in, st)
	var bs []Block
	if st.districted {
		bs = append(bs, para(fmt.Sprintf("Theo lộ trình của Đề án, giai đoạn 1 (%d - %d) mỗi quận xây dựng %s phường đạt chuẩn (tổng cộng %s phường); giai đoạn 2 (%d - %d) mỗi năm xây dựng thêm từ %s - %s phường, đến năm %d hoàn thành ở tất cả %s phường.",
			pl.Start, pl.Phase1End, two(pl.PerDistrict), two(pl.PerDistrict*len(st.districts)), pl.Phase1End+1, pl.End,
			two(pl.PerYearMin), two(pl.PerYearMax), pl.End, num(st.cityWards))))
	} else {
		bs = append(bs, para(fmt.Sprintf("Theo lộ trình của Đề án, giai đoạn 1 (%d - %d) toàn thành phố xây dựng %s phường đạt chuẩn; giai đoạn 2 (%d - %d) mỗi năm xây dựng thêm từ %s - %s phường, đến năm %d hoàn thành ở tất cả %s phường.",
			pl.Start, pl.Phase1End, two(ps.goal1), pl.Phase1End+1, pl.End,
			two(pl.PerYearMin), two(pl.PerYearMax), pl.End, num(st.cityWards))))
	}

	if ps.Phase == 1 {
		t := fmt.Sprintf("Mục tiêu giai đoạn 1: %s. Đến nay, toàn thành phố có %s phường đạt chuẩn", ps.phase1Goal(pl), num(ps.Actual))
		if st.districted {
			t += fmt.Sprintf("; %s/%s quận đã đạt mục tiêu %s phường", num(ps.met), num(len(ps.districts)), two(pl.PerDistrict))
		}
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
		if st.districted && ps.left > 0 {
			t += fmt.Sprintf(" Mục tiêu giai đoạn 1 (mỗi quận %s phường, đến hết năm %d): %s/%s quận chưa đạt.",
				two(pl.PerDistrict), pl.Phase1End, num(len(ps.districts)-ps.met), num(len(ps.districts)))
		}
		bs = append(bs, para(t))
	}
	if st.districted {
		bs = append(bs, table(districtPlanTable(ps, pl)))
	}
	return bs
}

// districtPlanTable sets each district's model wards against its phase-1
// target. During phase 1 a district short of its two wards is on its way, not
// behind: only once the phase is over is the gap a shortfall, and marked.
func districtPlanTable(ps planState, pl Plan) Table {
	overdue := ps.Phase > 1
	t := Table{
		Caption: fmt.Sprintf("Phường đạt chuẩn so với mục tiêu giai đoạn 1 (đến hết năm %d)", pl.Phase1End),
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
	return t
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
