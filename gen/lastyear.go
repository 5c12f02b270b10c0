package gen

import (
	"strconv"

	"dean/period"
	"dean/score"
	"dean/units"
)

// The inputs compared with the same period last year (yoy: true in criteria.yaml).
// Crimes and fugitives caught are counted over the period; hotspots and addicts
// are what the ward has at its end.
var (
	yoyFlows  = []string{"toi_pham_ttxh", "truy_bat_dau_thu"}
	yoyStocks = []string{"tu_diem_phuc_tap", "nguoi_nghien"}
	yoyInputs = append(append([]string{}, yoyFlows...), yoyStocks...)
)

// lastYear holds, by input id, the value for the same period last year that dean
// would put in the form: the ward's own stored value, or the sum of its
// predecessors'.
type lastYear map[string]int64

func lastYearOf(v score.Values) lastYear {
	l := lastYear{}
	for _, id := range yoyInputs {
		l[id] = v[id].Now.V
	}
	return l
}

// add adds a predecessor's values: a ward taken only in part counts whole, as
// dean pre-fills it.
func (l lastYear) add(o lastYear) {
	for id, n := range o {
		l[id] += n
	}
}

// firstHalfBefore invents the first half of the year before for a ward whose
// annual figures of that year are v: dean keeps no six-month figures before 2025.
// About half the crimes and arrests of the year; slightly more addicts, as their
// number falls through the year.
func firstHalfBefore(seed int, v score.Values) lastYear {
	l := lastYear{}
	for _, id := range yoyFlows {
		l[id] = v[id].Now.V * pick(seed, id+"/6t-truoc", 40, 55) / 100
	}
	for _, id := range yoyStocks {
		l[id] = v[id].Now.V * pick(seed, id+"/6t-truoc", 100, 110) / 100
	}
	return l
}

// unlisted invents what a unit outside dean's lists (a commune, a ward of Hậu
// Giang or Sóc Trăng) had in period p, when a ward it went into needs its last
// year: dean has no history for it. Communes are smaller than towns.
func unlisted(lk units.Link, p period.Period) lastYear {
	seed, _ := strconv.Atoi(lk.Old.Code)
	rural := lk.OldKind == "Xã"
	ranges := map[string][2]int64{
		"toi_pham_ttxh": {15, 60}, "truy_bat_dau_thu": {1, 6},
		"tu_diem_phuc_tap": {0, 3}, "nguoi_nghien": {15, 70},
	}
	if rural {
		ranges = map[string][2]int64{
			"toi_pham_ttxh": {6, 30}, "truy_bat_dau_thu": {0, 4},
			"tu_diem_phuc_tap": {0, 2}, "nguoi_nghien": {5, 35},
		}
	}
	l := lastYear{}
	for _, id := range yoyInputs {
		r := ranges[id]
		l[id] = pick(seed, id, r[0], r[1])
	}
	if p.Half {
		for _, id := range yoyFlows {
			l[id] = l[id] * pick(seed, id+"/6t", 40, 55) / 100
		}
		for _, id := range yoyStocks {
			l[id] = l[id] * pick(seed, id+"/6t", 90, 100) / 100
		}
	}
	return l
}

// progress sets this period's values against last year's so that TC10 passes:
// crime down 7–22 %, addicts down 15–30 %, hotspots gone or halved with none new,
// and either nobody left at large or a fifth more caught. No one number is kept
// exactly at a threshold: those cases are 2022's (boundaries).
func progress(w ward, p period.Period, last lastYear) {
	salt := func(id string) string { return id + "/" + p.String() }
	c := last["toi_pham_ttxh"]
	w.yoy("toi_pham_ttxh", c*w.pick(salt("toi_pham_ttxh"), 78, 93)/100, c)
	h := last["tu_diem_phuc_tap"]
	w.yoy("tu_diem_phuc_tap", h/2*w.pick(salt("tu_diem_phuc_tap"), 0, 1), h)
	w.set("tu_diem_moi", 0)
	a := last["nguoi_nghien"]
	w.yoy("nguoi_nghien", a*w.pick(salt("nguoi_nghien"), 70, 85)/100, a)
	w.set("nguoi_nghien_moi", 0)
	f := last["truy_bat_dau_thu"]
	if w.pick(salt("truy_bat_dau_thu"), 0, 2) == 0 {
		// A fifth more caught, rounded up, and at least one: some still at large.
		w.yoy("truy_bat_dau_thu", max(1, (6*f+4)/5)+w.pick(salt("truy_bat_dau_thu/them"), 0, 1), f)
		w.set("doi_tuong_tron_con_lai", w.pick(salt("doi_tuong_tron_con_lai"), 1, 3))
	} else {
		// Nobody left at large: however many were caught, the indicator passes.
		w.yoy("truy_bat_dau_thu", f*w.pick(salt("truy_bat_dau_thu/het"), 70, 130)/100, f)
		w.set("doi_tuong_tron_con_lai", 0)
	}
}

// setbacks are the ways TC10 fails against last year's values, numbered as
// failures["TC10"] numbers them (whose values are 2022's own), so that a ward
// that failed TC10 one way in 2022 fails it the same way later.
var setbacks = []func(w ward){
	func(w ward) { // crime down 5 % or a little more, short of the 6 % required
		// Where a whole number of cases lands in [5 %, 6 %), take it: those wards
		// are the ones a threshold lowered to 5 % would pass. Else down 3 %.
		p := w.prev("toi_pham_ttxh")
		d := (p*5 + 99) / 100
		if d*100 >= p*6 {
			d = p * 3 / 100
		}
		w.yoy("toi_pham_ttxh", max(1, p-d), p)
	},
	func(w ward) { // new addicts
		n := w.pick("TC10", 2, 5)
		w.yoy("nguoi_nghien", max(n, w.get("nguoi_nghien")), w.prev("nguoi_nghien"))
		w.set("nguoi_nghien_moi", n)
	},
	func(w ward) { // addicts down 8 % at most, not 15 %
		p := w.prev("nguoi_nghien")
		w.yoy("nguoi_nghien", max(1, p-p*8/100), p)
	},
	func(w ward) { // a new hotspot
		w.yoy("tu_diem_phuc_tap", max(1, w.get("tu_diem_phuc_tap")), w.prev("tu_diem_phuc_tap"))
		w.set("tu_diem_moi", 1)
	},
	func(w ward) { // crime up
		p := w.prev("toi_pham_ttxh")
		w.yoy("toi_pham_ttxh", p+w.pick("TC10", 1, 6), p)
	},
	func(w ward) { w.set("toi_pham_nghiem_trong_cu_dan", 1) },
	func(w ward) { // no more fugitives caught than last year, some still at large
		p := w.prev("truy_bat_dau_thu")
		w.yoy("truy_bat_dau_thu", p, p)
		w.set("doi_tuong_tron_con_lai", w.pick("TC10", 1, 4))
	},
	func(w ward) { // hotspots down a third at most
		p := w.prev("tu_diem_phuc_tap")
		w.yoy("tu_diem_phuc_tap", max(1, p-p/3), p)
		if p == 0 {
			w.set("tu_diem_moi", 1) // none last year: the one now is new
		}
	},
}
