package form

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/period"
	"dean/score"
	"dean/units"
)

// TestReadPeriod starts from a good form for 6 tháng đầu năm 2026 and changes the
// period of the ward sheet (B4) or of the "Hướng dẫn" sheet (B4 too).
func TestReadPeriod(t *testing.T) {
	const s = "Cái Khế"
	h1, y2026 := period.Period{Year: 2026, Half: true}, period.Period{Year: 2026}
	const (
		missingH1 = "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này; tạm lấy kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn"
		otherYear = "kỳ báo cáo của trang này (năm 2025) khác với kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn"
	)
	tests := []struct {
		name     string
		change   func(f *excelize.File)
		want     *period.Period // ReadOptions.Period
		problems []Problem
		period   string // Sheet.Period
		noValues bool   // the sheet's values are not used
	}{
		{
			name:   "good form, no period asked",
			period: "2026-H1",
		},
		{
			name:   "good form, its period asked",
			want:   &h1,
			period: "2026-H1",
		},
		{
			name:     "empty period, no period asked",
			change:   func(f *excelize.File) { must(t, f.SetCellValue(s, "B4", nil)) },
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: missingH1}},
			period:   "2026-H1",
		},
		{
			name:     "empty period, the guide's period asked",
			change:   func(f *excelize.File) { must(t, f.SetCellValue(s, "B4", nil)) },
			want:     &h1,
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: missingH1}},
			period:   "2026-H1",
		},
		{
			name:   "empty period, another period asked",
			change: func(f *excelize.File) { must(t, f.SetCellValue(s, "B4", nil)) },
			want:   &y2026,
			problems: []Problem{
				{Sheet: s, Cell: "B4", Msg: missingH1},
				{Sheet: s, Cell: "B4", Msg: "biểu mẫu của kỳ 6 tháng đầu năm 2026, đang đánh giá kỳ năm 2026: số liệu ở trang này không được dùng"},
			},
			period:   "2026-H1",
			noValues: true,
		},
		{
			name: "empty period, none in the guide either",
			change: func(f *excelize.File) {
				must(t, f.SetCellValue(s, "B4", nil))
				must(t, f.SetCellValue(guideSheet, "B4", nil))
			},
			want:     &h1,
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này, ví dụ 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm): số liệu ở trang này không được dùng"}},
			noValues: true,
		},
		{
			name: "no period label",
			change: func(f *excelize.File) {
				must(t, f.SetCellValue(s, "A4", nil))
				must(t, f.SetCellValue(s, "B4", nil))
			},
			problems: []Problem{{Sheet: s, Msg: `thiếu kỳ báo cáo: không tìm thấy ô "Kỳ báo cáo" phía trên bảng số liệu; tạm lấy kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn`}},
			period:   "2026-H1",
		},
		{
			name: "no period label and no guide period",
			change: func(f *excelize.File) {
				must(t, f.SetCellValue(s, "A4", nil))
				must(t, f.SetCellValue(s, "B4", nil))
				must(t, f.SetCellValue(guideSheet, "B4", nil))
			},
			problems: []Problem{{Sheet: s, Msg: `thiếu kỳ báo cáo: không tìm thấy ô "Kỳ báo cáo" phía trên bảng số liệu`}},
		},
		{
			name:     "period differs from the guide, no period asked",
			change:   func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", "2025")) },
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: otherYear}},
			period:   "2025",
		},
		{
			name:     "period differs from the guide and from the period asked",
			change:   func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", "2025")) },
			want:     &h1,
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: "biểu mẫu của kỳ năm 2025, đang đánh giá kỳ 6 tháng đầu năm 2026: số liệu ở trang này không được dùng"}},
			period:   "2025",
			noValues: true,
		},
		{
			name:   "period asked but the guide differs",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", "năm 2026")) },
			want:   &y2026,
			problems: []Problem{{Sheet: s, Cell: "B4",
				Msg: "kỳ báo cáo của trang này (năm 2026) khác với kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn"}},
			period: "2026",
		},
		{
			name:   "same period written another way",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", " 2026-h1 ")) },
			period: "2026-H1",
		},
		{
			name: "no guide period: nothing to compare with",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, "B4", "2025"))
				must(t, f.SetCellValue(guideSheet, "B4", nil))
			},
			period: "2025",
		},
		{
			name: "unreadable guide period is not a fallback",
			change: func(f *excelize.File) {
				must(t, f.SetCellValue(s, "B4", nil))
				must(t, f.SetCellStr(guideSheet, "B4", "quý 3"))
			},
			problems: []Problem{{Sheet: s, Cell: "B4", Msg: "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này, ví dụ 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm)"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			good := goodValues(testSet)
			path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: h1,
				Values: map[string]score.Values{caiKhe.Code: good}})
			if tt.change != nil {
				edit(t, path, tt.change)
			}
			sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: tt.want})
			if diff := cmp.Diff(tt.problems, stripFile(t, problems, path)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if len(sheets) != 1 {
				t.Fatalf("sheets: %+v", sheets)
			}
			if sheets[0].Period != tt.period {
				t.Errorf("period %q, want %q", sheets[0].Period, tt.period)
			}
			want := good
			if tt.noValues {
				want = score.Values{}
			}
			if diff := cmp.Diff(want, sheets[0].Values); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadTwoSheetsOtherPeriods is the QA case: one ward sheet of a 2026-H1 form
// says 2025, another is empty; both are reported with or without a period asked.
func TestReadTwoSheetsOtherPeriods(t *testing.T) {
	h1 := period.Period{Year: 2026, Half: true}
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: h1,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet), anHoa.Code: goodValues(testSet)}})
	edit(t, path, func(f *excelize.File) {
		must(t, f.SetCellStr("Cái Khế", "B4", "2025"))
		must(t, f.SetCellValue("An Hòa", "B4", nil))
	})
	missing := Problem{Sheet: "An Hòa", Cell: "B4", Msg: "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này; tạm lấy kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn"}
	for _, tt := range []struct {
		name string
		want *period.Period
		msg  string
	}{
		{"no period asked", nil, "kỳ báo cáo của trang này (năm 2025) khác với kỳ của biểu mẫu (6 tháng đầu năm 2026) ghi ở trang Hướng dẫn"},
		{"period asked", &h1, "biểu mẫu của kỳ năm 2025, đang đánh giá kỳ 6 tháng đầu năm 2026: số liệu ở trang này không được dùng"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: tt.want})
			want := []Problem{{Sheet: "Cái Khế", Cell: "B4", Msg: tt.msg}, missing}
			if diff := cmp.Diff(want, stripFile(t, problems, path)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
