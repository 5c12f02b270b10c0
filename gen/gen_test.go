package gen

import (
	"reflect"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"dean"
	"dean/criteria"
	"dean/form"
	"dean/score"
	"dean/units"
)

func defaultSet(t testing.TB) *criteria.Set {
	t.Helper()
	s, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type scored struct {
	ward units.Ward
	vals score.Values
	card score.Card
}

func canTho(t *testing.T) []scored {
	t.Helper()
	set := defaultSet(t)
	l := units.Default()
	vals, err := CanTho2022(set, l)
	if err != nil {
		t.Fatal(err)
	}
	if len(vals) != 42 {
		t.Fatalf("values for %d wards, want 42", len(vals))
	}
	var out []scored
	for _, u := range l.Wards {
		v := vals[u.Code]
		checkValues(t, set, u, v)
		out = append(out, scored{u, v, score.Evaluate(set, v)})
	}
	return out
}

// checkValues: every input filled, whole numbers ≥ 0, Có/Không as 1/0, parts within
// their wholes.
func checkValues(t *testing.T, set *criteria.Set, u units.Ward, v score.Values) {
	t.Helper()
	for _, in := range set.Inputs() {
		r, ok := v[in.ID]
		if !ok || !r.Now.OK || r.Prev.OK != in.YoY {
			t.Errorf("%s %s: %s not filled as the form asks (%+v)", u.Code, u.Name, in.ID, r)
			continue
		}
		for _, n := range []score.Num{r.Now, r.Prev} {
			if n.V < 0 || in.Kind == criteria.Bool && n.V > 1 {
				t.Errorf("%s %s: %s = %d", u.Code, u.Name, in.ID, n.V)
			}
		}
		if in.PartOf != "" && r.Now.V > v[in.PartOf].Now.V {
			t.Errorf("%s %s: %s = %d exceeds %s = %d", u.Code, u.Name, in.ID, r.Now.V, in.PartOf, v[in.PartOf].Now.V)
		}
	}
	if len(v) != len(set.Inputs()) {
		t.Errorf("%s: %d values for %d inputs", u.Code, len(v), len(set.Inputs()))
	}
}

func verdict(c score.Card, crit string) score.Verdict {
	for _, cr := range c.Criteria {
		if cr.ID == crit {
			return cr.Verdict
		}
	}
	panic("no criterion " + crit)
}

func indicator(c score.Card, crit, id string) score.Verdict {
	for _, cr := range c.Criteria {
		for _, in := range cr.Indicators {
			if cr.ID == crit && in.ID == id {
				return in.Verdict
			}
		}
	}
	panic("no indicator " + crit + "/" + id)
}

func TestCanThoDistribution(t *testing.T) {
	got := map[string]int{}
	for _, s := range canTho(t) {
		got[strconv.Itoa(s.card.Passed)]++
		if m := s.card.With(score.Missing); len(m) > 0 {
			t.Errorf("%s: missing %v", s.ward.Name, m)
		}
		if s.card.Model {
			t.Errorf("%s is a model ward; the Đề án has none in 2022", s.ward.Name)
		}
	}
	want := map[string]int{"12": 3, "13": 3, "14": 3, "15": 9, "16": 7, "17": 5, "18": 4, "19": 5, "20": 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("distribution: got %v, want %v", got, want)
	}
}

func TestCanThoTeams(t *testing.T) {
	n := 0
	for _, s := range canTho(t) {
		few := s.vals["so_to_cong_tac"].Now.V < 4
		failed := verdict(s.card, "TC03") == score.Fail
		if few {
			n++
		}
		if few != failed || failed && indicator(s.card, "TC03", "so_to_cong_tac") != score.Fail {
			t.Errorf("%s: %d teams, TC03 %s", s.ward.Name, s.vals["so_to_cong_tac"].Now.V, verdict(s.card, "TC03"))
		}
	}
	if n != 10 {
		t.Errorf("%d wards with fewer than 4 teams, want 10", n)
	}
}

func TestCanThoHeadquarters(t *testing.T) {
	var got []string
	for _, s := range canTho(t) {
		if verdict(s.card, "TC04") == score.Fail {
			if indicator(s.card, "TC04", "tru_so_dat_chuan") != score.Fail {
				t.Errorf("%s fails TC04 but not for its headquarters", s.ward.Name)
			}
			got = append(got, s.ward.Name+" ("+s.ward.District+")")
		}
	}
	slices.Sort(got)
	want := []string{"An Phú (Ninh Kiều)", "Phước Thới (Ô Môn)", "Thới Bình (Ninh Kiều)", "Tân An (Ninh Kiều)"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("TC04 fails in %v, want %v", got, want)
	}
}

func TestCanThoTrucks(t *testing.T) {
	trucks, fails := 0, 0
	for _, s := range canTho(t) {
		has := s.vals["xe_o_to_tuan_tra"].Now.V >= 1
		if has {
			trucks++
		}
		if verdict(s.card, "TC05") == score.Fail {
			fails++
			if has {
				t.Errorf("%s has a truck yet fails TC05", s.ward.Name)
			}
		}
	}
	if trucks != 2 || fails != 40 {
		t.Errorf("%d wards with a truck and %d failing TC05, want 2 and 40", trucks, fails)
	}
}

// TestCanThoBoundaries finds each edge case by its values, independently of where
// the generator meant to put it, and checks both the indicator and that the
// criterion's verdict is the one the case implies.
func TestCanThoBoundaries(t *testing.T) {
	type reading struct {
		id        string
		now, prev int64
	}
	cases := []struct {
		name      string
		crit, ind string
		has       []reading
		indWant   score.Verdict
		critWant  score.Verdict
	}{
		{"crime down exactly 6 %", "TC10", "toi_pham_ttxh", []reading{{"toi_pham_ttxh", 47, 50}}, score.Pass, score.Pass},
		{"crime down only 4 %", "TC10", "toi_pham_ttxh", []reading{{"toi_pham_ttxh", 48, 50}}, score.Fail, score.Fail},
		{"no crime either year", "TC10", "toi_pham_ttxh", []reading{{"toi_pham_ttxh", 0, 0}}, score.Pass, score.Pass},
		{"hotspots halved, none new", "TC10", "tu_diem_phuc_tap", []reading{{"tu_diem_phuc_tap", 2, 4}, {"tu_diem_moi", 0, -1}}, score.Pass, score.Pass},
		{"addicts down exactly 15 %", "TC10", "nguoi_nghien", []reading{{"nguoi_nghien", 34, 40}}, score.Pass, score.Pass},
		{"fugitives caught up exactly 20 %", "TC10", "truy_bat_dau_thu", []reading{{"truy_bat_dau_thu", 6, 5}, {"doi_tuong_tron_con_lai", 2, -1}}, score.Pass, score.Pass},
		{"recidivism exactly 1,5 %", "TC11", "nguoi_tai_pham", []reading{{"nguoi_sau_an", 200, -1}, {"nguoi_tai_pham", 3, -1}}, score.Fail, score.Fail},
		{"no complaints: not applicable", "TC13", "don_thu_giai_quyet", []reading{{"don_thu_tham_quyen", 0, -1}}, score.NA, score.Pass},
		{"exactly 90 % units safe", "TC15", "don_vi_an_toan", []reading{{"don_vi_tong_so", 50, -1}, {"don_vi_an_toan", 45, -1}}, score.Pass, score.Pass},
	}
	all := canTho(t)
	for _, c := range cases {
		found := 0
		for _, s := range all {
			match := true
			for _, r := range c.has {
				v := s.vals[r.id]
				if v.Now.V != r.now || r.prev >= 0 && v.Prev.V != r.prev {
					match = false
				}
			}
			if !match {
				continue
			}
			found++
			if got := indicator(s.card, c.crit, c.ind); got != c.indWant {
				t.Errorf("%s in %s: indicator %s is %s, want %s", c.name, s.ward.Name, c.ind, got, c.indWant)
			}
			if got := verdict(s.card, c.crit); got != c.critWant {
				t.Errorf("%s in %s: %s is %s, want %s", c.name, s.ward.Name, c.crit, got, c.critWant)
			}
		}
		if found == 0 {
			t.Errorf("no ward exercises %q", c.name)
		}
	}
}

// TestCanThoVaried: failures are spread over the criteria, not piled on a few, and
// each comes in more than one form where the criterion has more than one.
func TestCanThoVaried(t *testing.T) {
	perCrit := map[string]int{}
	for _, s := range canTho(t) {
		for _, id := range s.card.With(score.Fail) {
			perCrit[id]++
		}
	}
	if len(perCrit) < 20 {
		t.Errorf("only %d criteria ever fail: %v", len(perCrit), perCrit)
	}
	for id, n := range perCrit {
		if id != "TC05" && n > 20 {
			t.Errorf("%s fails in %d wards: too uniform", id, n)
		}
	}
}

func TestCanThoPlausible(t *testing.T) {
	in := func(s scored, id string, lo, hi int64) {
		if v := s.vals[id].Now.V; v < lo || v > hi {
			t.Errorf("%s: %s = %d outside [%d, %d]", s.ward.Name, id, v, lo, hi)
		}
	}
	for _, s := range canTho(t) {
		in(s, "ho_tong_so", 1000, 20000)
		in(s, "cbcs_tong_so", 20, 40)
		in(s, "toi_pham_ttxh", 0, 99)
	}
}

func TestCanThoDeterministic(t *testing.T) {
	set := defaultSet(t)
	a, err := CanTho2022(set, units.Default())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := CanTho2022(set, units.Default())
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

func TestNational(t *testing.T) {
	set := defaultSet(t)
	l, vals, err := National(set, 3321, 34)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Wards) != 3321 || len(l.Districts()) != 34 {
		t.Fatalf("%d wards in %d provinces, want 3321 in 34", len(l.Wards), len(l.Districts()))
	}
	slugs := map[string]bool{}
	for _, d := range l.Districts() {
		if slugs[form.Slug(d)] {
			t.Errorf("province file name %s.xlsx twice", form.Slug(d))
		}
		slugs[form.Slug(d)] = true
	}
	names := map[string]bool{}
	for _, u := range l.Wards {
		key := u.DistrictCode + "/" + units.NameKey(u.Name)
		if names[key] {
			t.Errorf("%s: ward %s twice", u.District, u.Name)
		}
		names[key] = true
	}
	accented, levels := 0, map[int]int{}
	for _, u := range l.Wards {
		if utf8.RuneCountInString(u.Name) < len(u.Name) {
			accented++
		}
		checkValues(t, set, u, vals[u.Code])
		c := score.Evaluate(set, vals[u.Code])
		if len(c.With(score.Missing)) > 0 {
			t.Errorf("%s: missing %v", u.Code, c.With(score.Missing))
		}
		levels[c.Passed]++
	}
	if accented < len(l.Wards)/2 || len(levels) < 6 {
		t.Errorf("%d of %d names with diacritics; criteria met spread over %v", accented, len(l.Wards), levels)
	}
	l2, vals2, _ := National(set, 3321, 34)
	if !reflect.DeepEqual(l.Wards, l2.Wards) || !reflect.DeepEqual(vals, vals2) {
		t.Error("two runs differ")
	}
}
