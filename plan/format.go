package plan

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dean/units"
)

// Status is a year's count against its target in words.
func (y Year) Status() string {
	switch {
	case y.Scores == nil:
		return "chưa có số liệu"
	case y.Target.Phase == 1 && y.Year < y.Target.Deadline(Default()):
		if y.Target.Actual >= y.Target.Min {
			return "đã đạt mục tiêu giai đoạn 1"
		}
		return "đang thực hiện giai đoạn 1"
	case y.Target.Actual >= y.Target.Max:
		return "đạt chỉ tiêu"
	case y.Target.Shortfall() == 0:
		return "đạt mức tối thiểu"
	}
	return fmt.Sprintf("thiếu %d phường", y.Target.Shortfall())
}

// WriteTable writes the years as staff read them, then the history of the wards
// formed from old wards that were recognised.
func WriteTable(w io.Writer, years []Year, reg *Register, merger *units.Merger) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NĂM\tDANH MỤC\tSỐ PHƯỜNG\tCÓ KẾT QUẢ\tĐẠT 22/22\tCÔNG NHẬN TRONG NĂM\tLŨY KẾ CÔNG NHẬN\tCHỈ TIÊU LŨY KẾ\tĐÁNH GIÁ")
	for _, y := range years {
		list, wards, assessed, model := "—", "—", "—", "—"
		if y.List != nil {
			list, wards = y.List.ID, fmt.Sprint(len(y.List.Wards))
		}
		if y.Scores != nil {
			assessed, model = fmt.Sprint(y.Scores.Assessed), fmt.Sprint(len(y.Scores.Model))
			if y.Scores.Half {
				model += " (6 tháng)"
			}
		}
		inYear, rec := fmt.Sprint(y.RecognisedInYear), fmt.Sprint(y.Recognised)
		if y.Inherited > 0 {
			rec += fmt.Sprintf(" (+%d kế thừa)", y.Inherited)
		}
		if y.NoRegister {
			inYear, rec = "—", "—"
		}
		target := y.Target.TargetText()
		if y.Target.Phase == 1 {
			target += fmt.Sprintf(" (hết %d)", Default().Phase1End)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", y.Year, list, wards, assessed, model, inYear, rec, target, y.Status())
	}
	tw.Flush()
	fmt.Fprintln(bw, "\nĐạt 22/22: theo kết quả chấm số liệu đã lưu trong kho của kỳ năm (hoặc 6 tháng khi chưa có kỳ năm); công nhận: theo quyết định trong sổ công nhận.")
	fmt.Fprintln(bw, "Kế thừa: phường mới (từ 1/7/2025) chưa được công nhận nhưng có đơn vị cũ đã được công nhận; ghi làm lịch sử, không tính vào lũy kế.")
	if history := Histories(years, reg, merger); len(history) > 0 {
		fmt.Fprintln(bw, "\nLịch sử công nhận của các phường mới:")
		for _, h := range history {
			fmt.Fprintf(bw, "  %s\n", h)
		}
	}
	return bw.Flush()
}

// Histories writes, for each ward of the newest list formed from old wards that
// were recognised, what it inherits: "Phường Cái Khế (gồm phường Cái Khế (cũ), An
// Hòa, Bùi Hữu Nghĩa (một phần)): phường Cái Khế (cũ) được công nhận năm 2023
// (QĐ 1520/QĐ-BCA-V05 ngày 20/12/2023)".
func Histories(years []Year, reg *Register, merger *units.Merger) []string {
	if len(years) == 0 || years[len(years)-1].List == nil || merger == nil {
		return nil
	}
	var out []string
	for _, w := range years[len(years)-1].List.Wards {
		_, inherited := reg.Of(w.Key(), merger)
		if len(inherited) == 0 {
			continue
		}
		formed, _ := merger.History(w.Key())
		// One clause an old ward, its years in order.
		var parts []string
		var last units.Key
		for _, r := range inherited {
			year := fmt.Sprintf("năm %d (QĐ %s ngày %s)", r.Year, r.Decision, r.Date.Format("02/01/2006"))
			if len(parts) > 0 && r.Ward.Key() == last {
				parts[len(parts)-1] += ", " + year
				continue
			}
			parts = append(parts, fmt.Sprintf("phường %s (cũ) được công nhận %s", r.Ward.Name, year))
			last = r.Ward.Key()
		}
		out = append(out, fmt.Sprintf("Phường %s (%s): %s", w.Name, formed, strings.Join(parts, "; ")))
	}
	return out
}

// yearJSON is a year as other programs read it.
type yearJSON struct {
	Year             int    `json:"year"`
	List             string `json:"list"`
	Wards            int    `json:"wards"`
	Assessed         *int   `json:"assessed"`
	Model            *int   `json:"model_by_score"`
	HalfYearOnly     bool   `json:"half_year_only"`
	RecognisedInYear *int   `json:"recognised_in_year"` // null: no register given
	Recognised       *int   `json:"recognised_cumulative"`
	Inherited        *int   `json:"inherited"`
	TargetMin        int    `json:"target_min"`
	TargetMax        int    `json:"target_max"`
	Phase            int    `json:"phase"`
	Status           string `json:"status"`
}

// WriteJSON writes the years as a JSON array.
func WriteJSON(w io.Writer, years []Year) error {
	out := make([]yearJSON, 0, len(years))
	for _, y := range years {
		j := yearJSON{Year: y.Year, TargetMin: y.Target.Min, TargetMax: y.Target.Max, Phase: y.Target.Phase, Status: y.Status()}
		if !y.NoRegister {
			j.RecognisedInYear, j.Recognised, j.Inherited = &y.RecognisedInYear, &y.Recognised, &y.Inherited
		}
		if y.List != nil {
			j.List, j.Wards = y.List.ID, len(y.List.Wards)
		}
		if y.Scores != nil {
			a, m := y.Scores.Assessed, len(y.Scores.Model)
			j.Assessed, j.Model, j.HalfYearOnly = &a, &m, y.Scores.Half
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
