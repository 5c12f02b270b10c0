// Command deangen writes dean's test data: filled forms, one workbook per district,
// whose values come from package gen and are the same on every run.
//
//	deangen -o testdata/can-tho-2022          the 42 wards of Cần Thơ, assessment of 2022
//	deangen -national -o bench/data           3.321 wards in 34 provinces, plus units.csv
//
//go:generate go run . -o ../../testdata/can-tho-2022
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dean"
	"dean/atomicfile"
	"dean/form"
	"dean/gen"
	"dean/period"
	"dean/score"
	"dean/units"
)

func main() {
	out := flag.String("o", "", "thư mục ghi dữ liệu (bắt buộc)")
	national := flag.Bool("national", false, "tạo bộ dữ liệu toàn quốc thay cho Cần Thơ 2022")
	wards := flag.Int("wards", 3321, "số phường của bộ toàn quốc")
	provinces := flag.Int("provinces", 34, "số tỉnh của bộ toàn quốc (mỗi tỉnh một tệp)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, *national, *wards, *provinces); err != nil {
		fmt.Fprintln(os.Stderr, "deangen:", err)
		os.Exit(1)
	}
}

func run(dir string, national bool, n, provinces int) error {
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
		p = period.Period{Year: 2026, Half: true}
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
	for _, d := range list.Districts() {
		o := form.Options{Set: set, Wards: wardsOf(list, d), Period: p, Values: vals}
		path := filepath.Join(dir, gen.Slug(d)+".xlsx")
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
