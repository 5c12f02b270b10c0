package criteria_test

import (
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean"
	"dean/criteria"
)

func TestDefaultCriteria(t *testing.T) {
	s, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Criteria()); got != 22 {
		t.Errorf("criteria: got %d, want 22", got)
	}
	if got := len(s.Areas); got != 7 {
		t.Errorf("areas: got %d, want 7", got)
	}
	perArea := []int{1, 2, 2, 2, 6, 6, 3}
	for i, a := range s.Areas {
		if len(a.Criteria) != perArea[i] {
			t.Errorf("area %s: got %d criteria, want %d", a.ID, len(a.Criteria), perArea[i])
		}
	}
	for _, name := range []string{"giam_toi_pham_ttxh", "giam_nguoi_nghien", "tang_truy_bat", "tai_pham_duoi"} {
		if s.Param(name) == nil {
			t.Errorf("missing parameter %s", name)
		}
	}
}

// TestInputIDsAreTheContract pins every input id of the data dictionary: they are
// printed on the districts' forms and may not drift.
func TestInputIDsAreTheContract(t *testing.T) {
	s, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range s.Inputs() {
		got = append(got, in.Criterion.ID+":"+in.ID)
	}
	want := strings.Fields(`TC01:dang_bo_htxs TC01:ubnd_tap_the_ldxs TC01:phuong_an_toan_antt TC01:cap_tham_muu_tot
TC02:chi_bo_htxs TC02:don_vi_quyet_thang TC02:don_vi_van_hoa TC02:cbcs_tong_so TC02:cbcs_htt_tro_len
TC03:so_to_cong_tac TC03:bien_che_dinh_muc TC03:cbcs_dat_tieu_chuan TC03:vi_pham_quy_tac_ung_xu
TC04:tru_so_dat_chuan TC04:dat_sinh_hoat_cbcs
TC05:trang_bi_tt69 TC05:xe_o_to_tuan_tra TC05:kinh_phi_day_du
TC06:csdl_dan_cu_dat TC06:quan_ly_cu_tru_nnn TC06:chay_no_nghiem_trong TC06:chay_no_bat_kha_khang TC06:tngt_nghiem_trong TC06:tngt_bat_kha_khang TC06:doi_tuong_dua_xe TC06:vu_dua_xe
TC07:tham_muu_ton_giao_dan_toc TC07:vu_loi_dung_ton_giao
TC08:nghiep_vu_dat
TC09:truc_ban_dat TC09:tin_bao_tiep_nhan TC09:tin_bao_xu_ly
TC10:toi_pham_nghiem_trong_cu_dan TC10:toi_pham_ttxh TC10:tu_diem_phuc_tap TC10:tu_diem_moi TC10:toi_pham_kinh_te_lon TC10:nguoi_nghien TC10:nguoi_nghien_moi TC10:truy_bat_dau_thu TC10:doi_tuong_tron_con_lai TC10:toi_pham_manh_dong
TC11:doi_tuong_tong_so TC11:doi_tuong_quan_ly TC11:nguoi_sau_an TC11:nguoi_tai_pham
TC12:bao_ve_muc_tieu_an_toan TC12:su_kien_chinh_tri
TC13:don_thu_tham_quyen TC13:don_thu_giai_quyet TC13:khieu_nai_dong_nguoi TC13:khieu_nai_bat_kha_khang
TC14:phong_trao_hieu_qua TC14:bang_khen_phong_trao
TC15:bvdp_vi_pham TC15:don_vi_tong_so TC15:don_vi_an_toan TC15:vu_viec_giai_quyet_kip_thoi
TC16:mo_hinh_tu_quan TC16:mo_hinh_dan_van_kheo TC16:ngay_hoi_dien_dan TC16:y_kien_nhan_dan TC16:y_kien_giai_quyet
TC17:khu_vuc_tong_so TC17:khu_vuc_van_hoa TC17:ho_tong_so TC17:ho_gia_dinh_van_hoa TC17:ho_nep_song_van_minh TC17:vu_me_tin_di_doan
TC18:khu_vuc_co_quy_uoc TC18:mau_thuan_phat_sinh TC18:mau_thuan_giai_quyet TC18:ho_ven_duong TC18:ho_ven_duong_cam_ket
TC19:ve_sinh_moi_truong TC19:co_so_sxkd TC19:co_so_sxkd_dat
TC20:tthc_tong_so TC20:tthc_cong_khai TC20:ho_so_giai_quyet TC20:ho_so_dung_han TC20:ho_so_truoc_han
TC21:don_phan_anh_thai_do TC21:don_phan_anh_khong_dung
TC22:bao_cao_dung_han TC22:phoi_hop_thong_tin`)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("input ids differ from the data dictionary (-want +got):\n%s", diff)
	}
}

const small = `version: "t1"
source: test
params:
  muc: {value: 6%, label: mức}
  so: 4
areas:
  - id: "1"
    name: Nhóm
    criteria:
      - id: TC01
        name: Một
        inputs:
          - {id: a, kind: count, label: A, yoy: true, rule: {decrease_at_least: muc, if_last_year_zero: {equal: 0}}}
          - {id: b, kind: count, label: B, rule: {at_least: so}}
`

func TestParseSmall(t *testing.T) {
	s, err := criteria.Parse([]byte(small), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := s.Input("a").Rule
	if r.Measure != criteria.Change || r.Op != criteria.LE || r.Target.Param != "muc" || !r.Target.Negate {
		t.Errorf("decrease_at_least: %+v", r)
	}
	if v, _, _ := s.Resolve(r.Target); v.Cmp(big.NewRat(-6, 100)) != 0 {
		t.Errorf("decrease_at_least 6 %%: bound %s, want -3/50", v)
	}
	if zb := r.ZeroBase; zb == nil || zb.Op != criteria.EQ || zb.Input != "a" {
		t.Errorf("if_last_year_zero: %+v", zb)
	}
}

// TestCheckReportsEveryProblemWithItsLine breaks the small file in many ways at
// once; each problem must come back, at its line.
func TestCheckReportsEveryProblemWithItsLine(t *testing.T) {
	bad := `version: "t1"
colour: red
params:
  muc: {value: 160%, label: mức}
  so: 4.5
  x: {value: 6%}
areas:
  - id: "1"
    name: Nhóm
    criteria:
      - id: TC01
        name: Một
        inputs:
          - {id: a, kind: count, label: A, rule: {decrease_at_least: khong_co, if_last_year_zero: {equal: 0}}}
          - {id: b, kind: number, label: B, rule: {at_least: 4, at_most: 5}}
          - {id: a, kind: count, label: A2}
      - id: TC01
        name: Hai
        inputs:
          - {id: c, kind: count, label: C, part_of: zzz, rule: {share_of: d, at_least: 90, wat: 1}}
`
	_, err := criteria.Parse([]byte(bad), "c.yaml")
	ps, ok := err.(criteria.Problems)
	if !ok {
		t.Fatalf("want Problems, got %v", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := []string{
		`c.yaml:2: khóa không hợp lệ "colour" trong tệp tiêu chí (được dùng: version, source, params, areas)`,
		`c.yaml:4: tham số "muc": tỷ lệ 160 % nằm ngoài khoảng 0 % – 100 %`,
		`c.yaml:5: tham số "so": 4,5 phải là số nguyên ≥ 0 (tỷ lệ thì viết kèm %, ví dụ 6%)`,
		`c.yaml:14: không có tham số "khong_co"`,
		`c.yaml:14: decrease_at_least cần chỉ số "a" có yoy: true (biểu mẫu hỏi cả cùng kỳ năm trước)`,
		`c.yaml:15: chỉ số "b": kind phải là bool hoặc count, không phải "number"`,
		`c.yaml:15: quy tắc của b có 2 phép so sánh (at_least, at_most): mỗi quy tắc chỉ một; cần cả hai thì dùng all_of`,
		`c.yaml:16: mã chỉ số "a" trùng với chỉ số ở dòng 14`,
		`c.yaml:17: mã tiêu chí "TC01" trùng với tiêu chí ở dòng 11`,
		`c.yaml:20: khóa không hợp lệ "wat" trong quy tắc của c (được dùng: is, value_of, share_of, minus, at_least, above, at_most, below, equal, decrease_at_least, decrease_more_than, increase_at_least, increase_more_than, if_last_year_zero, any_of, all_of)`,
		`c.yaml:20: tỷ lệ và mức tăng, giảm phải so với một tỷ lệ phần trăm (ví dụ 90%)`,
		`c.yaml:20: chỉ số "c": part_of nêu chỉ số "zzz", không có trong bộ tiêu chí`,
		`c.yaml:20: quy tắc nêu chỉ số "d", không có trong bộ tiêu chí`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestYAMLSyntaxErrorHasLine(t *testing.T) {
	_, err := criteria.Parse([]byte("version: 1\nareas: [\n"), "c.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "c.yaml:") {
		t.Errorf("got %v", err)
	}
}

func TestOverrides(t *testing.T) {
	tests := []struct {
		kv      string
		wantErr string
		want    string
	}{
		{"giam_toi_pham_ttxh=5%", "", "5 %"},
		{"giam_toi_pham_ttxh=6,5 %", "", "6,5 %"},
		{"giam_toi_pham_ttxh=0.06", "", "6 %"},
		{"giam_toi_pham_ttxh=6", "là tỷ lệ", ""},
		{"giam_toi_pham_ttxh=120%", "nằm ngoài", ""},
		{"so_to_toi_thieu=5", "", "5"},
		{"tai_pham_duoi=1,2345%", "", "1,2345 %"},
		{"tai_pham_duoi=1,00001%", "tối đa 4 chữ số thập phân", ""},
		{"so_to_toi_thieu=5%", "không phải tỷ lệ", ""},
		{"khong_co=1", "không có tham số", ""},
		{"giam_toi_pham_ttxh", "tên=giá_trị", ""},
	}
	for _, tt := range tests {
		s, _ := dean.DefaultSet()
		err := s.SetAssignment(tt.kv)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: got %v, want error containing %q", tt.kv, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.kv, err)
			continue
		}
		name, _, _ := strings.Cut(tt.kv, "=")
		if got := s.Param(name).Text(); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.kv, got, tt.want)
		}
	}
}

func TestApplyParamsFile(t *testing.T) {
	s, _ := dean.DefaultSet()
	err := s.ApplyParams([]byte("params:\n  giam_toi_pham_ttxh: 5%\n  khong_co: 1\n  tai_pham_duoi: 200%\n"), "p.yaml")
	if err == nil || !strings.Contains(err.Error(), "p.yaml:3:") || !strings.Contains(err.Error(), "p.yaml:4:") {
		t.Errorf("got %v", err)
	}
}

func TestBadParameterIsReportedOnce(t *testing.T) {
	bad := strings.Replace(small, "muc: {value: 6%, label: mức}", "muc: {value: 160%, label: mức}", 1)
	_, err := criteria.Parse([]byte(bad), "c.yaml")
	ps, _ := err.(criteria.Problems)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "nằm ngoài khoảng") {
		t.Errorf("want one problem about the value, got %v", err)
	}
}

func TestTargetsMustFitTheirMeasure(t *testing.T) {
	for _, tt := range []struct{ rule, want string }{
		{`{at_least: 2.5}`, "giá trị đếm phải là số nguyên"},
		{`{share_of: b, at_least: {value_of: b}}`, "tỷ lệ và mức tăng, giảm phải so với một tỷ lệ phần trăm"},
		{`{at_least: 50%}`, "giá trị đếm phải so với một số, không phải tỷ lệ phần trăm"},
	} {
		src := strings.Replace(small, `rule: {at_least: so}`, "rule: "+tt.rule, 1)
		_, err := criteria.Parse([]byte(src), "c.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.rule, err, tt.want)
		}
	}
}
