package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dean"
	"dean/period"
	"dean/units"
)

// TestSplitDistrictWithoutDistricts: a units list from 1/7/2025 has wards that
// report directly. Splitting it by district is a usage error that points at
// --split ward, and writes nothing. (units.Parse does not yet take such a list,
// so the wards are made here.)
func TestSplitDistrictWithoutDistricts(t *testing.T) {
	set, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	wards := []units.Ward{{Code: "31117", Name: "Cái Khế"}, {Code: "31120", Name: "An Hòa"}}
	dir := filepath.Join(t.TempDir(), "forms")
	opts := templateOptions{split: "district", out: dir}
	err = writeSplit(opts, set, period.Period{Year: 2026}, wards, io.Discard)
	var u usageError
	var h hinted
	if !errors.As(err, &u) || !errors.As(err, &h) || !strings.Contains(h.hint, "--split ward") ||
		!strings.Contains(err.Error(), "2 phường không thuộc quận nào, như phường Cái Khế (mã 31117)") {
		t.Errorf("error %v (usage %v, hint %q)", err, errors.As(err, &u), h.hint)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s was made", dir)
	}

	opts.split = "ward"
	if err := writeSplit(opts, set, period.Period{Year: 2026}, wards, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"31117-cai-khe.xlsx", "31120-an-hoa.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}
