package archive

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/period"
	"dean/units"
)

// TestLastYearAcrossTheMerger: a ward of the 2025 map gets the sum of its
// predecessors' counts of the year before, never the old ward that had its code.
func TestLastYearAcrossTheMerger(t *testing.T) {
	a := open(t)
	old, _ := units.Named("can-tho-2022")
	nw, _ := units.Named("can-tho-2025")
	for code, n := range map[string]int64{"31123": 10, "31135": 20, "31144": 5, "31117": 7, "31120": 3, "31178": 4, "31150": 8, "31183": 6} {
		w, ok := old.ByCode(code)
		if !ok {
			t.Fatalf("%s not in %s", code, old.ID)
		}
		if _, err := a.Import(ctx, imp(code+".xlsx", record(t, "2024", old.ID, w, code+".xlsx", n))); err != nil {
			t.Fatal(err)
		}
	}
	ly := a.LastYear(units.BundledMerger())
	y2025 := period.Period{Year: 2025}
	ward := func(l *units.List, code string) units.Ward {
		w, ok := l.ByCode(code)
		if !ok {
			t.Fatalf("%s not in %s", code, l.ID)
		}
		return w
	}
	for _, tt := range []struct {
		name    string
		ward    units.Ward
		so      int64
		known   bool
		basis   string
		partial []string
		missing []string
	}{
		{"Ninh Kiều is Thới Bình + Tân An (cũ) + Xuân Khánh", ward(nw, "31135"), 35, true,
			"tổng các đơn vị cũ, gồm phường Thới Bình, Tân An (cũ), Xuân Khánh", nil, nil},
		{"Cái Khế takes Bùi Hữu Nghĩa in part, flagged", ward(nw, "31120"), 14, true,
			"tổng các đơn vị cũ, gồm phường Cái Khế (cũ), An Hòa, Bùi Hữu Nghĩa (một phần)", []string{"phường Bùi Hữu Nghĩa (một phần)"}, nil},
		{"An Bình has a commune dean holds nothing of: no sum", ward(nw, "31150"), 0, false,
			"tổng các đơn vị cũ, gồm phường An Bình (cũ), Long Tuyền (cũ, một phần), xã Mỹ Khánh", []string{"phường Long Tuyền (cũ, một phần)"}, []string{"xã Mỹ Khánh"}},
		{"an old ward's own year before", ward(old, "31135"), 20, true, `tệp 31135.xlsx, trang "Tân An"`, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, ok, err := ly.Prior(ctx, tt.ward, y2025)
			if err != nil || !ok {
				t.Fatalf("prior: %v, %v", ok, err)
			}
			got, known := p.Values["so_vu"]
			if known != tt.known || got != tt.so || p.Period != "2024" || p.Basis != tt.basis {
				t.Errorf("so_vu %d (known %v), period %s, basis %q; want %d (%v), 2024, %q", got, known, p.Period, p.Basis, tt.so, tt.known, tt.basis)
			}
			if diff := cmp.Diff(tt.partial, p.Partial); diff != "" {
				t.Errorf("partial (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.missing, p.Missing); diff != "" {
				t.Errorf("missing (-want +got):\n%s", diff)
			}
		})
	}
	if _, ok, err := ly.Prior(ctx, ward(nw, "31135"), period.Period{Year: 2027}); ok || err != nil {
		t.Errorf("a year the archive does not hold: %v, %v", ok, err)
	}
}

// TestLastYearAsOf: what was stored after the snapshot does not count, and what
// it superseded still does.
func TestLastYearAsOf(t *testing.T) {
	a := open(t)
	old, _ := units.Named("can-tho-2022")
	w, _ := old.ByCode("31117")
	if _, err := a.Import(ctx, imp("a.xlsx", record(t, "2024", old.ID, w, "a.xlsx", 7))); err != nil {
		t.Fatal(err)
	}
	asOf, err := a.Last(ctx)
	if err != nil || asOf == 0 {
		t.Fatalf("last: %d, %v", asOf, err)
	}
	im := imp("b.xlsx", record(t, "2024", old.ID, w, "b.xlsx", 9))
	im.Replace = true
	if _, err := a.Import(ctx, im); err != nil {
		t.Fatal(err)
	}
	p, ok, err := a.LastYearAsOf(nil, asOf).Prior(ctx, w, period.Period{Year: 2025})
	if err != nil || !ok || p.Values["so_vu"] != 7 {
		t.Errorf("as of the first import: %+v, %v, %v; want so_vu 7", p, ok, err)
	}
	p, _, _ = a.LastYear(nil).Prior(ctx, w, period.Period{Year: 2025})
	if p.Values["so_vu"] != 9 {
		t.Errorf("now: %+v, want so_vu 9", p)
	}
}
