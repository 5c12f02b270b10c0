package units

import (
	"io"
	"regexp"
	"strings"
)

// Parse reads a units list: a CSV with the header ma_phuong,ten_phuong and, for a
// list with districts, ma_quan,ten_quan (other columns are ignored). A UTF-8 BOM
// and semicolons, as Excel writes them, are accepted. Before the header, lines
// starting with "#" are notes, except three settings:
//
//	# danh_muc: can-tho-2025     the list's ID (default: the file name)
//	# hieu_luc_tu: 01/07/2025    the first day the list holds (default: no limit)
//	# hieu_luc_den: 30/06/2025   the last day it holds (default: no limit)
//
// A list given as is, without them, holds whatever the date. Every problem is
// reported, with its line.
func Parse(r io.Reader, file string) (*List, error) {
	t, err := readTable(r, file)
	if err != nil {
		return nil, err
	}
	ps := &problems{file: file}
	l := &List{ID: file, File: file, byCode: map[string]int{}}
	l.settings(t.notes, ps)

	col := t.columns(ps, "ma_phuong", "ten_phuong", "ma_quan", "ten_quan")
	code, name, dcode, dname := col[0], col[1], col[2], col[3]
	if code < 0 || name < 0 || (dcode >= 0 && dname < 0) {
		ps.add(t.line, "dòng tiêu đề phải là ma_phuong,ten_phuong (danh mục không có cấp quận) hoặc ma_phuong,ten_phuong,ma_quan,ten_quan")
		return nil, ps.err()
	}
	width := max(code, name, dname) + 1
	lineOf := map[string]int{}
	var noDistrict []record // rows without a district, an error only if others have one
	for _, rec := range t.rows {
		if len(rec.fields) < width {
			ps.add(rec.line, "cần %d cột, có %d", width, len(rec.fields))
			continue
		}
		w := Ward{List: l.ID, Code: clean(rec.fields[code]), Name: clean(rec.fields[name])}
		if dname >= 0 {
			w.District = clean(rec.fields[dname])
		}
		if dcode >= 0 {
			w.DistrictCode = clean(rec.fields[dcode])
		}
		if w.Code == "" || w.Name == "" {
			ps.add(rec.line, "thiếu mã phường hoặc tên phường")
			continue
		}
		if first, dup := lineOf[w.Code]; dup {
			ps.add(rec.line, "mã phường %s trùng với dòng %d", w.Code, first)
			continue
		}
		switch {
		case w.District != "":
			l.hasDistricts = true
		case w.DistrictCode != "":
			ps.add(rec.line, "có mã quận %s mà thiếu tên quận", w.DistrictCode)
			continue
		default:
			noDistrict = append(noDistrict, rec)
		}
		lineOf[w.Code] = rec.line
		l.byCode[w.Code] = len(l.Wards)
		l.Wards = append(l.Wards, w)
	}
	if l.hasDistricts {
		for _, rec := range noDistrict {
			ps.add(rec.line, "thiếu tên quận (các phường khác trong danh mục có quận)")
		}
	}
	if len(ps.list) == 0 && len(l.Wards) == 0 {
		ps.add(0, "danh mục không có phường nào")
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return l, nil
}

var settingNames = map[string]string{"danh muc": "danh_muc", "hieu luc tu": "hieu_luc_tu", "hieu luc den": "hieu_luc_den"}

var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// settings reads the "# key: value" notes that a list file may start with. Keys
// are matched without regard to case or diacritics ("# Hiệu lực từ: ..." works).
func (l *List) settings(notes []note, ps *problems) {
	seen := map[string]int{}
	for _, n := range notes {
		k, v, ok := strings.Cut(n.text, ":")
		if !ok {
			continue
		}
		key := plainKey(strings.ReplaceAll(k, "_", " "))
		v = clean(v)
		name, known := settingNames[key]
		if !known {
			continue // a note
		}
		if first, dup := seen[key]; dup {
			ps.add(n.line, "%s đã ghi ở dòng %d", name, first)
			continue
		}
		seen[key] = n.line
		if key == "danh muc" {
			if !idRE.MatchString(v) {
				ps.add(n.line, "mã danh mục %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và . _ -, ví dụ can-tho-2025", v)
				continue
			}
			l.ID = v
			continue
		}
		if v == "" {
			continue // "# hieu_luc_den:" left open
		}
		d, err := parseDate(v)
		if err != nil {
			ps.add(n.line, "%s: %v", name, err)
			continue
		}
		if l.validLine == 0 {
			l.validLine = n.line
		}
		if key == "hieu luc tu" {
			l.Valid.From = d
		} else {
			l.Valid.Until = d
		}
	}
	if v := l.Valid; !v.From.IsZero() && !v.Until.IsZero() && v.Until.Before(v.From) {
		ps.add(l.validLine, "hiệu lực đến %s trước ngày bắt đầu hiệu lực %s", dmy(v.Until), dmy(v.From))
	}
}
