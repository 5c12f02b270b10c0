package units

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"time"
)

// The lists dean ships, one file each; README.md beside them says where they come from.
//
//go:embed can-tho-*.csv
var listFiles embed.FS

// Bundled returns the lists dean ships, in the order of their validity: Cần Thơ's 42
// wards in 5 districts until 30/6/2025, then its 31 wards without districts.
func Bundled() []*List {
	ls, err := loadBundled()
	if err != nil {
		panic(err) // the embedded lists are tested
	}
	return ls
}

func loadBundled() ([]*List, error) {
	names, err := fs.Glob(listFiles, "*.csv")
	if err != nil {
		return nil, err
	}
	var ls []*List
	var errs []error
	for _, name := range names {
		data, _ := listFiles.ReadFile(name)
		l, err := Parse(bytes.NewReader(data), name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ls = append(ls, l)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := CheckSet(ls); err != nil {
		return nil, err
	}
	slices.SortFunc(ls, func(a, b *List) int { return a.Valid.From.Compare(b.Valid.From) })
	return ls, nil
}

// Named returns the bundled list with this ID ("can-tho-2022", "can-tho-2025").
func Named(id string) (*List, bool) {
	for _, l := range Bundled() {
		if l.ID == id {
			return l, true
		}
	}
	return nil, false
}

// InForce returns the bundled list in force on day: for a report, the period's due
// date (period.Period.Units), so that the annual report of 2025, due 15/11/2025, is
// on the 31 wards of 1/7/2025 and the six-month report of 2025, due 15/5/2025, on
// the 42 before them.
func InForce(day time.Time) (*List, error) {
	for _, l := range Bundled() {
		if l.Valid.Contains(day) {
			return l, nil
		}
	}
	return nil, fmt.Errorf("không có danh mục đơn vị nào có hiệu lực ngày %s", dmy(day))
}

// CheckSet checks lists meant to be used side by side, as the bundled ones are:
// no two share an ID, and no day falls in the validity of two, so that a date
// chooses one list.
func CheckSet(lists []*List) error {
	var errs []error
	for i, a := range lists {
		for _, b := range lists[:i] {
			switch {
			case a.ID == b.ID:
				errs = append(errs, &Problem{File: a.File, Line: 0,
					Msg: fmt.Sprintf("danh mục %s trùng mã với danh mục trong %s", a.ID, b.File)})
			case a.Valid.Overlaps(b.Valid):
				errs = append(errs, &Problem{File: a.File, Line: a.validLine,
					Msg: fmt.Sprintf("hiệu lực (%s) chồng lên hiệu lực của danh mục %s (%s, %s)", a.Valid, b.ID, b.File, b.Valid)})
			}
		}
	}
	return errors.Join(errs...)
}
