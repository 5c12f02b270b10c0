package gen

import "slices"

// boundary is a value at the edge of a rule that the Cần Thơ data exercises, placed
// in the nth ward (in list order) where the plan has criterion crit passing (or
// failing), so that the case cannot change the ward's score.
type boundary struct {
	crit  string
	pass  bool
	nth   int
	apply func(w ward)
}

var boundaries = []boundary{
	// Crime down exactly 6 % passes "giảm ≥ 6 %".
	{"TC10", true, 0, func(w ward) { w.yoy("toi_pham_ttxh", 47, 50) }},
	// No crime last year and none this year: the zero base decides, and passes.
	{"TC10", true, 3, func(w ward) { w.yoy("toi_pham_ttxh", 0, 0) }},
	// A hotspot count halved with no new hotspot passes.
	{"TC10", true, 6, func(w ward) { w.yoy("tu_diem_phuc_tap", 2, 4); w.set("tu_diem_moi", 0) }},
	// Addicts down exactly 15 % pass.
	{"TC10", true, 9, func(w ward) { w.yoy("nguoi_nghien", 34, 40) }},
	// Fugitives caught up exactly 20 %, some still at large, passes.
	{"TC10", true, 12, func(w ward) { w.yoy("truy_bat_dau_thu", 6, 5); w.set("doi_tuong_tron_con_lai", 2) }},
	// Recidivism of exactly 1,5 % is not "dưới 1,5 %": fails.
	{"TC11", false, 0, func(w ward) { w.set("nguoi_sau_an", 200); w.set("nguoi_tai_pham", 3) }},
	// No complaints at all: the share solved is not applicable and the criterion passes.
	{"TC13", true, 0, func(w ward) { w.set("don_thu_tham_quyen", 0); w.set("don_thu_giai_quyet", 0) }},
	// Exactly 90 % of units recognised safe passes.
	{"TC15", true, 0, func(w ward) { w.set("don_vi_tong_so", 50); w.set("don_vi_an_toan", 45) }},
}

// ward returns the index of the ward the case lands in.
func (b boundary) ward(plan [][]string) int {
	n := 0
	for i, fails := range plan {
		if slices.Contains(fails, b.crit) != b.pass {
			if n == b.nth {
				return i
			}
			n++
		}
	}
	panic("gen: not enough wards for boundary case " + b.crit) // a fixed table: caught by the tests
}
