package report

import (
	"fmt"
	"os"
	"testing"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/units"
)

// passing holds values that pass every criterion; yoy inputs give {now, last year}.
var passing = map[string][2]int64{
	"cbcs_tong_so": {20}, "cbcs_htt_tro_len": {20}, "so_to_cong_tac": {4}, "bien_che_dinh_muc": {20},
	"cbcs_dat_tieu_chuan": {20}, "xe_o_to_tuan_tra": {1},
	"tin_bao_tiep_nhan": {30}, "tin_bao_xu_ly": {30},
	"toi_pham_ttxh": {47, 50}, "tu_diem_phuc_tap": {0, 2}, "nguoi_nghien": {85, 100},
	"truy_bat_dau_thu": {12, 10}, "doi_tuong_tron_con_lai": {3},
	"doi_tuong_tong_so": {40}, "doi_tuong_quan_ly": {40}, "nguoi_sau_an": {200}, "nguoi_tai_pham": {2},
	"don_thu_tham_quyen": {10}, "don_thu_giai_quyet": {10},
	"don_vi_tong_so": {50}, "don_vi_an_toan": {46},
	"mo_hinh_tu_quan": {2}, "mo_hinh_dan_van_kheo": {1}, "y_kien_nhan_dan": {12}, "y_kien_giai_quyet": {12},
	"khu_vuc_tong_so": {10}, "khu_vuc_van_hoa": {9}, "ho_tong_so": {3000}, "ho_gia_dinh_van_hoa": {2800},
	"ho_nep_song_van_minh": {2500}, "khu_vuc_co_quy_uoc": {10}, "mau_thuan_phat_sinh": {8},
	"mau_thuan_giai_quyet": {8}, "ho_ven_duong": {400}, "ho_ven_duong_cam_ket": {400},
	"co_so_sxkd": {120}, "co_so_sxkd_dat": {120},
	"tthc_tong_so": {25}, "tthc_cong_khai": {25}, "ho_so_giai_quyet": {1234}, "ho_so_dung_han": {1234},
	"ho_so_truoc_han": {200},
}

// breakers make exactly one criterion fail.
var breakers = map[string]func(score.Values){
	"TC01": set("dang_bo_htxs", 0), "TC02": set("cbcs_htt_tro_len", 19), "TC03": set("so_to_cong_tac", 3),
	"TC04": set("tru_so_dat_chuan", 0), "TC05": set("xe_o_to_tuan_tra", 0), "TC06": set("vu_dua_xe", 1),
	"TC07": set("vu_loi_dung_ton_giao", 1), "TC08": set("nghiep_vu_dat", 0), "TC09": set("tin_bao_xu_ly", 28),
	"TC10": set("toi_pham_ttxh", 49), "TC11": set("nguoi_tai_pham", 3), "TC12": set("su_kien_chinh_tri", 1),
	"TC13": set("don_thu_giai_quyet", 9), "TC14": set("bang_khen_phong_trao", 0), "TC15": set("don_vi_an_toan", 44),
	"TC16": set("mo_hinh_tu_quan", 1), "TC17": set("ho_nep_song_van_minh", 2300), "TC18": set("ho_ven_duong_cam_ket", 390),
	"TC19": set("co_so_sxkd_dat", 110), "TC20": set("ho_so_truoc_han", 100), "TC21": set("don_phan_anh_thai_do", 1),
	"TC22": set("bao_cao_dung_han", 0),
}

func set(id string, v int64) func(score.Values) {
	return func(vals score.Values) {
		r := vals[id]
		r.Now = score.N(v)
		vals[id] = r
	}
}

// hardest is the order in which wards fail criteria: the patrol truck first, as
// in the Đề án (only 2 of 42 wards had one).
var hardest = []string{"TC05", "TC03", "TC04", "TC17", "TC10", "TC15", "TC20", "TC16", "TC02", "TC19", "TC13", "TC18"}

func passingValues(cs *criteria.Set) score.Values {
	vals := score.Values{}
	for _, in := range cs.Inputs() {
		v := passing[in.ID]
		if in.Kind == criteria.Bool {
			v[0] = 1
		}
		r := score.Reading{Now: score.N(v[0])}
		if in.YoY {
			r.Prev = score.N(v[1])
		}
		vals[in.ID] = r
	}
	return vals
}

// defaultSet is the tests' own criteria (testdata/criteria.yaml), so a change to
// the bundled ones touches data, not the report's tests.
func defaultSet(t testing.TB) *criteria.Set {
	t.Helper()
	data, err := os.ReadFile("testdata/criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := criteria.Parse(data, "testdata/criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// deAnLevels is the distribution of the Đề án's 2022 assessment: 3 wards met 12
// criteria, 3 met 13, … 3 met 20.
var deAnLevels = map[int]int{12: 3, 13: 3, 14: 3, 15: 9, 16: 7, 17: 5, 18: 4, 19: 5, 20: 3}

// fixture scores the 42 wards of Cần Thơ so that criteria met are spread as given
// (levels: criteria met -> wards); one ward at 15 lacks a value instead of failing
// its seventh criterion.
func fixture(t testing.TB, p string, levels map[int]int) Input {
	t.Helper()
	return fixtureOn(t, units.Default(), p, levels)
}

// fixtureOn is fixture on another units list: levels cover its wards.
func fixtureOn(t testing.TB, list *units.List, p string, levels map[int]int) Input {
	t.Helper()
	cs := defaultSet(t)
	var ks []int
	for k := 22; k >= 0; k-- {
		for range levels[k] {
			ks = append(ks, k)
		}
	}
	if len(ks) != len(list.Wards) {
		t.Fatalf("levels cover %d wards, want %d", len(ks), len(list.Wards))
	}
	per, err := period.Parse(p)
	if err != nil {
		t.Fatal(err)
	}
	res := score.Result{
		Criteria: score.Info{Version: cs.Version, Source: cs.Source},
		Period:   per.String(),
	}
	sources := map[string]Source{}
	missingDone := false
	for i, w := range list.Wards {
		k := ks[(i*17)%len(ks)] // spread the levels over the districts
		vals := passingValues(cs)
		for j, id := range hardest[:22-k] {
			if k == 15 && j == 6 && !missingDone {
				delete(vals, "ho_so_truoc_han")
				missingDone = true
				continue
			}
			breakers[id](vals)
		}
		card := score.Evaluate(cs, vals)
		res.Wards = append(res.Wards, score.Ward{List: w.List, Code: w.Code, Name: w.Name, District: w.District, Card: card})
		cells := map[string][2]string{}
		for r, in := range cs.Inputs() {
			cells[in.ID] = [2]string{fmt.Sprintf("E%d", r+6), fmt.Sprintf("F%d", r+6)}
		}
		file := "so-lieu/" + w.DistrictCode + ".xlsx" // a form a district, before 1/7/2025
		if w.DistrictCode == "" {
			file = "so-lieu/" + w.Code + ".xlsx" // a form a ward
		}
		sources[w.Code] = Source{File: file, Sheet: w.Name, Values: vals, Cells: cells}
	}
	res.Summary = score.Summarize(res.Wards)
	meta := DefaultMeta()
	meta.Number = "03"
	meta.Signer = Signer{Authority: "KT. GIÁM ĐỐC", Title: "PHÓ GIÁM ĐỐC", Name: "Đại tá Nguyễn Văn Bình"}
	return Input{
		Result: res, Criteria: cs, Units: list, Period: per,
		Window: meta.WindowFor(per), Date: per.Due(),
		Meta: meta, Sources: sources,
		Files: []FileHash{
			{Role: "Số liệu", Path: "so-lieu/916.xlsx", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
			{Role: "Bộ tiêu chí", Path: "criteria.yaml", SHA256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
		},
	}
}

// withoutData takes the wards named out of the result, as wards of the units
// list that sent nothing.
func withoutData(in Input, codes ...string) Input {
	skip := map[string]bool{}
	for _, c := range codes {
		skip[c] = true
	}
	var kept []score.Ward
	var refs []score.WardRef
	for _, w := range in.Result.Wards {
		if skip[w.Code] {
			refs = append(refs, score.WardRef{List: w.List, Code: w.Code, Name: w.Name, District: w.District})
			delete(in.Sources, w.Code)
			continue
		}
		kept = append(kept, w)
	}
	in.Result.Wards = kept
	in.Result.Summary = score.Summarize(kept)
	in.Result.Summary.NotSubmitted = refs
	return in
}

// newMap is the 31 wards of Cần Thơ from 1/7/2025, without districts.
func newMap(t testing.TB) *units.List {
	t.Helper()
	l, ok := units.Named("can-tho-2025")
	if !ok {
		t.Fatal("no units list can-tho-2025")
	}
	return l
}

// levelsNewMap spreads the 31 wards of 2026: ten at 22/22, as many as the plan
// had for the end of phase 1.
var levelsNewMap = map[int]int{22: 10, 21: 4, 20: 5, 19: 5, 18: 4, 17: 3}
