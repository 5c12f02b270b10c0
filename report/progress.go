package report

import (
	"fmt"
	"math"

	"dean/plan"
)

// behind says whether a year's count is a shortfall against its target: never
// before the end of phase 1, whose target is due at the phase's end, nor for a
// year without data. It is plan.Year.Status's "thiếu".
func behind(y plan.Year, pl Plan) bool {
	if y.Scores == nil || y.Target.Phase == 1 && y.Year < y.Target.Deadline(pl) {
		return false
	}
	return y.Target.Shortfall() > 0
}

// yearModel is a year's wards at 22/22 as the table writes them: "12", "13 (6
// tháng)" when only the six-month scoring is stored, "—" without any.
func yearModel(y plan.Year) string {
	if y.Scores == nil {
		return "—"
	}
	s := num(len(y.Scores.Model))
	if y.Scores.Half {
		s += " (6 tháng)"
	}
	return s
}

func yearWards(y plan.Year) string {
	if y.List == nil {
		return "—"
	}
	return num(len(y.List.Wards))
}

func yearRecognised(y plan.Year) string {
	if y.NoRegister {
		return "—"
	}
	s := num(y.Recognised)
	if y.Inherited > 0 {
		s += fmt.Sprintf(" (+%s kế thừa)", num(y.Inherited))
	}
	return s
}

func yearTarget(y plan.Year, pl Plan) string {
	s := y.Target.TargetText()
	if y.Target.Phase == 1 {
		s += fmt.Sprintf(" (đến hết năm %d)", pl.Phase1End)
	}
	return s
}

// recognised is a recognition count in the workbook, empty without a register.
func recognised(y plan.Year, n int) Cell {
	if y.NoRegister {
		return Cell{Kind: Empty}
	}
	return integer(int64(n))
}

// progressNote says where the table's figures come from.
func progressNote(years []plan.Year) string {
	s := "Số phường đạt 22/22 tiêu chí theo kết quả chấm số liệu đã lưu của kỳ năm (hoặc kỳ 6 tháng khi chưa có kỳ năm); số phường được công nhận theo quyết định công nhận của Bộ Công an."
	if len(years) > 0 && years[0].NoRegister {
		s += " Chưa có sổ công nhận (--register): các cột công nhận để trống."
	}
	for _, y := range years {
		if y.Inherited > 0 {
			return s + " Kế thừa: phường hình thành từ ngày 01/7/2025 chưa được công nhận nhưng có phường cũ đã được công nhận; ghi để theo dõi, không tính vào lũy kế."
		}
	}
	return s
}

// progressBlocks lays the plan out year by year: a table, a chart of the wards
// at 22/22 against the cumulative target, and the history of the new wards.
func progressBlocks(in Input) []Block {
	pl := in.Plan
	bs := []Block{lead("Kết quả thực hiện lộ trình của Đề án qua các năm như sau:")}
	t := Table{
		Caption: "Tiến độ thực hiện lộ trình của Đề án qua các năm",
		Columns: []Column{{"Năm", 14, "C"}, {"Số phường", 16, "C"}, {"Đạt 22/22 theo chấm điểm", 24, "C"},
			{"Được công nhận trong năm", 22, "C"}, {"Lũy kế được công nhận", 24, "C"}, {"Chỉ tiêu lũy kế", 30, "C"}, {"Đánh giá", 30, "C"}},
	}
	for _, y := range in.Progress {
		inYear := num(y.RecognisedInYear)
		if y.NoRegister {
			inYear = "—"
		}
		t.Rows = append(t.Rows, Row{Cells: []string{fmt.Sprint(y.Year), yearWards(y), yearModel(y), inYear,
			yearRecognised(y), yearTarget(y, pl), upperFirst(y.Status())}, Marked: behind(y, pl)})
	}
	bs = append(bs, table(t), para(progressNote(in.Progress)), Block{Kind: ChartBlock, Chart: progressChart(in)})
	if len(in.Histories) > 0 {
		bs = append(bs, lead("Lịch sử công nhận của các phường hình thành từ ngày 01/7/2025 có phường cũ đã được công nhận:"))
		for _, h := range in.Histories {
			bs = append(bs, para("- "+h+"."))
		}
	}
	return bs
}

// progressChart sets each year's wards at 22/22 against its cumulative target.
func progressChart(in Input) *Chart {
	ch := &Chart{Caption: "Số phường đạt 22/22 tiêu chí so với chỉ tiêu lũy kế của lộ trình",
		Legend: [2]string{"Số phường đạt 22/22 tiêu chí", "Chỉ tiêu lũy kế (tối thiểu - tối đa)"}}
	top := 0
	for _, y := range in.Progress {
		b := Bar{Label: fmt.Sprint(y.Year), Text: "chưa có số liệu", Low: behind(y, in.Plan),
			Target: float64(y.Target.Min), TargetMax: float64(y.Target.Max)}
		if y.Scores != nil {
			b.Value, b.Text = float64(len(y.Scores.Model)), yearModel(y)
		}
		top = max(top, int(b.Value), y.Target.Max)
		ch.Bars = append(ch.Bars, b)
	}
	ch.Step = niceStep(top)
	ch.Max = math.Ceil(float64(max(top, 1))/ch.Step) * ch.Step
	return ch
}

// niceStep is a gridline step of 1, 2 or 5 times a power of ten giving at most
// ten steps up to top.
func niceStep(top int) float64 {
	for p := 1.0; ; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if float64(top) <= 10*m*p {
				return m * p
			}
		}
	}
}

// progressSheet is "Tiến độ": the table of the PDF with its figures as
// numbers, a chart of the wards at 22/22 against the target, and the
// histories below.
func progressSheet(in Input) Sheet {
	s := Sheet{Name: "Tiến độ",
		Pre: [][]Cell{{title("TIẾN ĐỘ THỰC HIỆN LỘ TRÌNH CỦA ĐỀ ÁN QUA CÁC NĂM")}, {text(progressNote(in.Progress))}, {}},
		Header: []string{"Năm", "Danh mục đơn vị", "Số phường", "Phường có kết quả", "Đạt 22/22 theo chấm điểm", "Kỳ chấm",
			"Được công nhận trong năm", "Lũy kế được công nhận", "Kế thừa (không tính lũy kế)",
			"Chỉ tiêu lũy kế tối thiểu", "Chỉ tiêu lũy kế tối đa", "Đánh giá"},
		Widths:  []float64{7, 14, 9, 10, 11, 9, 11, 11, 11, 11, 11, 28},
		Wrap:    []int{11},
		OnePage: true,
	}
	empty := Cell{Kind: Empty}
	for _, y := range in.Progress {
		list, wards := empty, empty
		if y.List != nil {
			list, wards = text(y.List.ID), integer(int64(len(y.List.Wards)))
		}
		assessed, model, kind := empty, empty, empty
		if y.Scores != nil {
			assessed, model, kind = integer(int64(y.Scores.Assessed)), integer(int64(len(y.Scores.Model))), text("Năm")
			if y.Scores.Half {
				kind = text("6 tháng")
			}
		}
		s.Rows = append(s.Rows, []Cell{text(fmt.Sprint(y.Year)), list, wards, assessed, model, kind,
			recognised(y, y.RecognisedInYear), recognised(y, y.Recognised), recognised(y, y.Inherited),
			integer(int64(y.Target.Min)), integer(int64(y.Target.Max)), text(upperFirst(y.Status()))})
	}
	if len(in.Histories) > 0 {
		s.Post = append(s.Post, []Cell{title("LỊCH SỬ CÔNG NHẬN CỦA CÁC PHƯỜNG MỚI")})
		for _, h := range in.Histories {
			s.Post = append(s.Post, []Cell{text(h)})
		}
	}
	s.Charts = []SheetChart{{Title: "Số phường đạt 22/22 tiêu chí so với chỉ tiêu lũy kế tối thiểu", Width: 640, Height: 320,
		Anchor: fmt.Sprintf("A%d", s.endRow()+2), CatCol: 0, ValCol: 4, Lines: []int{9}, Vertical: "Số phường"}}
	return s
}
