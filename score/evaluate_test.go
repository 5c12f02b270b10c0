package score_test

import (
	"os"
	"testing"

	"dean/criteria"
	"dean/score"
)

// testSet is testdata/criteria.yaml: a small set with one input for each kind of
// rule, so that these tests hold whatever the bundled criteria become.
func testSet(t testing.TB) *criteria.Set {
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

func indicator(t *testing.T, card score.Card, id string) score.Indicator {
	t.Helper()
	for _, c := range card.Criteria {
		for _, in := range c.Indicators {
			if in.ID == id {
				return in
			}
		}
	}
	t.Fatalf("no indicator %s", id)
	return score.Indicator{}
}

func now(v int64) score.Reading         { return score.Reading{Now: score.N(v)} }
func yoy(prev, cur int64) score.Reading { return score.Reading{Now: score.N(cur), Prev: score.N(prev)} }

// TestRuleBoundaries holds one row per rule kind and boundary; each row sets only
// the inputs its indicator reads.
func TestRuleBoundaries(t *testing.T) {
	set := testSet(t)
	tests := []struct {
		name      string
		indicator string
		vals      score.Values
		want      score.Verdict
		explain   string // exact explanation, when the row guards the wording
	}{
		// is: Có
		{"yes passes", "dang_bo_htxs", score.Values{"dang_bo_htxs": now(1)}, score.Pass, "Có (yêu cầu Có)"},
		{"no fails", "dang_bo_htxs", score.Values{"dang_bo_htxs": now(0)}, score.Fail, "Không (yêu cầu Có)"},
		{"empty yes/no is missing", "dang_bo_htxs", score.Values{}, score.Missing, "thiếu số liệu dang_bo_htxs (kỳ này)"},

		// a count compared with a threshold or a number
		{"4 teams pass at_least 4", "so_to_cong_tac", score.Values{"so_to_cong_tac": now(4)}, score.Pass, "4 tổ (yêu cầu ≥ 4)"},
		{"3 teams fail at_least 4", "so_to_cong_tac", score.Values{"so_to_cong_tac": now(3)}, score.Fail, "3 tổ (yêu cầu ≥ 4)"},
		{"zero violations pass equal 0", "vi_pham_quy_tac_ung_xu", score.Values{"vi_pham_quy_tac_ung_xu": now(0)}, score.Pass, "0 lượt (yêu cầu = 0)"},
		{"one violation fails equal 0", "vi_pham_quy_tac_ung_xu", score.Values{"vi_pham_quy_tac_ung_xu": now(1)}, score.Fail, ""},
		{"exactly 1 fails above 1", "mo_hinh_tu_quan", score.Values{"mo_hinh_tu_quan": now(1)}, score.Fail, "1 mô hình (yêu cầu > 1)"},
		{"2 pass above 1", "mo_hinh_tu_quan", score.Values{"mo_hinh_tu_quan": now(2)}, score.Pass, ""},
		{"exactly 2 pass at_most 2", "vu_vi_pham_nho", score.Values{"vu_vi_pham_nho": now(2)}, score.Pass, "2 vụ (yêu cầu ≤ 2)"},
		{"3 fail at_most 2", "vu_vi_pham_nho", score.Values{"vu_vi_pham_nho": now(3)}, score.Fail, ""},
		{"exactly 3 fails below 3", "su_co", score.Values{"su_co": now(3)}, score.Fail, "3 vụ (yêu cầu < 3)"},
		{"2 pass below 3", "su_co", score.Values{"su_co": now(2)}, score.Pass, ""},

		// a count compared with another input
		{"staff equal to quota passes", "bien_che_dinh_muc", score.Values{"bien_che_dinh_muc": now(30), "cbcs_tong_so": now(30)}, score.Pass,
			"Tổng số CBCS: 30 người (yêu cầu ≥ 30)"},
		{"staff below quota fails", "bien_che_dinh_muc", score.Values{"bien_che_dinh_muc": now(30), "cbcs_tong_so": now(29)}, score.Fail, ""},
		{"quota compared with missing staff is missing", "bien_che_dinh_muc", score.Values{"bien_che_dinh_muc": now(30)}, score.Missing, ""},

		// share_of
		{"100 % of staff pass 100 %", "cbcs_htt_tro_len", score.Values{"cbcs_htt_tro_len": now(30), "cbcs_tong_so": now(30)}, score.Pass, "30/30 = 100 % (yêu cầu ≥ 100 %)"},
		{"99,96 % shows its decimals and fails", "cbcs_htt_tro_len", score.Values{"cbcs_htt_tro_len": now(2499), "cbcs_tong_so": now(2500)}, score.Fail, "2.499/2.500 = 99,96 % (yêu cầu ≥ 100 %)"},
		{"exactly 90 % passes at_least 90 %", "don_vi_an_toan", score.Values{"don_vi_an_toan": now(90), "don_vi_tong_so": now(100)}, score.Pass, ""},
		{"89 of 99 fails at_least 90 %", "don_vi_an_toan", score.Values{"don_vi_an_toan": now(89), "don_vi_tong_so": now(99)}, score.Fail, ""},
		{"zero denominator is not applicable", "tin_bao_xu_ly", score.Values{"tin_bao_xu_ly": now(0), "tin_bao_tiep_nhan": now(0)}, score.NA, "không áp dụng: tin_bao_tiep_nhan bằng 0"},
		{"missing denominator is missing", "tin_bao_xu_ly", score.Values{"tin_bao_xu_ly": now(3)}, score.Missing, "thiếu số liệu tin_bao_tiep_nhan (kỳ này)"},
		{"recidivism exactly 1,5 % fails below 1,5 %", "nguoi_tai_pham", score.Values{"nguoi_tai_pham": now(3), "nguoi_sau_an": now(200)}, score.Fail, "3/200 = 1,5 % (yêu cầu < 1,5 %)"},
		{"recidivism 2 of 200 passes", "nguoi_tai_pham", score.Values{"nguoi_tai_pham": now(2), "nguoi_sau_an": now(200)}, score.Pass, ""},
		{"recidivism 1,49 % passes", "nguoi_tai_pham", score.Values{"nguoi_tai_pham": now(149), "nguoi_sau_an": now(10000)}, score.Pass, ""},

		// minus (force majeure excluded)
		{"all fires force majeure passes", "chay_no_nghiem_trong", score.Values{"chay_no_nghiem_trong": now(2), "chay_no_bat_kha_khang": now(2)}, score.Pass, ""},
		{"one fire not force majeure fails", "chay_no_nghiem_trong", score.Values{"chay_no_nghiem_trong": now(2), "chay_no_bat_kha_khang": now(1)}, score.Fail,
			"2 vụ, trừ 1 do bất khả kháng hoặc kết luận không đúng, còn 1 vụ (yêu cầu = 0)"},

		// decrease_at_least
		{"exactly -6 % passes", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(100, 94)}, score.Pass, "94 so với 100 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 6 %)"},
		{"-5,9 % fails", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(1000, 941)}, score.Fail, "941 so với 1.000 cùng kỳ: giảm 5,9 % (yêu cầu giảm ≥ 6 %)"},
		{"-5,96 % is not shown as 6 %", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(2500, 2351)}, score.Fail, "2.351 so với 2.500 cùng kỳ: giảm 5,96 % (yêu cầu giảm ≥ 6 %)"},
		{"an increase fails a decrease", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(50, 55)}, score.Fail, "55 so với 50 cùng kỳ: tăng 10 % (yêu cầu giảm ≥ 6 %)"},
		{"no change fails a decrease", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(50, 50)}, score.Fail, "50 so với 50 cùng kỳ: không đổi (yêu cầu giảm ≥ 6 %)"},
		{"zero last year, zero now passes", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(0, 0)}, score.Pass, "cùng kỳ năm trước bằng 0, kỳ này 0 vụ (yêu cầu = 0)"},
		{"zero last year, some now fails", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(0, 2)}, score.Fail, ""},
		{"last year missing is missing", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": now(5)}, score.Missing, "thiếu số liệu toi_pham_ttxh (cùng kỳ năm trước)"},

		// decrease_more_than, increase_more_than: strict
		{"exactly -10 % fails decrease_more_than 10 %", "vu_chay", score.Values{"vu_chay": yoy(100, 90)}, score.Fail, "90 so với 100 cùng kỳ: giảm 10 % (yêu cầu giảm > 10 %)"},
		{"-11 % passes decrease_more_than 10 %", "vu_chay", score.Values{"vu_chay": yoy(100, 89)}, score.Pass, ""},
		{"exactly +25 % fails increase_more_than 25 %", "mo_hinh_moi", score.Values{"mo_hinh_moi": yoy(4, 5)}, score.Fail, "5 so với 4 cùng kỳ: tăng 25 % (yêu cầu tăng > 25 %)"},
		{"+50 % passes increase_more_than 25 %", "mo_hinh_moi", score.Values{"mo_hinh_moi": yoy(4, 6)}, score.Pass, ""},
		{"zero last year, one now passes at_least 1", "mo_hinh_moi", score.Values{"mo_hinh_moi": yoy(0, 1)}, score.Pass, ""},

		// increase_at_least, with nobody left as the way out (any_of)
		{"fugitives caught exactly +20 % pass", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(10, 12), "doi_tuong_tron_con_lai": now(3)}, score.Pass, "12 so với 10 cùng kỳ: tăng 20 % (yêu cầu tăng ≥ 20 %)"},
		{"fugitives caught +10 % fail", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(10, 11), "doi_tuong_tron_con_lai": now(3)}, score.Fail, ""},
		{"nobody left to catch passes", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(10, 5), "doi_tuong_tron_con_lai": now(0)}, score.Pass, ""},
		{"none caught last year, one now passes", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(0, 1), "doi_tuong_tron_con_lai": now(2)}, score.Pass, ""},
		{"none caught either year with some left fails", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(0, 0), "doi_tuong_tron_con_lai": now(2)}, score.Fail, ""},
		{"nobody-left unknown and too few caught is missing", "truy_bat_dau_thu", score.Values{"truy_bat_dau_thu": yoy(10, 11)}, score.Missing, ""},

		// hotspots: any_of and all_of
		{"hotspot count 0 passes", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(4, 0), "tu_diem_moi": now(0)}, score.Pass, ""},
		{"hotspot count 0 passes without last year", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": now(0)}, score.Pass, ""},
		{"halved with no new hotspot passes", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(4, 2), "tu_diem_moi": now(0)}, score.Pass, ""},
		{"halved with one new hotspot fails", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(4, 2), "tu_diem_moi": now(1)}, score.Fail, ""},
		{"down a third fails", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(3, 2), "tu_diem_moi": now(0)}, score.Fail, ""},
		{"hotspot where there was none fails", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(0, 1), "tu_diem_moi": now(0)}, score.Fail, ""},
		{"halved, new hotspots unknown, is missing", "tu_diem_phuc_tap", score.Values{"tu_diem_phuc_tap": yoy(4, 2)}, score.Missing, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := indicator(t, score.Evaluate(set, tt.vals), tt.indicator)
			if got.Verdict != tt.want {
				t.Errorf("verdict: got %s, want %s (%s)", got.Verdict, tt.want, got.Explanation())
			}
			if tt.explain != "" && got.Explanation() != tt.explain {
				t.Errorf("explanation:\n got %q\nwant %q", got.Explanation(), tt.explain)
			}
		})
	}
}

func TestThresholdOverrideChangesVerdict(t *testing.T) {
	set := testSet(t)
	vals := score.Values{"toi_pham_ttxh": yoy(100, 95)} // −5 %
	if got := indicator(t, score.Evaluate(set, vals), "toi_pham_ttxh").Verdict; got != score.Fail {
		t.Fatalf("at 6 %%: got %s, want fail", got)
	}
	if err := set.Set("giam_toi_pham_ttxh", "5%"); err != nil {
		t.Fatal(err)
	}
	if got := indicator(t, score.Evaluate(set, vals), "toi_pham_ttxh"); got.Verdict != score.Pass || got.Target() != "giảm ≥ 5 %" {
		t.Errorf("at 5 %%: got %s %q, want pass with target giảm ≥ 5 %%", got.Verdict, got.Target())
	}
}

// TestNonRoundThresholdsShowExactly: a target is printed as set, so the sentence
// never contradicts the verdict (1,26 % against "< 1,3 %" failing).
func TestNonRoundThresholdsShowExactly(t *testing.T) {
	tests := []struct {
		set, indicator string
		vals           score.Values
		want           score.Verdict
		explain        string
	}{
		{"tai_pham_duoi=1,25%", "nguoi_tai_pham", score.Values{"nguoi_tai_pham": now(126), "nguoi_sau_an": now(10000)}, score.Fail,
			"126/10.000 = 1,26 % (yêu cầu < 1,25 %)"},
		{"tai_pham_duoi=1,25%", "nguoi_tai_pham", score.Values{"nguoi_tai_pham": now(124), "nguoi_sau_an": now(10000)}, score.Pass,
			"124/10.000 = 1,24 % (yêu cầu < 1,25 %)"},
		{"giam_toi_pham_ttxh=6,05%", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(10000, 9394)}, score.Pass,
			"9.394 so với 10.000 cùng kỳ: giảm 6,06 % (yêu cầu giảm ≥ 6,05 %)"},
		{"giam_toi_pham_ttxh=6,05%", "toi_pham_ttxh", score.Values{"toi_pham_ttxh": yoy(10000, 9396)}, score.Fail,
			"9.396 so với 10.000 cùng kỳ: giảm 6,04 % (yêu cầu giảm ≥ 6,05 %)"},
	}
	for _, tt := range tests {
		set := testSet(t)
		if err := set.SetAssignment(tt.set); err != nil {
			t.Fatal(err)
		}
		got := indicator(t, score.Evaluate(set, tt.vals), tt.indicator)
		if got.Verdict != tt.want || got.Explanation() != tt.explain {
			t.Errorf("%s: got %s %q, want %s %q", tt.set, got.Verdict, got.Explanation(), tt.want, tt.explain)
		}
	}
}

func TestCriterionVerdict(t *testing.T) {
	set := testSet(t)
	tc := func(vals score.Values, id string) score.Verdict {
		for _, c := range score.Evaluate(set, vals).Criteria {
			if c.ID == id {
				return c.Verdict
			}
		}
		t.Fatalf("no criterion %s", id)
		return score.Missing
	}
	tests := []struct {
		name string
		vals score.Values
		want score.Verdict
	}{
		{"all pass", score.Values{"truc_ban_dat": now(1), "tin_bao_tiep_nhan": now(10), "tin_bao_xu_ly": now(10)}, score.Pass},
		{"pass and not applicable pass", score.Values{"truc_ban_dat": now(1), "tin_bao_tiep_nhan": now(0), "tin_bao_xu_ly": now(0)}, score.Pass},
		{"fail beats missing", score.Values{"truc_ban_dat": now(0)}, score.Fail},
		{"missing is never pass", score.Values{"truc_ban_dat": now(1)}, score.Missing},
	}
	for _, tt := range tests {
		if got := tc(tt.vals, "TC04"); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestCardCountsOnlyPasses(t *testing.T) {
	set := testSet(t)
	n := len(set.Criteria())
	card := score.Evaluate(set, score.Values{})
	if card.Total != n || card.Passed != 0 || card.Model {
		t.Errorf("empty values: got %d/%d model=%v, want 0/%d not model", card.Passed, card.Total, card.Model, n)
	}
	if got := len(card.With(score.Missing)); got != n {
		t.Errorf("missing criteria: got %d, want %d", got, n)
	}
	vals := score.Values{
		"dang_bo_htxs": now(1), "so_to_cong_tac": now(4), "vi_pham_quy_tac_ung_xu": now(0), "mo_hinh_tu_quan": now(2),
		"vu_vi_pham_nho": now(0), "su_co": now(0), "cbcs_tong_so": now(30), "bien_che_dinh_muc": now(30),
	}
	if card := score.Evaluate(set, vals); card.Passed != 1 || card.Model || card.Criteria[0].Verdict != score.Pass {
		t.Errorf("one criterion met: got %d/%d model=%v", card.Passed, card.Total, card.Model)
	}
}
