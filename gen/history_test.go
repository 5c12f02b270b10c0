package gen

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dean/period"
	"dean/score"
	"dean/units"
)

// filed is History with CanTho2022 before it, each filing scored with the
// default criteria.
type filed struct {
	Filing
	cards map[string]score.Card
}

func scoredHistory(t *testing.T) []filed {
	t.Helper()
	set := defaultSet(t)
	v22, err := CanTho2022(set, units.Default())
	if err != nil {
		t.Fatal(err)
	}
	fs, err := History(set)
	if err != nil {
		t.Fatal(err)
	}
	all := append([]Filing{{Period: period.Period{Year: 2022}, Units: units.Default(), Values: v22}}, fs...)
	var out []filed
	for _, f := range all {
		cards := map[string]score.Card{}
		for _, u := range f.Units.Wards {
			cards[u.Code] = score.Evaluate(set, f.Values[u.Code])
		}
		out = append(out, filed{f, cards})
	}
	return out
}

func find(t *testing.T, fs []filed, p period.Period) filed {
	t.Helper()
	for _, f := range fs {
		if f.Period == p {
			return f
		}
	}
	t.Fatalf("no filing for %s", p)
	return filed{}
}

func models(f filed) []string {
	var names []string
	for _, u := range f.Units.Wards {
		if f.cards[u.Code].Model {
			names = append(names, u.Name)
		}
	}
	return names
}

// TestHistoryStory pins the story: which wards are model wards (22/22) in each
// period, on which map.
func TestHistoryStory(t *testing.T) {
	fs := scoredHistory(t)
	cases := []struct {
		period string
		list   string
		wards  int
		models []string
	}{
		{"2022", "can-tho-2022", 42, nil},
		{"2023", "can-tho-2022", 42, []string{"Cái Khế", "An Cư", "Hưng Phú"}},
		{"2024", "can-tho-2022", 42, []string{"Cái Khế", "Xuân Khánh", "Bình Thủy", "Hưng Phú", "Thốt Nốt", "Trung Nhứt"}},
		{"2025-H1", "can-tho-2022", 42, []string{"Cái Khế", "Xuân Khánh", "Châu Văn Liêm", "Long Hưng", "Bình Thủy", "Trà Nóc",
			"Hưng Phú", "Hưng Thạnh", "Thốt Nốt", "Trung Nhứt"}},
		{"2025", "can-tho-2025", 31, []string{"Cái Khế", "Ninh Kiều", "Tân An", "Thới Long", "Bình Thủy", "Thới An Đông",
			"Cái Răng", "Hưng Phú", "Thốt Nốt", "Trung Nhứt"}},
		{"2026-H1", "can-tho-2025", 31, []string{"Cái Khế", "Ninh Kiều", "Tân An", "An Bình", "Ô Môn", "Bình Thủy",
			"Thới An Đông", "Cái Răng", "Hưng Phú", "Thốt Nốt", "Trung Nhứt", "Vị Thanh", "Sóc Trăng"}},
		{"2026", "can-tho-2025", 31, []string{"Cái Khế", "Ninh Kiều", "Tân An", "An Bình", "Ô Môn", "Thới Long", "Phước Thới",
			"Bình Thủy", "Thới An Đông", "Cái Răng", "Hưng Phú", "Thốt Nốt", "Trung Nhứt", "Thuận Hưng", "Vị Thanh",
			"Sóc Trăng", "Phú Lợi"}},
	}
	if len(fs) != len(cases) {
		t.Fatalf("%d filings, want %d", len(fs), len(cases))
	}
	for i, c := range cases {
		f := fs[i]
		if f.Period.String() != c.period || f.Units.ID != c.list || len(f.Units.Wards) != c.wards || len(f.Values) != c.wards {
			t.Errorf("filing %d: %s on %s, %d wards with %d values; want %s on %s, %d wards",
				i, f.Period, f.Units.ID, len(f.Units.Wards), len(f.Values), c.period, c.list, c.wards)
		}
		if diff := cmp.Diff(c.models, models(f)); diff != "" {
			t.Errorf("%s: model wards (-want +got):\n%s", c.period, diff)
		}
	}
}

// TestHistoryPlan: the Đề án's phase 1 is two model wards in each district by
// the end of 2025; the last period on the districts' map has exactly that.
func TestHistoryPlan(t *testing.T) {
	f := find(t, scoredHistory(t), period.Period{Year: 2025, Half: true})
	perDistrict := map[string]int{}
	for _, u := range f.Units.Wards {
		if f.cards[u.Code].Model {
			perDistrict[u.District]++
		}
	}
	want := map[string]int{"Ninh Kiều": 2, "Ô Môn": 2, "Bình Thủy": 2, "Cái Răng": 2, "Thốt Nốt": 2}
	if !reflect.DeepEqual(perDistrict, want) {
		t.Errorf("model wards by district in 2025-H1: %v, want %v", perDistrict, want)
	}
}

// TestHistoryMatchesStory: every ward meets exactly the number of criteria the
// story table gives, and no criterion lacks data.
func TestHistoryMatchesStory(t *testing.T) {
	for _, f := range scoredHistory(t)[1:] {
		tab, col := oldMet, slices.Index(HistoryPeriods, f.Period)
		if f.Units.ID == "can-tho-2025" {
			tab, col = newMet, col-3
		}
		for _, u := range f.Units.Wards {
			c := f.cards[u.Code]
			if want := tab[u.Code][col]; c.Passed != want {
				t.Errorf("%s %s: %d/22, the story says %d", f.Period, u.Name, c.Passed, want)
			}
			if m := c.With(score.Missing); len(m) > 0 {
				t.Errorf("%s %s: missing %v", f.Period, u.Name, m)
			}
		}
	}
}

// TestHistoryTrajectories follows named wards through the periods, across the
// merger where they go on under a new code or name.
func TestHistoryTrajectories(t *testing.T) {
	fs := scoredHistory(t)
	passed := func(list, code string) []int {
		var out []int
		for _, f := range fs {
			if f.Units.ID == list {
				out = append(out, f.cards[code].Passed)
			}
		}
		return out
	}
	cases := []struct {
		name       string
		list, code string
		want       []int
	}{
		{"Cái Khế: first model ward, every year", "can-tho-2022", "31117", []int{20, 22, 22, 22}},
		{"Cái Khế after the merger", "can-tho-2025", "31120", []int{22, 22, 22}},
		{"An Cư: model in 2023, slips back", "can-tho-2022", "31129", []int{20, 22, 20, 21}},
		{"Tân Lộc: slips back in 2024", "can-tho-2022", "31213", []int{13, 15, 14, 16}},
		{"Tân Lộc after the merger, alone", "can-tho-2025", "31213", []int{16, 18, 19}},
		{"Xuân Khánh, then in Ninh Kiều (code 31135, Tân An's before)", "can-tho-2022", "31144", []int{19, 21, 22, 22}},
		{"Ninh Kiều (new)", "can-tho-2025", "31135", []int{22, 22, 22}},
		{"Thới Long: slips back in the first half of 2026", "can-tho-2025", "31157", []int{22, 21, 22}},
		{"Vị Thanh: from Hậu Giang, model from 2026", "can-tho-2025", "31321", []int{20, 22, 22}},
		{"Phước Thới (Ô Môn): weakest in 2022", "can-tho-2022", "31162", []int{12, 13, 15, 16}},
	}
	for _, c := range cases {
		if got := passed(c.list, c.code); !slices.Equal(got, c.want) {
			t.Errorf("%s: criteria met %v, want %v", c.name, got, c.want)
		}
	}
}

// TestHistoryMovement: most wards improve from one year to the next on the same
// map, a few slip back.
func TestHistoryMovement(t *testing.T) {
	fs := scoredHistory(t)
	pairs := [][2]period.Period{
		{{Year: 2022}, {Year: 2023}}, {{Year: 2023}, {Year: 2024}},
		{{Year: 2025}, {Year: 2026}}, {{Year: 2025, Half: true}, {Year: 2026, Half: true}},
	}
	back := 0
	for _, pr := range pairs {
		a, b := find(t, fs, pr[0]), find(t, fs, pr[1])
		up, same := 0, 0
		for _, u := range b.Units.Wards {
			was, ok := a.cards[u.Code]
			if a.Units.ID != b.Units.ID {
				ok = false // 2025-H1 and 2026-H1 are on different maps
			}
			switch now := b.cards[u.Code].Passed; {
			case !ok:
			case now > was.Passed:
				up++
			case now == was.Passed:
				same++
			default:
				back++
			}
		}
		if a.Units.ID == b.Units.ID && 2*up <= len(b.Units.Wards)-same {
			t.Errorf("%s → %s: only %d of %d wards improve", pr[0], pr[1], up, len(b.Units.Wards))
		}
	}
	if back < 2 {
		t.Errorf("%d wards slip back from one year to the next; the story has some", back)
	}
}

// TestHistoryValues: every value is one the form accepts, and believable.
func TestHistoryValues(t *testing.T) {
	set := defaultSet(t)
	for _, f := range scoredHistory(t)[1:] {
		for _, u := range f.Units.Wards {
			v := f.Values[u.Code]
			checkValues(t, set, u, v)
			s := scored{u, v, f.cards[u.Code]}
			in := func(id string, lo, hi int64) {
				if n := s.vals[id].Now.V; n < lo || n > hi {
					t.Errorf("%s %s: %s = %d outside [%d, %d]", f.Period, u.Name, id, n, lo, hi)
				}
			}
			in("ho_tong_so", 2000, 45000)
			in("cbcs_tong_so", 20, 180)
			crimes := int64(250)
			if f.Period.Half {
				crimes = 125
			}
			in("toi_pham_ttxh", 0, crimes)
			if s.card.Model && s.vals["xe_o_to_tuan_tra"].Now.V < 1 {
				t.Errorf("%s %s: a model ward without a patrol truck", f.Period, u.Name)
			}
		}
	}
}

// TestHistoryLastYear: "Cùng kỳ năm trước" holds the value a year before — the
// ward's own, or across the merger the sum of its predecessors', each whole
// even where only part was taken — and an invented value only where dean has
// none.
func TestHistoryLastYear(t *testing.T) {
	fs := scoredHistory(t)
	m := units.BundledMerger()
	for _, f := range fs[1:] {
		q := period.Period{Year: f.Period.Year - 1, Half: f.Period.Half}
		i := slices.IndexFunc(fs, func(g filed) bool { return g.Period == q })
		for _, u := range f.Units.Wards {
			for _, id := range yoyInputs {
				got := f.Values[u.Code][id].Prev.V
				switch {
				case i < 0: // the first half of 2024: no figures in dean; within the year's
					year := find(t, fs, period.Period{Year: q.Year}).Values[u.Code][id].Now.V
					if slices.Contains(yoyFlows, id) && got > year || slices.Contains(yoyStocks, id) && got < year {
						t.Errorf("%s %s %s: last year %d, against %d for the whole of %d", f.Period, u.Name, id, got, year, q.Year)
					}
				case fs[i].Units.ID == f.Units.ID:
					if want := fs[i].Values[u.Code][id].Now.V; got != want {
						t.Errorf("%s %s %s: last year %d, want %d (%s)", f.Period, u.Name, id, got, want, q)
					}
				default:
					var want int64
					for _, lk := range m.Predecessors(u.Key()) {
						if lk.Listed() {
							want += fs[i].Values[lk.Old.Code][id].Now.V
						} else {
							want += unlisted(lk, q)[id]
						}
					}
					if got != want {
						t.Errorf("%s %s %s: last year %d, want %d, the predecessors' sum in %s", f.Period, u.Name, id, got, want, q)
					}
				}
			}
		}
	}
	// Spelled out, without the merger table: Cái Khế took Cái Khế and An Hòa whole
	// and part of Bùi Hữu Nghĩa, which counts whole.
	sum := func(p period.Period, id string, codes ...string) int64 {
		var n int64
		for _, c := range codes {
			n += find(t, fs, p).Values[c][id].Now.V
		}
		return n
	}
	y2025, h2026 := period.Period{Year: 2025}, period.Period{Year: 2026, Half: true}
	for _, c := range []struct {
		p    period.Period
		code string
		want int64
	}{
		{y2025, "31120", sum(period.Period{Year: 2024}, "toi_pham_ttxh", "31117", "31120", "31178")},
		{y2025, "31228", sum(period.Period{Year: 2024}, "toi_pham_ttxh", "31207", "31219", "31228")},
		{h2026, "31135", sum(period.Period{Year: 2025, Half: true}, "toi_pham_ttxh", "31123", "31135", "31144")},
		{period.Period{Year: 2026}, "31213", sum(y2025, "toi_pham_ttxh", "31213")},
	} {
		if got := find(t, fs, c.p).Values[c.code]["toi_pham_ttxh"].Prev.V; got != c.want {
			t.Errorf("%s %s: last year's crimes %d, want %d", c.p, c.code, got, c.want)
		}
	}
}

// TestRegister: the register names only wards that the annual assessment of the
// year it names found 22/22, in the list in force that year, after that
// assessment; a ward recognised before the merger has a known successor.
func TestRegister(t *testing.T) {
	fs := scoredHistory(t)
	rs, err := Register()
	if err != nil {
		t.Fatal(err)
	}
	m := units.BundledMerger()
	perYear := map[int]int{}
	seen := map[string]bool{}
	for _, r := range rs {
		perYear[r.Year]++
		name := fmt.Sprintf("%s %s (%s) for %d", r.Ward.Code, r.Ward.Name, r.Ward.List, r.Year)
		f := find(t, fs, period.Period{Year: r.Year})
		switch {
		case f.Units.ID != r.Ward.List:
			t.Errorf("%s: the annual assessment of %d is on %s", name, r.Year, f.Units.ID)
		case !f.cards[r.Ward.Code].Model:
			t.Errorf("%s: %d/22 that year, not a model ward", name, f.cards[r.Ward.Code].Passed)
		}
		if !r.Date.After(f.Period.Due()) || r.Date.After(time.Date(r.Year+1, 12, 31, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: decided %s, not in the year after the report due %s", name, r.Date.Format("02/01/2006"), f.Period.Due().Format("02/01/2006"))
		}
		if _, known := m.Successors(r.Ward.Key()); r.Ward.List == "can-tho-2022" && !known {
			t.Errorf("%s: no known successor, its recognition would be lost", name)
		}
		if seen[name] {
			t.Errorf("%s: twice", name)
		}
		seen[name] = true
		if !strings.HasSuffix(r.Decision, "/QĐ-BCA-V05") {
			t.Errorf("%s: decision %q", name, r.Decision)
		}
	}
	if want := map[int]int{2023: 2, 2024: 6, 2025: 10, 2026: 14}; !reflect.DeepEqual(perYear, want) {
		t.Errorf("recognitions per year %v, want %v", perYear, want)
	}
}

func TestWriteRegister(t *testing.T) {
	rs, err := Register()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteRegister(&b, rs); err != nil {
		t.Fatal(err)
	}
	text, ok := strings.CutPrefix(b.String(), "\uFEFF")
	if !ok {
		t.Fatal("no byte-order mark")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	want := []string{
		"danh_muc,ma_phuong,ten_phuong,nam,so_quyet_dinh,ngay_quyet_dinh",
		"can-tho-2022,31117,Cái Khế,2023,1520/QĐ-BCA-V05,20/12/2023",
	}
	if len(lines) != len(rs)+1 || !slices.Equal(lines[:2], want) {
		t.Errorf("register starts %q (%d lines), want %q and a line per recognition", lines[:min(2, len(lines))], len(lines), want)
	}
	if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("a line not ended by CRLF")
	}
}

func TestHistoryDeterministic(t *testing.T) {
	set := defaultSet(t)
	a, err := History(set)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := History(set)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

// TestCanTho2022Unchanged pins the 2022 values: History is built on them, and the
// committed 2022 workbooks are their record.
func TestCanTho2022Unchanged(t *testing.T) {
	set := defaultSet(t)
	l := units.Default()
	v, err := CanTho2022(set, l)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, u := range l.Wards {
		for _, in := range set.Inputs() {
			r := v[u.Code][in.ID]
			fmt.Fprintf(h, "%s %s %d %v %d %v\n", u.Code, in.ID, r.Now.V, r.Now.OK, r.Prev.V, r.Prev.OK)
		}
	}
	if got, want := fmt.Sprintf("%x", h.Sum(nil)), "9e8baa5f4ca14330a18a23bc815c41a4ab1fa2c5af428ae5f74655071f39caba"; got != want {
		t.Errorf("the 2022 values changed: digest %s, want %s", got, want)
	}
}
