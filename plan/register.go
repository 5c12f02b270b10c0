package plan

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"dean/units"
)

// Recognition is one decision of the Ministry recognising a ward as a model ward
// for a year.
type Recognition struct {
	Ward     units.Ward // with its list: the code is of the list in force then
	Year     int        // the year recognised for
	Decision string     // "1520/QĐ-BCA-V05"
	Date     time.Time  // the decision's date
	Line     int
}

// Register is the recognition decisions, in file order.
type Register struct {
	File  string
	Items []Recognition
}

var registerHeader = []string{"danh_muc", "ma_phuong", "ten_phuong", "nam", "so_quyet_dinh", "ngay_quyet_dinh"}

// ParseRegister reads the register: a CSV (UTF-8, comma or semicolon, as Excel
// saves "CSV UTF-8") with the header danh_muc,ma_phuong,ten_phuong,nam,
// so_quyet_dinh,ngay_quyet_dinh and dates as dd/mm/yyyy. Each ward must be in
// one of lists, under its name there; every problem is reported, with its line.
func ParseRegister(r io.Reader, file string, lists ...*units.List) (*Register, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: tệp không ở dạng UTF-8: trong Excel hãy lưu bằng \"CSV UTF-8 (Comma delimited)\"", file)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: không đọc được CSV: %w", file, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: tệp rỗng", file)
	}
	for i, h := range registerHeader {
		if i >= len(rows[0]) || strings.TrimSpace(rows[0][i]) != h {
			return nil, fmt.Errorf("%s:1: dòng tiêu đề phải là %s", file, strings.Join(registerHeader, ","))
		}
	}
	reg := &Register{File: file}
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	seen := map[string]int{}
	for i, row := range rows[1:] {
		line := i + 2
		if blank(row) {
			continue
		}
		if len(row) < len(registerHeader) {
			bad(line, "cần %d cột, có %d", len(registerHeader), len(row))
			continue
		}
		f := func(j int) string { return norm.NFC.String(strings.TrimSpace(row[j])) }
		rec := Recognition{Decision: f(4), Line: line}
		list := listNamed(lists, f(0))
		w, ok := units.Ward{}, false
		switch {
		case list == nil:
			bad(line, "không có danh mục đơn vị %q", f(0))
		default:
			if w, ok = list.ByCode(f(1)); !ok {
				bad(line, "mã phường %s không có trong danh mục %s", f(1), list.ID)
			} else if units.NameKey(f(2)) != units.NameKey(w.Name) {
				bad(line, "tên phường %q không khớp với mã %s (theo danh mục %s là phường %s)", f(2), w.Code, list.ID, w.Name)
			}
		}
		rec.Ward = w
		year, err := strconv.Atoi(f(3))
		if err != nil || year < 2000 || year > 2100 {
			bad(line, "năm %q không hợp lệ", f(3))
		}
		rec.Year = year
		if rec.Date, err = time.Parse("02/01/2006", f(5)); err != nil {
			if rec.Date, err = time.Parse("2/1/2006", f(5)); err != nil {
				bad(line, "ngày quyết định %q không hợp lệ: viết dd/mm/yyyy, ví dụ 20/12/2025", f(5))
			}
		}
		if err == nil && year > 0 && rec.Date.Year() < year {
			bad(line, "quyết định ngày %s công nhận cho năm %d: chưa hết năm đã công nhận", f(5), year)
		}
		if rec.Decision == "" {
			bad(line, "thiếu số quyết định")
		}
		if ok {
			key := fmt.Sprintf("%s/%d", w.Key(), year)
			if first, dup := seen[key]; dup {
				bad(line, "phường %s đã được ghi công nhận năm %d ở dòng %d", w.Name, year, first)
			}
			seen[key] = line
		}
		reg.Items = append(reg.Items, rec)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return reg, nil
}

func blank(row []string) bool {
	return !slices.ContainsFunc(row, func(s string) bool { return strings.TrimSpace(s) != "" })
}

func listNamed(lists []*units.List, id string) *units.List {
	for _, l := range lists {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// Of returns the recognitions of a ward, and those of the old units it was formed
// from (its history), in year order.
func (r *Register) Of(w units.Key, merger *units.Merger) (own, inherited []Recognition) {
	if r == nil {
		return nil, nil
	}
	olds := map[units.Key]bool{}
	if merger != nil {
		for _, l := range merger.Predecessors(w) {
			olds[l.Old] = true
		}
	}
	for _, rec := range r.Items {
		switch k := rec.Ward.Key(); {
		case k == w:
			own = append(own, rec)
		case olds[k]:
			inherited = append(inherited, rec)
		}
	}
	byYear := func(a, b Recognition) int { return a.Year - b.Year }
	slices.SortStableFunc(own, byYear)
	// Inherited ones by old ward, in the order the merger names them, then year.
	order := map[units.Key]int{}
	if merger != nil {
		for i, l := range merger.Predecessors(w) {
			order[l.Old] = i
		}
	}
	slices.SortStableFunc(inherited, func(a, b Recognition) int {
		if d := order[a.Ward.Key()] - order[b.Ward.Key()]; d != 0 {
			return d
		}
		return a.Year - b.Year
	})
	return own, inherited
}
