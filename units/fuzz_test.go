package units

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParse holds the units reader to its promises on any input: no panic; an error
// made only of problems that name the file; a list whose wards are trimmed, NFC,
// unique, findable and of the list; and every file the 2022 reader (parseV1)
// accepted read the same, but for the few it read wrongly (text not in UTF-8, a
// column repeated after the fourth) or read on a guess (a blank first line). Its
// corpus is testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(bytes.NewReader(data), "f.csv")
		if err != nil {
			checkProblems(t, err)
		} else {
			checkList(t, l)
		}
		v1, dupColumns, errV1 := parseV1(bytes.NewReader(data))
		if errV1 != nil || startsBlank(data) || dupColumns || !utf8.Valid(data) {
			return
		}
		if err != nil {
			t.Fatalf("a file the 2022 reader accepted fails: %v", err)
		}
		if len(l.Wards) != len(v1) {
			t.Fatalf("%d wards, the 2022 reader read %d", len(l.Wards), len(v1))
		}
		for i, w := range l.Wards {
			w.List = ""
			if w != v1[i] {
				t.Fatalf("ward %d: %+v, the 2022 reader read %+v", i, w, v1[i])
			}
		}
	})
}

func checkProblems(t *testing.T, err error) {
	t.Helper()
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var p *Problem
		if !errors.As(e, &p) || p.File != "f.csv" || p.Line < 0 || p.Msg == "" {
			t.Fatalf("not a problem of f.csv: %#v", e)
		}
	}
}

func checkList(t *testing.T, l *List) {
	t.Helper()
	if len(l.Wards) == 0 {
		t.Fatal("a list without wards")
	}
	if v := l.Valid; !v.From.IsZero() && !v.Until.IsZero() && v.Until.Before(v.From) {
		t.Fatalf("validity %v ends before it starts", v)
	}
	districts := false
	for i, w := range l.Wards {
		for _, s := range []string{w.Code, w.Name, w.District, w.DistrictCode} {
			if s != strings.TrimSpace(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("ward %d: %q is not trimmed NFC", i, s)
			}
		}
		if w.Code == "" || w.Name == "" || w.List != l.ID {
			t.Fatalf("ward %d: %+v in list %q", i, w, l.ID)
		}
		if got, ok := l.ByKey(w.Key()); !ok || got != w {
			t.Fatalf("ward %d: ByKey finds %+v", i, got)
		}
		districts = districts || w.District != ""
	}
	if districts != l.HasDistricts() {
		t.Fatalf("HasDistricts %v, wards with districts %v", l.HasDistricts(), districts)
	}
	for _, w := range l.Wards {
		if l.HasDistricts() && w.District == "" {
			t.Fatalf("ward %s without a district in a list with districts", w.Code)
		}
	}
}

// The 2022 reader sniffed the separator on the first line, blank or not; dean now
// looks at the header.
func startsBlank(data []byte) bool {
	first, _, _ := bytes.Cut(bytes.TrimPrefix(data, []byte("\uFEFF")), []byte("\n"))
	return strings.TrimSpace(string(first)) == ""
}

// parseV1 is the 2022 reader, kept as the reference the new one must agree with.
// dupColumns: the header repeats one of the four columns after the fourth, which
// the 2022 reader ignored and dean now reports.
func parseV1(r io.Reader) (ws []Ward, dupColumns bool, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, false, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, false, err
	}
	if len(rows) == 0 {
		return nil, false, errors.New("empty")
	}
	header := []string{"ma_phuong", "ten_phuong", "ma_quan", "ten_quan"}
	for i, h := range header {
		if i >= len(rows[0]) || strings.TrimSpace(rows[0][i]) != h {
			return nil, false, errors.New("header")
		}
	}
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		if len(row) < 4 {
			return nil, false, errors.New("columns")
		}
		w := Ward{Code: clean(row[0]), Name: clean(row[1]), DistrictCode: clean(row[2]), District: clean(row[3])}
		if w.Code == "" || w.Name == "" || w.District == "" || seen[w.Code] {
			return nil, false, fmt.Errorf("row %v", row)
		}
		seen[w.Code] = true
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return nil, false, errors.New("no wards")
	}
	for _, h := range rows[0][4:] {
		dupColumns = dupColumns || slices.Contains(header, strings.ToLower(strings.TrimSpace(h)))
	}
	return ws, dupColumns, nil
}

// FuzzParseMerger: no panic, only problems, and a table whose links point into
// the lists it was checked against.
func FuzzParseMerger(f *testing.F) {
	lists := Bundled()
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMerger(bytes.NewReader(data), "f.csv", lists...)
		if err != nil {
			checkProblems(t, err)
			return
		}
		for _, lk := range m.Links {
			nl := m.lists[lk.New.List]
			if _, ok := nl.ByKey(lk.New); !ok {
				t.Fatalf("line %d: new %s not in its list", lk.Line, lk.New)
			}
			if lk.Listed() {
				if _, ok := m.lists[lk.Old.List].ByKey(lk.Old); !ok {
					t.Fatalf("line %d: old %s not in its list", lk.Line, lk.Old)
				}
			}
			if h, ok := m.History(lk.New); !ok || !strings.HasPrefix(h, "gồm ") {
				t.Fatalf("line %d: history %q", lk.Line, h)
			}
			if _, known := m.Successors(lk.Old); !known {
				t.Fatalf("line %d: old %s has no successors", lk.Line, lk.Old)
			}
		}
	})
}
