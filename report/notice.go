package report

import "dean/score"

// rescoredTitle heads the notice of a report scored with criteria other than
// the bundled ones: such a report can never pass for the official one.
const rescoredTitle = "KẾT QUẢ CHẤM LẠI, KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC"

// rescored says how the criteria in force depart from the bundled ones: what
// that means, then each departure, a threshold as its label, the value used and
// the bundled one. Nothing for the bundled criteria.
func rescored(info score.Info) (why string, items []string) {
	if len(info.Departures) == 0 {
		return "", nil
	}
	for _, d := range info.Departures {
		items = append(items, departureText(d))
	}
	return "Kết quả trong báo cáo này được chấm theo bộ tiêu chí có thay đổi so với Bộ tiêu chí gốc, chỉ để tham khảo, không thay thế kết quả đánh giá chính thức. Những điểm thay đổi:", items
}

// departureText says one departure: "Mức giảm tối thiểu số vụ phạm tội về
// trật tự xã hội so với cùng kỳ: áp dụng 5 % (Bộ tiêu chí gốc: 6 %).", or the
// departure's own sentence when it is not a changed threshold.
func departureText(d score.Departure) string {
	if d.Label == "" || d.Value == "" || d.Bundled == "" {
		return d.Text
	}
	return d.Label + ": áp dụng " + d.Value + " (Bộ tiêu chí gốc: " + d.Bundled + ")."
}
