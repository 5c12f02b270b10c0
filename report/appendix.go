package report

import (
	"fmt"
	"strings"

	"dean/score"
)

// appendixColumns are the columns of a ward's page; the widths are shares of the
// line, chosen so that 22 rows fit one A4 page.
var appendixColumns = []Column{
	{"TC", 12, "C"}, {"Tiêu chí", 36, "L"}, {"Thực tế", 27, "L"}, {"Yêu cầu", 27, "L"},
	{"Kết quả", 16, "C"}, {"Giải thích", 48, "L"},
}

// appendix gives each ward its page: every criterion with its actual values, its
// targets, the verdict and why; failed and missing ones are marked.
func appendix(in Input) []AppendixPage {
	var pages []AppendixPage
	for i, w := range in.Result.Wards {
		state := "chưa đạt chuẩn"
		if w.Model {
			state = "đạt chuẩn"
		}
		where := fmt.Sprintf("Quận %s - mã phường %s - %s", w.District, w.Code, in.Period.Label())
		if w.District == "" {
			where = fmt.Sprintf("Mã phường %s - %s", w.Code, in.Period.Label())
		}
		p := AppendixPage{
			Title: fmt.Sprintf("Phụ lục %d", i+1),
			Lines: []string{
				"KẾT QUẢ ĐÁNH GIÁ CÔNG AN PHƯỜNG " + upper(w.Name),
				where,
				fmt.Sprintf("Kết quả: đạt %d/%d tiêu chí, %s.", w.Passed, w.Total, state),
			},
			Table: Table{Columns: appendixColumns},
		}
		for _, c := range w.Criteria {
			p.Table.Rows = append(p.Table.Rows, Row{
				Cells:  []string{c.ID, c.Name, joinField(c, actual), joinField(c, target), c.Verdict.Text(), explain(in, c)},
				Marked: c.Verdict == score.Fail || c.Verdict == score.Missing,
			})
		}
		pages = append(pages, p)
	}
	return pages
}

func actual(i score.Indicator) string { return i.Actual() }
func target(i score.Indicator) string { return i.Target() }

// joinField joins one field of a criterion's indicators; a missing value shows as
// a dash so the positions still line up with the targets.
func joinField(c score.Criterion, f func(score.Indicator) string) string {
	var parts []string
	for _, ind := range c.Indicators {
		v := f(ind)
		if v == "" {
			v = "—"
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, "; ")
}

// explain says why a criterion failed or lacks data; for a pass, how many
// indicators it rests on, since the values beside it already show them.
func explain(in Input, c score.Criterion) string {
	if c.Verdict != score.Pass {
		return missText(in, c)
	}
	na := 0
	for _, ind := range c.Indicators {
		if ind.Verdict == score.NA {
			na++
		}
	}
	s := fmt.Sprintf("Đạt %d/%d chỉ số", len(c.Indicators)-na, len(c.Indicators))
	if na > 0 {
		s += fmt.Sprintf(", %d chỉ số không áp dụng", na)
	}
	return s
}
