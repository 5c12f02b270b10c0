package report

import (
	"fmt"
	"iter"
	"math/big"
	"slices"
	"sort"
	"strings"
	"time"

	"dean/criteria"
	"dean/score"
)

// Workbook is the report's workbook as data: sheets of typed cells and the charts
// to draw from them. BuildWorkbook makes it; WriteXLSX only renders it.
type Workbook struct {
	Title  string
	Date   time.Time // the file's dates, for identical bytes from identical inputs
	Sheets []Sheet
}

// Sheet is one worksheet: free rows on top (titles, notes), then a table with a
// header row.
type Sheet struct {
	Name   string
	Pre    [][]Cell // rows above the table
	Header []string
	// Rows are the table's rows. A large sheet makes them one at a time
	// instead, N of them, with Each: the nationwide "Chi tiết" and "Nguồn"
	// have a quarter of a million rows each, too many to hold at once. Its
	// rows are no wider than its header.
	Rows [][]Cell
	Each iter.Seq[[]Cell]
	N    int
	// Post are rows below the table, after a blank row (notes, a list);
	// only for a sheet whose rows are not streamed.
	Post       [][]Cell
	Widths     []float64 // column widths, in characters
	Wrap       []int     // columns whose text wraps, its row as tall as it needs
	FreezeCols int       // columns kept in view beside the frozen header
	Filter     bool
	Verdicts   []int // columns whose Đạt/Không đạt cells are coloured
	Stream     bool  // large: written row by row so memory stays flat
	Charts     []SheetChart
	OnePage    bool // printed on a single page, charts whole
}

// CellKind says how a cell's value is stored and shown.
type CellKind int

const (
	Text    CellKind = iota
	Int              // a whole number: 1.234
	Percent          // a fraction shown as a percentage: 5,9 %
	Decimal          // one decimal: 16,2
	Title            // bold, larger text
	Empty
)

// Cell is one value of a sheet.
type Cell struct {
	Kind CellKind
	Text string
	Num  float64
}

// SheetChart is a native Excel chart over one column of the sheet's table,
// and optionally more columns drawn as lines over it.
type SheetChart struct {
	Title         string
	Bar           bool   // horizontal bars; otherwise columns
	Anchor        string // the cell at its top left corner
	Width, Height int    // pixels
	CatCol        int    // 0-based column of the categories
	ValCol        int    // 0-based column of the values
	Percent       bool
	Vertical      string // the value axis title
	Lines         []int  // 0-based columns drawn as lines over the bars, with a legend
}

func text(s string) Cell   { return Cell{Kind: Text, Text: s} }
func integer(n int64) Cell { return Cell{Kind: Int, Num: float64(n)} }
func title(s string) Cell  { return Cell{Kind: Title, Text: s} }
func percent(a, b int) Cell {
	if b == 0 {
		return Cell{Kind: Empty}
	}
	return Cell{Kind: Percent, Num: float64(a) / float64(b)}
}

func ratio(a, b int) Cell {
	if b == 0 {
		return Cell{Kind: Empty}
	}
	return Cell{Kind: Decimal, Num: float64(a) / float64(b)}
}

// HeaderRow is the 1-based row of the table's header.
func (s Sheet) HeaderRow() int { return len(s.Pre) + 1 }

// Len is the number of the table's rows.
func (s Sheet) Len() int {
	if s.Each != nil {
		return s.N
	}
	return len(s.Rows)
}

// All yields the table's rows in order.
func (s Sheet) All() iter.Seq[[]Cell] {
	if s.Each != nil {
		return s.Each
	}
	return slices.Values(s.Rows)
}

// BuildWorkbook makes the workbook: "Tổng hợp" by district and city (the
// city's only on a map without districts), "Ma trận" wards × criteria, "Chi
// tiết" one row per ward and indicator, "Biểu đồ" with two charts; with an
// archive, "Diễn biến" (each ward over the stored periods) and "Tiến độ" (the
// plan year by year); "Chưa có số liệu" when wards sent nothing; and "Nguồn"
// with every value's source cell and every input's SHA-256.
func BuildWorkbook(in Input) Workbook {
	in = in.normalized()
	st := newStats(in)
	sheets := []Sheet{summarySheet(in, st), matrixSheet(in, st), detailSheet(in, st), chartSheet(st)}
	if in.Trend.hasTrend() {
		sheets = append(sheets, trendSheet(in, st))
	}
	if len(in.Progress) > 0 {
		sheets = append(sheets, progressSheet(in))
	}
	if len(in.Result.Summary.NotSubmitted) > 0 {
		sheets = append(sheets, notSubmittedSheet(in, st))
	}
	return Workbook{
		Title:  "Kết quả thực hiện Đề án " + in.Period.Label(),
		Date:   in.Date,
		Sheets: append(sheets, sourceSheet(in)),
	}
}

func summarySheet(in Input, st stats) Sheet {
	ps := newPlanState(in, st)
	gap := "Còn thiếu so với mục tiêu giai đoạn 1"
	if ps.Phase == 1 {
		gap = "Còn phải xây dựng đến hết giai đoạn 1"
	}
	s := Sheet{
		Name: "Tổng hợp",
		Pre: [][]Cell{
			{title("KẾT QUẢ THỰC HIỆN ĐỀ ÁN " + upper(in.Period.Label()))},
			{text("Số liệu " + in.Window.String())},
			{text("Bộ tiêu chí " + in.Result.Criteria.Version)},
			{text(ps.summary(in))},
		},
		Header: []string{"Số phường", "Phường đạt chuẩn", "Tỷ lệ đạt chuẩn", "Bình quân số tiêu chí đạt", "Mục tiêu giai đoạn 1", gap, "Phường thiếu số liệu"},
		Widths: []float64{11, 12, 12, 14, 12, 16, 12},
	}
	if t := notSubmittedText(in.Result.Summary.NotSubmitted); t != "" {
		s.Pre = append(s.Pre, []Cell{text(strings.TrimSuffix(t, ".") + " (xem sheet Chưa có số liệu).")})
	}
	if st.missing > 0 {
		s.Pre = append(s.Pre, []Cell{text(fmt.Sprintf("%s phường thiếu số liệu, chưa đánh giá đầy đủ: tiêu chí thiếu số liệu không được tính là đạt (xem sheet Chi tiết).", num(st.missing)))})
	}
	s.Pre = append(s.Pre, []Cell{})
	if why, items := rescored(in.Result.Criteria); why != "" {
		// Before anything else: whoever opens the workbook reads this first.
		notice := [][]Cell{{title(rescoredTitle)}, {text(why)}}
		for _, it := range items {
			notice = append(notice, []Cell{text(it)})
		}
		s.Pre = append(append(notice, []Cell{}), s.Pre...)
	}
	figures := func(wards, model, criteria, goal, left, missing int) []Cell {
		return []Cell{integer(int64(wards)), integer(int64(model)), percent(model, wards), ratio(criteria, wards),
			integer(int64(goal)), integer(int64(left)), integer(int64(missing))}
	}
	if !st.districted {
		// One row, the city's: its phase-1 target is the city's ten.
		s.Header = append([]string{"Phạm vi"}, s.Header...)
		s.Widths = append([]float64{22}, s.Widths...)
		s.Rows = append(s.Rows, append([]Cell{title("Toàn thành phố")},
			figures(len(st.wards), len(st.model), st.passed, ps.goal1, ps.left, st.missing)...))
		return s
	}
	s.Header = append([]string{"STT", "Quận"}, s.Header...)
	s.Widths = append([]float64{6, 22}, s.Widths...)
	var w, m, c, goalSum, leftSum, x int
	for i, d := range st.districts {
		pd := ps.districts[i]
		s.Rows = append(s.Rows, append([]Cell{integer(int64(i + 1)), text(d.Name)},
			figures(d.Wards, d.Model, d.Criteria, pd.goal, pd.left, d.Missing)...))
		w, m, c, goalSum, leftSum, x = w+d.Wards, m+d.Model, c+d.Criteria, goalSum+pd.goal, leftSum+pd.left, x+d.Missing
	}
	s.Rows = append(s.Rows, append([]Cell{{Kind: Empty}, title("Toàn thành phố")}, figures(w, m, c, goalSum, leftSum, x)...))
	return s
}

// wardColumns are the columns naming a ward: its code, its name, and its
// district on a map with districts.
func wardColumns(st stats) (header []string, widths []float64) {
	if st.districted {
		return []string{"Mã phường", "Phường", "Quận"}, []float64{10, 18, 12}
	}
	return []string{"Mã phường", "Phường"}, []float64{10, 18}
}

// wardCells starts a row with the ward's columns, room made for more cells.
func wardCells(st stats, w score.Ward, more int) []Cell {
	row := make([]Cell, 0, 3+more)
	row = append(row, text(w.Code), text(w.Name))
	if st.districted {
		row = append(row, text(w.District))
	}
	return row
}

// notSubmittedSheet lists every ward of the units list that sent no data: the
// report's text names only the first of them.
func notSubmittedSheet(in Input, st stats) Sheet {
	h, widths := wardColumns(st)
	s := Sheet{Name: "Chưa có số liệu", Header: append([]string{"STT"}, h...), Widths: append([]float64{6}, widths...), Filter: true,
		Pre: [][]Cell{{title(fmt.Sprintf("CÁC PHƯỜNG CHƯA CÓ SỐ LIỆU %s", upper(in.Period.Label())))}, {}}}
	for i, r := range in.Result.Summary.NotSubmitted {
		row := []Cell{integer(int64(i + 1)), text(r.Code), text(r.Name)}
		if st.districted {
			row = append(row, text(r.District))
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

func matrixSheet(in Input, st stats) Sheet {
	h, widths := wardColumns(st)
	s := Sheet{Name: "Ma trận", Header: h, Widths: widths, FreezeCols: len(h), Filter: true, Stream: true}
	for _, c := range st.criteria {
		s.Header = append(s.Header, c.ID)
		s.Widths = append(s.Widths, 10)
		s.Verdicts = append(s.Verdicts, len(s.Header)-1)
		s.Wrap = append(s.Wrap, len(s.Header)-1) // "Thiếu dữ liệu" takes two lines
	}
	s.Header = append(s.Header, "Số tiêu chí đạt", "Đạt chuẩn")
	s.Widths = append(s.Widths, 10, 11)
	for _, w := range st.wards {
		row := wardCells(st, w, len(w.Criteria)+2)
		for _, c := range w.Criteria {
			row = append(row, text(c.Verdict.Text()))
		}
		model := "Chưa đạt"
		if w.Model {
			model = "Đạt chuẩn"
		}
		s.Rows = append(s.Rows, append(row, integer(int64(w.Passed)), text(model)))
	}
	return s
}

func detailSheet(in Input, st stats) Sheet {
	h, _ := wardColumns(st)
	// The ward's columns are narrower than elsewhere: the sheet is wide. n
	// is where the rest start.
	n := len(h)
	widths := []float64{8, 14, 12}[:n]
	s := Sheet{Name: "Chi tiết", FreezeCols: n, Filter: true, Stream: true, Verdicts: []int{n + 8, n + 9},
		Header: append(h, "Tiêu chí", "Mã chỉ số", "Chỉ số", "Kỳ này", "Cùng kỳ năm trước",
			"Thay đổi", "Thực tế", "Yêu cầu", "Kết quả chỉ số", "Kết quả tiêu chí", "Giải thích"),
		Widths: append(widths, 6, 24, 36, 9, 10, 9, 16, 16, 11, 11, 40),
		Wrap:   []int{n + 2, n + 6, n + 7, n + 10},
	}
	for _, w := range in.Result.Wards {
		for _, c := range w.Criteria {
			s.N += len(c.Indicators)
		}
	}
	s.Each = func(yield func([]Cell) bool) {
		for _, w := range in.Result.Wards {
			vals := in.Sources[w.Code].Values
			for _, c := range w.Criteria {
				for _, ind := range c.Indicators {
					label := ind.ID
					if x := in.Criteria.Input(ind.ID); x != nil {
						label = x.Label
					}
					r := vals[ind.ID]
					if !yield(append(wardCells(st, w, 11), text(c.ID), text(ind.ID), text(label),
						numCell(r.Now), numCell(r.Prev), change(r), text(ind.Actual()), text(ind.Target()),
						text(ind.Verdict.Text()), text(c.Verdict.Text()), text(ind.Explanation()))) {
						return
					}
				}
			}
		}
	}
	return s
}

func numCell(n score.Num) Cell {
	if !n.OK {
		return Cell{Kind: Empty}
	}
	return integer(n.V)
}

// change is (this period − last year) / last year, when both are known and last
// year's is not 0.
func change(r score.Reading) Cell {
	if !r.Now.OK || !r.Prev.OK || r.Prev.V == 0 {
		return Cell{Kind: Empty}
	}
	f, _ := new(big.Rat).SetFrac64(r.Now.V-r.Prev.V, r.Prev.V).Float64()
	return Cell{Kind: Percent, Num: f}
}

func chartSheet(st stats) Sheet {
	s := Sheet{Name: "Biểu đồ", Header: []string{"Số tiêu chí đạt", "Số phường", "", "Tiêu chí", "Tỷ lệ đạt"},
		Widths: []float64{14, 11, 3, 10, 11}}
	levels := st.summary.Levels()
	n := max(len(levels), len(st.criteria))
	for i := range n {
		row := []Cell{{Kind: Empty}, {Kind: Empty}, {Kind: Empty}, {Kind: Empty}, {Kind: Empty}}
		if i < len(levels) {
			k := levels[i]
			row[0] = text(fmt.Sprintf("%d/%d", k, st.total))
			row[1] = integer(int64(st.summary.Distribution[fmt.Sprint(k)]))
		}
		if i < len(st.criteria) {
			row[3] = text(st.criteria[i].ID)
			row[4] = percent(st.criteria[i].Pass, len(st.wards))
		}
		s.Rows = append(s.Rows, row)
	}
	s.Charts = []SheetChart{
		{Title: "Số phường theo số tiêu chí đạt", Anchor: "G2", Width: 560, Height: 300, CatCol: 0, ValCol: 1, Vertical: "Số phường"},
		{Title: "Tỷ lệ phường đạt theo từng tiêu chí", Anchor: "G18", Width: 560, Height: 480, Bar: true, CatCol: 3, ValCol: 4, Percent: true},
	}
	s.OnePage = true
	return s
}

func sourceSheet(in Input) Sheet {
	s := Sheet{Name: "Nguồn", Filter: true, Stream: true,
		Header: []string{"Mã phường", "Phường", "Mã chỉ số", "Kỳ", "Giá trị", "Tệp", "Trang tính", "Ô"},
		Widths: []float64{10, 16, 26, 18, 10, 40, 18, 8},
		Wrap:   []int{2, 5},
	}
	// Above the table, what each text needs: a role or a threshold's name has
	// the next column to run into, a path wraps in "Mã chỉ số", a hash runs from
	// "Tệp" to the end.
	gap := Cell{Kind: Empty}
	s.Pre = append(s.Pre, []Cell{title("TỆP ĐẦU VÀO")}, []Cell{title("Vai trò"), gap, title("Tệp"), gap, gap, title("SHA-256")})
	for _, f := range in.Files {
		s.Pre = append(s.Pre, []Cell{text(f.Role), gap, text(f.Path), gap, gap, text(f.SHA256)})
	}
	if len(in.Result.Criteria.Params) > 0 {
		s.Pre = append(s.Pre, []Cell{}, []Cell{title("NGƯỠNG ĐÃ DÙNG"), gap, text("Bộ tiêu chí " + in.Result.Criteria.Version)})
		var names []string
		for k := range in.Result.Criteria.Params {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			s.Pre = append(s.Pre, []Cell{text(k), gap, text(in.Result.Criteria.Params[k])})
		}
	}
	s.Pre = append(s.Pre, []Cell{}, []Cell{title("NGUỒN TỪNG GIÁ TRỊ")})
	s.N = sources(in, func(score.Ward, Source, *criteria.Input, int) bool { return true })
	s.Each = func(yield func([]Cell) bool) {
		sources(in, func(w score.Ward, src Source, input *criteria.Input, i int) bool {
			r, which := src.Values[input.ID].Now, "Kỳ này"
			if i == 1 {
				r, which = src.Values[input.ID].Prev, "Cùng kỳ năm trước"
			}
			return yield([]Cell{text(w.Code), text(w.Name), text(input.ID), text(which), numCell(r),
				text(src.File), text(src.Sheet), text(src.Cells[input.ID][i])})
		})
	}
	return s
}

// sources visits every value read from a form, in order: ward, input, this
// period (0) then last year (1) where the criteria ask for it. It stops when
// visit returns false, and returns how many it visited.
func sources(in Input, visit func(w score.Ward, src Source, input *criteria.Input, i int) bool) int {
	n := 0
	inputs := in.Criteria.Inputs()
	for _, w := range in.Result.Wards {
		src, ok := in.Sources[w.Code]
		if !ok {
			continue
		}
		for _, input := range inputs {
			cells := src.Cells[input.ID]
			for i := range 2 {
				if cells[i] == "" || i == 1 && !input.YoY {
					continue
				}
				n++
				if !visit(w, src, input, i) {
					return n
				}
			}
		}
	}
	return n
}
