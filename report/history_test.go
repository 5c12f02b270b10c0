package report

import (
	"fmt"
	"strings"
	"testing"

	"dean/plan"
	"dean/units"
)

// withHistory adds to the new-map report of 2026 what the archive would hold:
// three periods on the 31 wards, a register of recognitions across the merger,
// and the plan year by year from 2022.
func withHistory(t *testing.T) Input {
	t.Helper()
	in := withoutData(fixtureOn(t, newMap(t), "2026", levelsNewMap), "31174", "31183")
	list, old := newMap(t), units.Default()
	now := map[string]int{}
	for _, w := range in.Result.Wards {
		now[w.Code] = w.Passed
	}
	before := map[string]string{
		"31120": "trước sáp nhập (năm 2024): Cái Khế (cũ) 22/22, An Hòa 19/22, Bùi Hữu Nghĩa (một phần) 18/22",
		"31135": "trước sáp nhập (năm 2024): Thới Bình 18/22, Tân An (cũ) 17/22, Xuân Khánh 22/22",
	}
	tr := &Trend{Periods: []string{"2025", "2026-H1", "2026"}}
	for i, w := range list.Wards {
		cur, ok := now[w.Code]
		if !ok {
			cur = -1
		}
		// Half a year ago a criterion fewer, a year ago two, except that every
		// third model ward of 2026 was one already.
		h1, y := max(cur-1, 14), max(cur-2, 13)
		if cur == 22 && i%3 == 0 {
			h1, y = 22, 22
		}
		switch w.Code {
		case "31333": // Vị Tân: 22 in the first half, 21 since
			h1 = 22
		case "31228": // Thuận Hưng sent nothing in 2025
			y = -1
		}
		tr.Rows = append(tr.Rows, TrendRow{Ward: w, Passed: []int{y, h1, cur}, Total: 22, Before: before[w.Code]})
	}
	in.Trend = tr

	ward := func(l *units.List, code string) units.Ward {
		w, ok := l.ByCode(code)
		if !ok {
			t.Fatalf("%s not in %s", code, l.ID)
		}
		return w
	}
	reg := &plan.Register{Items: []plan.Recognition{
		{Ward: ward(old, "31117"), Year: 2023, Decision: "1520/QĐ-BCA-V05"}, // Cái Khế (cũ) → Cái Khế
		{Ward: ward(old, "31144"), Year: 2024, Decision: "1610/QĐ-BCA-V05"}, // Xuân Khánh → Ninh Kiều
		{Ward: ward(list, "31135"), Year: 2025, Decision: "2001/QĐ-BCA-V05"},
		{Ward: ward(list, "31147"), Year: 2025, Decision: "2001/QĐ-BCA-V05"},
	}}
	for i := range reg.Items {
		reg.Items[i].Date = in.Date.AddDate(reg.Items[i].Year-in.Date.Year(), 1, 5)
	}
	keys := func(n int) []units.Key { return make([]units.Key, n) }
	model2025 := 0 // as the trend has it
	for _, r := range tr.Rows {
		if r.model(0) {
			model2025++
		}
	}
	scores := map[int]plan.Scores{
		2022: {Year: 2022, List: old, Assessed: 42, Model: keys(0)},
		2023: {Year: 2023, List: old, Assessed: 42, Model: keys(3)},
		2024: {Year: 2024, List: old, Assessed: 42, Model: keys(6)},
		2025: {Year: 2025, List: list, Assessed: 30, Model: keys(model2025)},
		2026: {Year: 2026, List: list, Assessed: 29, Model: keys(10)},
	}
	listFor := func(y int) *units.List {
		if y >= 2025 {
			return list
		}
		return old
	}
	in.Progress = plan.Track(plan.Default(), 2022, 2026, scores, reg, units.BundledMerger(), listFor)
	in.Histories = plan.Histories(in.Progress, reg, units.BundledMerger())
	return in
}

func TestBuildGoldenHistory(t *testing.T) {
	text := Build(withHistory(t)).Text()
	// Part I only: the rest is report-2026-new-map.txt's.
	golden(t, "report-2026-history.txt", text[strings.Index(text, "I. KẾT QUẢ THỰC HIỆN"):strings.Index(text, "II. HẠN CHẾ")])
}

// Without an archive nothing changes: no section, no sheet.
func TestNoHistoryNoSection(t *testing.T) {
	in := withHistory(t)
	bare := withoutData(fixtureOn(t, newMap(t), "2026", levelsNewMap), "31174", "31183")
	in.Trend, in.Progress, in.Histories = nil, nil, nil
	if a, b := Build(in).Text(), Build(bare).Text(); a != b {
		t.Error("a report without Trend and Progress differs from one made without them")
	}
	in.Trend = &Trend{Periods: []string{"2026"}} // no rows: nothing to show
	if strings.Contains(Build(in).Text(), "Diễn biến") {
		t.Error("an empty trend makes a section")
	}
}

func TestPDFHistory(t *testing.T) {
	needTool(t, "pdftotext")
	path, _ := renderPDF(t, withHistory(t))
	text := flat(run(t, "pdftotext", path, "-"))
	raw := flat(run(t, "pdftotext", "-raw", path, "-"))
	for _, want := range []string{
		"4. Diễn biến kết quả qua các kỳ",
		"Qua các kỳ đánh giá đã lưu: năm 2025 có 3/30 phường đạt chuẩn; 6 tháng đầu năm 2026 có 5/31 phường đạt chuẩn và năm 2026 có 10/29 phường đạt chuẩn.",
		"Có 1 phường đạt chuẩn 6 tháng đầu năm 2026 nhưng chưa giữ được năm 2026: phường Vị Tân (21/22).",
		"Bảng 3. Diễn biến số tiêu chí đạt của từng phường qua các kỳ",
		"Thới Bình 18/22, Tân An (cũ) 17/22, Xuân Khánh 22/22",
		"5. Tiến độ so với lộ trình của Đề án",
		"Bảng 4. Tiến độ thực hiện lộ trình của Đề án qua các năm",
		"Biểu đồ 2. Số phường đạt 22/22 tiêu chí so với chỉ tiêu lũy kế của lộ trình",
		"Số phường đạt 22/22 tiêu chí", "Chỉ tiêu lũy kế (tối thiểu - tối đa)",
		"Lịch sử công nhận của các phường hình thành từ ngày 01/7/2025",
		"phường Cái Khế (cũ) được công nhận năm 2023 (QĐ 1520/QĐ-BCA-V05",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, row := range []string{
		"1 Cái Khế 22/22 22/22 22/22",
		"2026 31 10 0 2 (+1 kế thừa) từ 16 đến 17 phường Thiếu 6 phường",
		"2023 42 3 1 1 10 phường (đến hết năm 2025) Đang thực hiện giai đoạn 1",
	} {
		if !strings.Contains(raw, row) {
			t.Errorf("PDF rows lack %q", row)
		}
	}
}

func TestXLSXHistory(t *testing.T) {
	in := withHistory(t)
	wb := BuildWorkbook(in)
	data := renderXLSX(t, in)
	f := openXLSX(t, data)
	// "Tiến độ" has the third chart: the wards at 22/22 as columns, the
	// target as a line over them, every text in Times New Roman.
	part := xlsxParts(t, data)
	if c := part("xl/charts/chart3.xml"); !strings.Contains(c, "<barChart>") || !strings.Contains(c, "<lineChart>") || !strings.Contains(c, "Tiến độ") {
		t.Error("Tiến độ: no chart of columns and a line over its table")
	}
	chartFonts(t, part, "xl/charts/chart3.xml")
	want := []string{"Tổng hợp", "Ma trận", "Chi tiết", "Biểu đồ", "Diễn biến", "Tiến độ", "Chưa có số liệu", "Nguồn"}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	trend, err := f.GetRows("Diễn biến")
	if err != nil {
		t.Fatal(err)
	}
	hr := wb.Sheets[4].HeaderRow()
	if got := fmt.Sprint(trend[hr-1]); got != "[Mã phường Phường Năm 2025 6 tháng đầu năm 2026 Năm 2026 Trước sáp nhập]" {
		t.Errorf("Diễn biến header %s", got)
	}
	for _, tc := range []struct {
		row  int
		want string
	}{
		{0, "[31120 Cái Khế 22 22 22 Trước sáp nhập (năm 2024): Cái Khế (cũ) 22/22, An Hòa 19/22, Bùi Hữu Nghĩa (một phần) 18/22]"},
		{8, "[31174 Thới An Đông 13 14]"}, // no result in 2026: a blank cell
		{15, "[31228 Thuận Hưng  22 22]"}, // none in 2025
	} {
		if got := fmt.Sprint(trend[hr+tc.row]); got != tc.want {
			t.Errorf("Diễn biến row %d: %s, want %s", tc.row+1, got, tc.want)
		}
	}
	prog, err := f.GetRows("Tiến độ")
	if err != nil {
		t.Fatal(err)
	}
	s := wb.Sheets[5]
	if got := fmt.Sprint(prog[s.HeaderRow()]); got != "[2022 can-tho-2022 42 42 0 Năm 0 0 0 10 10 Đang thực hiện giai đoạn 1]" {
		t.Errorf("Tiến độ 2022: %s", got)
	}
	if got := fmt.Sprint(prog[s.HeaderRow()+4]); got != "[2026 can-tho-2025 31 29 10 Năm 0 2 1 16 17 Thiếu 6 phường]" {
		t.Errorf("Tiến độ 2026: %s", got)
	}
	last := prog[len(prog)-1]
	if len(last) != 1 || !strings.HasPrefix(last[0], "Phường ") {
		t.Errorf("Tiến độ ends with %q, want a history", last)
	}
	if cells, _ := f.GetMergeCells("Tiến độ"); len(cells) < 2 {
		t.Errorf("Tiến độ: notes above and below the table do not span it: %v", cells)
	}
}

// Years without a list or scores, a target of nothing, rows shorter than the
// periods: the report says what it has and writes both files.
func TestHistoryGaps(t *testing.T) {
	in := fixture(t, "2026", levels2026)
	w := units.Default().Wards[0]
	in.Trend = &Trend{Periods: []string{"2025-H1", "2026", "?"}, Rows: []TrendRow{
		{Ward: w, Passed: []int{22}, Total: 22},
		{Ward: units.Default().Wards[1], Total: 22, Before: "trước sáp nhập: không có"},
	}}
	in.Progress = []plan.Year{{Year: 2026}, {Year: 2027, Target: plan.Progress{Phase: 2, Min: 3, Max: 4}}}
	doc := Build(in)
	text := doc.Text()
	for _, want := range []string{
		"| 1 | Cái Khế | Ninh Kiều | *22/22* | — | — |  |",
		"| 2026 | — | — | 0 | 0 | 0 phường | Chưa có số liệu |",
		"2026                                            chưa có số liệu",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	renderPDF(t, in)
	f := openXLSX(t, renderXLSX(t, in))
	if got := cellValue(t, f, "Tiến độ", "L5"); got != "Chưa có số liệu" {
		t.Errorf("Tiến độ L5 = %q", got)
	}
}
