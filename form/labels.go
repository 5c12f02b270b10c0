package form

import (
	"fmt"
	"strings"

	"dean/period"
	"dean/submission"
	"dean/units"
)

// list is the units list a sheet's codes belong to: the one given, or else the
// one in force on the due date of the period assessed or, failing that, of the
// sheet's own period (31135 is Tân An on a 2024 form and Ninh Kiều on a 2025
// one). A sheet whose period is unknown, already reported, is read against the
// newest list.
func (r *sheetReader) list(code string) *units.List {
	if r.o.Units != nil {
		return r.o.Units
	}
	p, err := r.periods.parse(code)
	if r.o.Period != nil {
		p, err = *r.o.Period, nil
	}
	if err == nil {
		if l, err := p.Units(); err == nil {
			return l
		}
	}
	lists := units.Bundled()
	return lists[len(lists)-1]
}

// otherMap reports whether a sheet's period, not the one assessed, is on another
// map: its values are not used (its period says so), and its codes name other
// wards on the map assessed, so checking them would only add noise.
func (r *sheetReader) otherMap(code string) bool {
	if r.o.Period == nil {
		return false
	}
	p, err := r.periods.parse(code)
	if err != nil || p == *r.o.Period {
		return false
	}
	a, errA := p.Units()
	b, errB := r.o.Period.Units()
	return errA == nil && errB == nil && a.ID != b.ID
}

// ward identifies the sheet's ward by its code, checking the name and district
// against the units list. Without a code, a name that matches exactly one ward
// still identifies it.
func (r *sheetReader) ward(m fields, list *units.List) (units.Ward, bool) {
	code, name, district := m[labelCode], m[labelName], m[labelDistrict]
	if code.value == "" {
		msg := "thiếu mã phường"
		if !code.labelled {
			msg = fmt.Sprintf("thiếu mã phường: không tìm thấy ô %q phía trên bảng số liệu", labelCode)
		}
		if name.value != "" {
			if ws := list.ByName(name.value); len(ws) == 1 {
				r.addAt(code, "", fmt.Sprintf("%s (theo tên phường, đây là phường %s, mã %s)", msg, ws[0].Name, ws[0].Code))
				return ws[0], true
			}
		}
		r.addAt(code, "", msg)
		return units.Ward{}, false
	}
	w, ok := list.ByCode(code.value)
	if !ok {
		r.addAt(code, "", fmt.Sprintf("mã phường %s không có trong danh mục đơn vị %s (%d phường)", submission.Quote(code.value), list.ID, len(list.Wards)))
		return units.Ward{}, false
	}
	if name.value != "" && r.keys.of(name.value) != r.keys.of(w.Name) {
		r.addAt(name, "", fmt.Sprintf("tên phường %s không khớp với mã phường %s (theo danh mục là phường %s)", submission.Quote(name.value), w.Code, w.Name))
	}
	if district.value != "" && w.District != "" && r.districtKey(district.value) != r.districtKey(w.District) {
		r.addAt(district, "", fmt.Sprintf("quận %s không khớp với mã phường %s (theo danh mục là quận %s)", submission.Quote(district.value), w.Code, w.District))
	}
	return w, true
}

// districtKey lets "Quận Ninh Kiều" match "Ninh Kiều".
func (r *sheetReader) districtKey(s string) string {
	return strings.TrimPrefix(r.keys.of(s), quanPrefix)
}

var quanPrefix = units.NameKey("quận") + " "

// version reports a form made for another criteria version; its values are not
// read, since an id may mean something else there. A form that carries no version
// (one written by another program) is read: its ids are checked one by one.
func (r *sheetReader) version(m fields) bool {
	v := m[labelVersion]
	if v.value == "" {
		v = r.book[labelVersion]
		v.labelled = false // the problem belongs to this sheet, not to the guide
	}
	if v.value == "" || v.value == r.o.Set.Version {
		return true
	}
	r.addAt(v, "", fmt.Sprintf("biểu mẫu lập theo bộ tiêu chí phiên bản %s, đang dùng phiên bản %s: hãy lập lại biểu mẫu bằng dean template", v.value, r.o.Set.Version))
	return false
}

// period reads the sheet's period (label or code) and refuses values for another
// period. The "Hướng dẫn" sheet's period is the form's: an empty period cell falls
// back on it but is still reported, and a sheet whose period differs from it is
// reported even when no period is asked for, since one of the two is wrong.
// unusedWithoutPeriod: when a period is being assessed, values of a sheet whose
// own period is unknown cannot be trusted to belong to it, as with a sheet for
// another period.
func (r *sheetReader) unusedWithoutPeriod() string {
	if r.o.Period == nil {
		return ""
	}
	return ": số liệu ở trang này không được dùng"
}

func (r *sheetReader) period(m fields, readValues bool) (string, bool) {
	p := m[labelPeriod]
	book, hasBook := r.bookPeriod()
	if p.value == "" {
		msg := "thiếu kỳ báo cáo: hãy ghi kỳ vào ô này"
		if !p.labelled {
			msg = fmt.Sprintf("thiếu kỳ báo cáo: không tìm thấy ô %q phía trên bảng số liệu", labelPeriod)
		}
		if !hasBook {
			if p.labelled {
				msg += ", ví dụ 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm)"
			}
			r.addAt(p, "", msg+r.unusedWithoutPeriod())
			return "", readValues && r.o.Period == nil
		}
		r.addAt(p, "", fmt.Sprintf("%s; tạm lấy kỳ của biểu mẫu (%s) ghi ở trang %s", msg, book.Label(), guideSheet))
		return r.want(p, book, readValues)
	}
	got, err := r.periods.parse(p.value)
	if err != nil {
		r.addAt(p, "", err.Error()+r.unusedWithoutPeriod())
		return "", readValues && r.o.Period == nil
	}
	if want := r.o.Period; want != nil && got != *want {
		// The sheet's own period decides; the guide's is then beside the point.
		return r.want(p, got, readValues)
	}
	if hasBook && got != book {
		r.addAt(p, "", fmt.Sprintf("kỳ báo cáo của trang này (%s) khác với kỳ của biểu mẫu (%s) ghi ở trang %s", got.Label(), book.Label(), guideSheet))
	}
	return got.String(), readValues
}

// want checks a sheet's period against the one asked for, if any.
func (r *sheetReader) want(p field, got period.Period, readValues bool) (string, bool) {
	if want := r.o.Period; want != nil && got != *want {
		r.addAt(p, "", fmt.Sprintf("biểu mẫu của kỳ %s, đang đánh giá kỳ %s: số liệu ở trang này không được dùng", got.Label(), want.Label()))
		return got.String(), false
	}
	return got.String(), readValues
}

// bookPeriod is the period of the "Hướng dẫn" sheet, when it has a valid one.
func (r *sheetReader) bookPeriod() (period.Period, bool) {
	v := r.book[labelPeriod].value
	if v == "" {
		return period.Period{}, false
	}
	p, err := r.periods.parse(v)
	return p, err == nil
}
