package form

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/score"
	"dean/units"
)

// Column widths in characters, chosen so the seven columns fit A4 portrait at
// about 80 % (the pages are also set to fit to width).
var colWidths = []float64{11, 22, 46, 10, 11, 11, 16}

// Write writes the template: the "Hướng dẫn" sheet, then one sheet per ward, filled
// with o.Values where given. The same options always give the same bytes.
func Write(w io.Writer, o Options) error {
	if o.Set == nil {
		return errors.New("form: thiếu bộ tiêu chí")
	}
	f := excelize.NewFile()
	defer f.Close()
	// excelize writes streamed sheets in map order; the same template must be
	// the same file.
	f.SetZipWriter(newOrderedZip)
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", guideSheet); err != nil {
		return err
	}
	if err := guideLayout(st, o).write(f, guideSheet); err != nil {
		return err
	}
	names := sheetNames(o.Wards)
	headerRows := make([]int, len(o.Wards))
	for i, ward := range o.Wards {
		if _, err := f.NewSheet(names[i]); err != nil {
			return err
		}
		l, header, err := wardLayout(st, ward, o)
		if err == nil {
			err = l.write(f, names[i])
		}
		if err != nil {
			return fmt.Errorf("trang %q: %w", names[i], err)
		}
		headerRows[i] = header
		if o.SheetDone != nil {
			o.SheetDone()
		}
	}
	if err := setPrintTitles(f, names, headerRows); err != nil {
		return err
	}
	// excelize's own core properties carry a fixed date; ours are derived from the
	// options alone so that the same template is the same file, byte for byte.
	date := fmt.Sprintf("%d-01-01T00:00:00Z", o.Period.Year)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "dean",
		LastModifiedBy: "dean",
		Created:        date,
		Modified:       date,
		Title:          "Biểu mẫu số liệu " + o.Period.Label(),
		Subject:        "Bộ tiêu chí phiên bản " + o.Set.Version,
		Language:       "vi-VN",
	}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// styles are the template's cell formats.
type styles struct {
	title, label, value, hint, header, area, criterion, text, id, count, yesNo, note, grey int
	prefilled, partial                                                                     int
}

func newStyles(f *excelize.File) (styles, error) {
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Times New Roman", Size: size, Bold: bold}
	}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	wrap := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	defs := []*excelize.Style{
		{Font: font(true, 13), Alignment: wrap("left"), Protection: locked},
		{Font: font(true, 11), Alignment: &excelize.Alignment{Vertical: "center"}, Protection: locked},
		{Font: font(false, 11), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, Protection: locked},
		{Font: &excelize.Font{Family: "Times New Roman", Size: 10, Italic: true}, Alignment: wrap("left"), Protection: locked},
		{Font: font(true, 11), Border: border, Fill: fill("D9E1F2"), Alignment: wrap("center"), Protection: locked},
		{Font: font(true, 11), Border: border, Fill: fill("BDD7EE"), Alignment: wrap("left"), Protection: locked},
		{Font: font(true, 11), Border: border, Fill: fill("EEF3FA"), Alignment: wrap("left"), Protection: locked},
		{Font: font(false, 11), Border: border, Alignment: wrap("left"), Protection: locked},
		{Font: &excelize.Font{Family: "Consolas", Size: 9}, Border: border, Alignment: wrap("left"), Protection: locked},
		{Font: font(false, 11), Border: border, Fill: fill("FFF9E0"), NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Protection: unlocked},
		{Font: font(false, 11), Border: border, Fill: fill("FFF9E0"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Protection: unlocked},
		{Font: font(false, 10), Border: border, Alignment: wrap("left"), Protection: unlocked},
		{Font: font(false, 11), Border: border, Fill: fill("D9D9D9"), Protection: locked},
		{Font: font(false, 11), Border: border, Fill: fill("E2EFDA"), NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Protection: unlocked},
		{Font: &excelize.Font{Family: "Times New Roman", Size: 11, Color: "9C0006"}, Border: border, Fill: fill("FCE4D6"), NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Protection: unlocked},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return styles{}, err
		}
		ids[i] = id
	}
	return styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9], ids[10], ids[11], ids[12], ids[13], ids[14]}, nil
}

var guideLines = []string{
	`Mỗi phường có một trang riêng, tên trang là tên phường. Không đổi tên trang, không xóa trang, không thêm hoặc xóa dòng, cột.`,
	`Ghi số liệu của kỳ báo cáo vào cột "Kỳ này" cho mọi chỉ số, không để trống ô nào; không có thì ghi 0 (hoặc chọn Không).`,
	`Cột "Cùng kỳ năm trước" chỉ điền ở các ô màu vàng (chỉ số so sánh với cùng kỳ); ô tô xám không điền.`,
	`Chỉ số có đơn vị tính "Có/Không": chọn Có hoặc Không trong danh sách thả xuống của ô.`,
	`Các chỉ số khác: ghi số nguyên không âm (0, 1, 2, …, 1.234), không ghi chữ hay số ước lượng như "khoảng 5".`,
	`Không sửa cột "Mã chỉ số" và các ô Mã phường, Tên phường, Quận, Kỳ báo cáo: chương trình đọc số liệu theo các ô này.`,
	`Cột "Ghi chú" dùng để giải thích thêm khi cần.`,
	`Công an thành phố kiểm tra biểu mẫu bằng lệnh "dean check"; ô có lỗi được tô màu và có ghi chú nêu lý do.`,
}

func guideLayout(st styles, o Options) *layout {
	l := &layout{widths: []float64{24, 80}}
	l.band(1, 1, 2, `BIỂU MẪU SỐ LIỆU ĐÁNH GIÁ "CÔNG AN PHƯỜNG ĐIỂN HÌNH, KIỂU MẪU VỀ AN NINH, TRẬT TỰ VÀ VĂN MINH ĐÔ THỊ"`, st.title)
	l.height(1, 36)
	meta := [][2]string{
		{labelVersion, o.Set.Version},
		{labelPeriod, o.Period.Label()},
		{"Căn cứ", o.Set.Source},
	}
	for i, m := range meta {
		l.cell(1, 3+i, m[0], st.label)
		l.cell(2, 3+i, m[1], st.value)
	}
	// The legal basis is long: smaller, on a taller row.
	l.cell(2, 5, o.Set.Source, st.hint)
	l.height(5, 45)
	l.cell(1, 7, "Cách điền", st.label)
	lines := guideLines
	if len(o.Prefill) > 0 {
		lines = append(lines[:len(lines):len(lines)], `Ô "Cùng kỳ năm trước" màu xanh đã được điền sẵn từ số liệu đã nhập kỳ trước (với phường mới từ 1/7/2025: tổng của các phường cũ, nêu ở cột "Ghi chú"); ô màu hồng có phường cũ chỉ sáp nhập một phần nhưng được tính cả: hãy kiểm tra, sửa nếu cần và giữ nguyên ghi chú.`)
	}
	for i, line := range lines {
		row := 8 + i
		l.cell(1, row, fmt.Sprintf("%d.", i+1), st.value)
		l.cell(2, row, line, st.text)
		if n := utf8.RuneCountInString(line); n > 90 {
			l.height(row, 15*math.Ceil(float64(n)/90)+2)
		}
	}
	return l
}

// wardLayout lays out a ward's sheet and says which row is the table's header.
// The labels above the table are found by the reader by their text, not by their
// rows; the rows are fixed only so that every template looks the same.
func wardLayout(st styles, ward units.Ward, o Options) (*layout, int, error) {
	l := &layout{widths: colWidths}
	type label struct{ label, value string }
	labels := []label{{labelCode, ward.Code}, {labelName, ward.Name}}
	// A ward that reports directly (units lists from 1/7/2025) has no district.
	if ward.District != "" {
		labels = append(labels, label{labelDistrict, ward.District})
	}
	// The version comes last, in a hidden row: it is the program's, not the district's.
	labels = append(labels, label{labelPeriod, o.Period.Label()}, label{labelVersion, o.Set.Version})
	for i, m := range labels {
		l.cell(1, i+1, m.label, st.label)
		l.cell(2, i+1, m.value, st.value)
	}
	l.row(len(labels)).hidden = true
	rowHint := len(labels) + 1
	rowHeader := rowHint + 1
	l.band(rowHint, 1, len(headers), `Điền cột "Kỳ này"; cột "Cùng kỳ năm trước" chỉ điền ở ô màu vàng. Xem trang "Hướng dẫn".`, st.hint)
	for i, h := range headers {
		l.cell(i+1, rowHeader, h, st.header)
	}
	l.height(rowHeader, 32)

	vals := o.Values[ward.Code]
	pre, prefilled := o.Prefill[ward.Code]
	var yesNo, counts []string
	row, stt := rowHeader, 0
	for _, area := range o.Set.Areas {
		row++
		l.band(row, 1, len(headers), fmt.Sprintf("Nhóm %s. %s", area.ID, area.Name), st.area)
		l.fit(row, map[int]string{3: area.Name})
		for _, c := range area.Criteria {
			row++
			l.band(row, 1, len(headers), c.ID+". "+c.Name, st.criterion)
			for _, in := range c.Inputs {
				row++
				stt++
				now, _ := excelize.CoordinatesToCellName(5, row)
				prev, _ := excelize.CoordinatesToCellName(6, row)
				unit, input := in.Unit, st.count
				if in.Kind == criteria.Bool {
					unit, input = yes+"/"+no, st.yesNo
				}
				l.cell(1, row, stt, st.text)
				l.cell(2, row, in.ID, st.id)
				l.cell(3, row, in.Label, st.text)
				l.cell(4, row, unit, st.text)
				l.cell(5, row, cellValue(in, vals[in.ID].Now), input)
				note := any(nil)
				switch v, ok := pre.Values[in.ID]; {
				case in.YoY && ok && in.Kind == criteria.Count:
					style := st.prefilled
					if pre.Partial {
						style = st.partial
					}
					l.cell(6, row, v, style)
					note = prefillMark + " (" + pre.Note + ")"
				case in.YoY:
					l.cell(6, row, cellValue(in, vals[in.ID].Prev), input)
					if prefilled && pre.Note != "" {
						note = pre.Note
					}
				default:
					l.cell(6, row, nil, st.grey)
				}
				l.cell(7, row, note, st.note)
				texts := map[int]string{2: in.ID, 3: in.Label}
				if s, ok := note.(string); ok {
					texts[7] = s
				}
				l.fit(row, texts)
				refs := []string{now}
				if in.YoY {
					refs = append(refs, prev)
				}
				if in.Kind == criteria.Bool {
					yesNo = append(yesNo, refs...)
				} else {
					counts = append(counts, refs...)
				}
			}
		}
	}
	if len(yesNo) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(yesNo, " ")
		if err := dv.SetDropList([]string{yes, no}); err != nil {
			return nil, 0, err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Giá trị không hợp lệ", "Hãy chọn Có hoặc Không trong danh sách.")
		l.dvs = append(l.dvs, dv)
	}
	if len(counts) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(counts, " ")
		if err := dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
			return nil, 0, err
		}
		dv.Formula2 = ""
		dv.SetError(excelize.DataValidationErrorStyleStop, "Số liệu không hợp lệ", "Hãy nhập số nguyên không âm: 0, 1, 2, …")
		l.dvs = append(l.dvs, dv)
	}
	first, _ := excelize.CoordinatesToCellName(1, rowHeader+1)
	l.panes = &excelize.Panes{Freeze: true, YSplit: rowHeader, TopLeftCell: first, ActivePane: "bottomLeft"}
	return l, rowHeader, nil
}

// cellValue is what a filled form shows for a value: Có/Không for yes/no inputs.
func cellValue(in *criteria.Input, n score.Num) any {
	switch {
	case !n.OK:
		return nil
	case in.Kind == criteria.Bool && n.V == 1:
		return yes
	case in.Kind == criteria.Bool && n.V == 0:
		return no
	}
	return n.V
}

// sheetNames names each ward's sheet after the ward, within Excel's rules (31
// characters, none of []:*?/\, no quote at either end, unique ignoring case). Wards
// that share a name in different districts get their code added.
func sheetNames(wards []units.Ward) []string {
	clean := func(w units.Ward) string {
		n := strings.Trim(strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\`, r) {
				return '-'
			}
			return r
		}, w.Name), "' ")
		if n == "" {
			n = w.Code
		}
		return n
	}
	key := func(s string) string { return strings.ToLower(units.NameKey(s)) }
	count := map[string]int{key(guideSheet): 1}
	for _, w := range wards {
		count[key(clean(w))]++
	}
	taken := map[string]bool{key(guideSheet): true}
	names := make([]string, len(wards))
	withSuffix := func(base, suffix string) string {
		return truncate(base, 31-utf8.RuneCountInString(suffix)) + suffix
	}
	for i, w := range wards {
		base := clean(w)
		name := truncate(base, 31)
		if count[key(base)] > 1 {
			name = withSuffix(base, " ("+w.Code+")")
		}
		// Truncation or a clash with a code-named ward can still collide.
		for n := 2; taken[key(name)]; n++ {
			name = withSuffix(base, fmt.Sprintf(" (%s-%d)", w.Code, n))
		}
		taken[key(name)] = true
		names[i] = name
	}
	return names
}

func truncate(s string, n int) string {
	if n < 0 {
		n = 0
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRight(string([]rune(s)[:n]), " ")
}
