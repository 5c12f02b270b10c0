package gen

// failures holds, for each criterion, the believable ways a ward misses it. A ward
// that fails a criterion fails it one way only, so the reason shows in its report;
// successive failures of the same criterion take successive ways.
var failures = map[string][]func(w ward){
	"TC01": {
		func(w ward) { w.set("ubnd_tap_the_ldxs", 0) },
		func(w ward) { w.set("dang_bo_htxs", 0) },
		func(w ward) { w.set("cap_tham_muu_tot", 0) },
		func(w ward) { w.set("phuong_an_toan_antt", 0) },
	},
	"TC02": {
		func(w ward) { w.set("don_vi_quyet_thang", 0) },
		func(w ward) { w.set("cbcs_htt_tro_len", w.get("cbcs_tong_so")-w.pick("TC02", 1, 2)) },
		func(w ward) { w.set("don_vi_van_hoa", 0) },
		func(w ward) { w.set("chi_bo_htxs", 0) },
	},
	"TC03": { // the Đề án names this one reason: fewer than the four teams of TT 43/2018
		func(w ward) { w.set("so_to_cong_tac", 3) },
		func(w ward) { w.set("so_to_cong_tac", 3) },
		func(w ward) { w.set("so_to_cong_tac", 2) },
	},
	"TC04": { // old, degraded headquarters
		func(w ward) { w.set("tru_so_dat_chuan", 0) },
		func(w ward) { w.set("tru_so_dat_chuan", 0); w.set("dat_sinh_hoat_cbcs", 0) },
	},
	"TC05": { // no patrol truck: base already has none
		func(w ward) { w.set("xe_o_to_tuan_tra", 0) },
	},
	"TC06": {
		func(w ward) { w.set("tngt_nghiem_trong", 2); w.set("tngt_bat_kha_khang", 1) },
		func(w ward) { w.set("doi_tuong_dua_xe", w.pick("TC06", 2, 5)) },
		func(w ward) { w.set("chay_no_nghiem_trong", 1); w.set("chay_no_bat_kha_khang", 0) },
		func(w ward) { w.set("vu_dua_xe", 1) },
	},
	"TC07": {
		func(w ward) { w.set("vu_loi_dung_ton_giao", 1) },
		func(w ward) { w.set("tham_muu_ton_giao_dan_toc", 0) },
	},
	"TC08": {
		func(w ward) { w.set("nghiep_vu_dat", 0) },
	},
	"TC09": {
		func(w ward) { w.set("tin_bao_xu_ly", w.get("tin_bao_tiep_nhan")-w.pick("TC09", 1, 3)) },
		func(w ward) { w.set("truc_ban_dat", 0) },
	},
	"TC10": {
		func(w ward) { w.yoy("toi_pham_ttxh", 48, 50) }, // down 4 %, not the 6 % required
		func(w ward) { w.set("nguoi_nghien_moi", w.pick("TC10", 2, 5)) },
		func(w ward) { w.yoy("nguoi_nghien", 54, 60) }, // down 10 %, not 15 %
		func(w ward) { w.yoy("tu_diem_phuc_tap", 1, 0); w.set("tu_diem_moi", 1) },
		func(w ward) { p := w.prev("toi_pham_ttxh"); w.yoy("toi_pham_ttxh", p+w.pick("TC10", 1, 6), p) },
		func(w ward) { w.set("toi_pham_nghiem_trong_cu_dan", 1) },
		func(w ward) { w.yoy("truy_bat_dau_thu", 5, 5); w.set("doi_tuong_tron_con_lai", 3) },
		func(w ward) { w.yoy("tu_diem_phuc_tap", 2, 3); w.set("tu_diem_moi", 0) }, // down a third only
	},
	"TC11": {
		func(w ward) { w.set("nguoi_sau_an", 200); w.set("nguoi_tai_pham", 3) }, // exactly 1,5 %: not below
		func(w ward) { w.set("doi_tuong_quan_ly", w.get("doi_tuong_tong_so")-w.pick("TC11", 1, 3)) },
		func(w ward) { w.set("nguoi_tai_pham", atLeast(w.get("nguoi_sau_an"), 2)) },
	},
	"TC12": {
		func(w ward) { w.set("su_kien_chinh_tri", 1) },
		func(w ward) { w.set("bao_ve_muc_tieu_an_toan", 0) },
	},
	"TC13": {
		func(w ward) { w.set("don_thu_giai_quyet", w.get("don_thu_tham_quyen")-1) },
		func(w ward) { w.set("khieu_nai_dong_nguoi", 2); w.set("khieu_nai_bat_kha_khang", 0) },
	},
	"TC14": {
		func(w ward) { w.set("bang_khen_phong_trao", 0) },
		func(w ward) { w.set("bang_khen_phong_trao", 0) },
		func(w ward) { w.set("phong_trao_hieu_qua", 0) },
	},
	"TC15": {
		func(w ward) { w.set("don_vi_an_toan", below(w.get("don_vi_tong_so"), w.pick("TC15", 80, 88))) },
		func(w ward) { w.set("bvdp_vi_pham", 1) },
		func(w ward) { w.set("vu_viec_giai_quyet_kip_thoi", 0) },
	},
	"TC16": {
		func(w ward) { w.set("mo_hinh_tu_quan", 1) },
		func(w ward) { w.set("y_kien_giai_quyet", w.get("y_kien_nhan_dan")-w.pick("TC16", 1, 3)) },
		func(w ward) { w.set("mo_hinh_dan_van_kheo", 0) },
		func(w ward) { w.set("ngay_hoi_dien_dan", 0) },
	},
	"TC17": {
		func(w ward) { w.set("ho_gia_dinh_van_hoa", below(w.get("ho_tong_so"), w.pick("TC17", 84, 88))) },
		func(w ward) { w.set("khu_vuc_van_hoa", w.get("khu_vuc_tong_so")-2) },
		func(w ward) { w.set("ho_nep_song_van_minh", below(w.get("ho_tong_so"), w.pick("TC17", 70, 78))) },
		func(w ward) { w.set("vu_me_tin_di_doan", 1) },
	},
	"TC18": {
		func(w ward) { w.set("ho_ven_duong_cam_ket", w.get("ho_ven_duong")-w.pick("TC18", 5, 60)) },
		func(w ward) { w.set("khu_vuc_co_quy_uoc", w.get("khu_vuc_tong_so")-1) },
		func(w ward) { w.set("mau_thuan_giai_quyet", w.get("mau_thuan_phat_sinh")-1) },
	},
	"TC19": {
		func(w ward) { w.set("co_so_sxkd_dat", w.get("co_so_sxkd")-w.pick("TC19", 2, 15)) },
		func(w ward) { w.set("ve_sinh_moi_truong", 0) },
	},
	"TC20": {
		func(w ward) { w.set("ho_so_truoc_han", below(w.get("ho_so_giai_quyet"), w.pick("TC20", 5, 9))) },
		func(w ward) { w.set("ho_so_dung_han", w.get("ho_so_giai_quyet")-w.pick("TC20", 3, 20)) },
		func(w ward) { w.set("tthc_cong_khai", w.get("tthc_tong_so")-1) },
	},
	"TC21": {
		func(w ward) { w.set("don_phan_anh_thai_do", 1); w.set("don_phan_anh_khong_dung", 0) },
		func(w ward) { w.set("don_phan_anh_thai_do", 3); w.set("don_phan_anh_khong_dung", 1) },
	},
	"TC22": {
		func(w ward) { w.set("bao_cao_dung_han", 0) },
		func(w ward) { w.set("phoi_hop_thong_tin", 0) },
	},
}

// fail makes the ward miss criterion id, the way numbered way (any number; it wraps).
func fail(w ward, id string, way int) {
	ways := failures[id]
	ways[way%len(ways)](w)
}
