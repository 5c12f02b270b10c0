// Command deangen writes dean's test data: filled forms whose values come from
// package gen and are the same on every run.
//
//	deangen -o testdata/can-tho-2022          the 42 wards of Cần Thơ, assessment of 2022
//	deangen -history -o testdata/history      2023 to 2026 across the 2025 merger, one
//	                                          folder per period, and the register cong-nhan.csv
//	deangen -national -o bench/data           3.321 wards in 34 provinces, plus units.csv
//	deangen -national -period 2024 -o DIR     the same for another period
//
// Forms come one workbook per district while there are districts, and one per
// ward from 1/7/2025, when wards report straight to the city: the files are
// those the city police receive.
//
//go:generate go run . -o ../../testdata/can-tho-2022
//go:generate go run . -history -o ../../testdata/history
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dean"
	"dean/atomicfile"
	"dean/criteria"
	"dean/form"
	"dean/gen"
	"dean/period"
	"dean/score"
	"dean/units"
)

func main() {
	out := flag.String("o", "", "thư mục ghi dữ liệu (bắt buộc)")
	national := flag.Bool("national", false, "tạo bộ dữ liệu toàn quốc thay cho Cần Thơ 2022")
	history := flag.Bool("history", false, "tạo số liệu Cần Thơ các kỳ 2023–2026 và sổ công nhận thay cho Cần Thơ 2022")
	wards := flag.Int("wards", 3321, "số phường của bộ toàn quốc")
	provinces := flag.Int("provinces", 34, "số tỉnh của bộ toàn quốc (mỗi tỉnh một tệp)")
	periodCode := flag.String("period", "2026-H1", "kỳ báo cáo của bộ toàn quốc")
	flag.Parse()
	p, err := period.Parse(*periodCode)
	if err != nil {
		fmt.Fprintln(os.Stderr, "deangen:", err)
		os.Exit(2)
	}
	if *out == "" || flag.NArg() > 0 || *national && *history {
		flag.Usage()
		os.Exit(2)
	}
	do := func() error { return run(*out, *national, *wards, *provinces, p) }
	if *history {
		do = func() error { return runHistory(*out) }
	}
	if err := do(); err != nil {
		fmt.Fprintln(os.Stderr, "deangen:", err)
		os.Exit(1)
	}
}

func run(dir string, national bool, n, provinces int, np period.Period) error {
	set, err := dean.DefaultSet()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	list, vals := units.Default(), map[string]score.Values(nil)
	p := period.Period{Year: 2022}
	if national {
		p = np
		if list, vals, err = gen.National(set, n, provinces); err != nil {
			return err
		}
		err = atomicfile.Write(filepath.Join(dir, "units.csv"), func(w io.Writer) error {
			return gen.WriteUnitsCSV(w, list)
		})
	} else {
		vals, err = gen.CanTho2022(set, list)
	}
	if err != nil {
		return err
	}
	return writeForms(dir, set, list, p, vals)
}

// runHistory writes each period of gen.History in a folder named for it
// ("2025-H1"), and the register as cong-nhan.csv.
func runHistory(dir string) error {
	set, err := dean.DefaultSet()
	if err != nil {
		return err
	}
	filings, err := gen.History(set)
	if err != nil {
		return err
	}
	for _, f := range filings {
		d := filepath.Join(dir, f.Period.String())
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		if err := writeForms(d, set, f.Units, f.Period, f.Values); err != nil {
			return err
		}
	}
	rs, err := gen.Register()
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "cong-nhan.csv"), func(w io.Writer) error {
		return gen.WriteRegister(w, rs)
	})
}

// writeForms writes the filled forms of one period, a workbook per district or,
// for a list without districts, per ward, named for it ("ninh-kieu.xlsx").
func writeForms(dir string, set *criteria.Set, list *units.List, p period.Period, vals map[string]score.Values) error {
	books := map[string][]units.Ward{}
	var names []string
	add := func(name string, ws []units.Ward) error {
		if _, dup := books[name]; dup {
			return fmt.Errorf("hai đơn vị cùng tên tệp %s.xlsx", name)
		}
		books[name] = ws
		names = append(names, name)
		return nil
	}
	for _, d := range list.Districts() {
		if err := add(form.Slug(d), wardsOf(list, d)); err != nil {
			return err
		}
	}
	if !list.HasDistricts() {
		for _, w := range list.Wards {
			if err := add(form.Slug(w.Name), []units.Ward{w}); err != nil {
				return err
			}
		}
	}
	for _, name := range names {
		o := form.Options{Set: set, Wards: books[name], Period: p, Values: vals}
		path := filepath.Join(dir, name+".xlsx")
		if err := atomicfile.Write(path, func(w io.Writer) error { return form.Write(w, o) }); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// wardsOf groups by district name exactly as the list spells it: the generated
// names are distinct, so no fuzzy matching is wanted here.
func wardsOf(l *units.List, district string) []units.Ward {
	var ws []units.Ward
	for _, w := range l.Wards {
		if w.District == district {
			ws = append(ws, w)
		}
	}
	return ws
}
