package gen

// base fills a ward that passes every criterion but TC05 (no patrol truck: the
// common case in 2022), with sizes that vary from ward to ward the way an urban
// ward's do: thousands of households, tens of crimes, 20–40 officers.
func base(i int) ward { return sized(i, size{}) }

// sized is base for a ward of the given size: the same ward (same i) in another
// year keeps its stocks, grown a little, and sees its flows vary.
func sized(i int, sz size) ward {
	w := newWard(i)
	w.sz = sz
	yes := func(ids ...string) {
		for _, id := range ids {
			w.set(id, 1)
		}
	}
	same := func(part, whole string) { w.set(part, w.get(whole)) }

	yes("dang_bo_htxs", "ubnd_tap_the_ldxs", "phuong_an_toan_antt", "cap_tham_muu_tot")

	yes("chi_bo_htxs", "don_vi_quyet_thang", "don_vi_van_hoa")
	w.set("cbcs_tong_so", w.stock("cbcs_tong_so", 20, 40))
	same("cbcs_htt_tro_len", "cbcs_tong_so")
	w.set("so_to_cong_tac", 4)
	w.set("bien_che_dinh_muc", w.get("cbcs_tong_so")-w.pick("bien_che_dinh_muc", 0, 2))
	same("cbcs_dat_tieu_chuan", "cbcs_tong_so")
	w.set("vi_pham_quy_tac_ung_xu", 0)

	yes("tru_so_dat_chuan", "dat_sinh_hoat_cbcs")
	yes("trang_bi_tt69", "kinh_phi_day_du")
	w.set("xe_o_to_tuan_tra", 0)

	yes("csdl_dan_cu_dat", "quan_ly_cu_tru_nnn")
	// A serious fire or accident found to be force majeure does not count against
	// the ward; some wards had one.
	w.set("chay_no_nghiem_trong", w.pick("chay_no_nghiem_trong", 0, 3)/3)
	same("chay_no_bat_kha_khang", "chay_no_nghiem_trong")
	w.set("tngt_nghiem_trong", w.pick("tngt_nghiem_trong", 0, 2)/2)
	same("tngt_bat_kha_khang", "tngt_nghiem_trong")
	w.set("doi_tuong_dua_xe", 0)
	w.set("vu_dua_xe", 0)

	yes("tham_muu_ton_giao_dan_toc")
	w.set("vu_loi_dung_ton_giao", 0)

	yes("nghiep_vu_dat")

	yes("truc_ban_dat")
	w.set("tin_bao_tiep_nhan", w.flow("tin_bao_tiep_nhan", 15, 90))
	same("tin_bao_xu_ly", "tin_bao_tiep_nhan")

	w.set("toi_pham_nghiem_trong_cu_dan", 0)
	crimes := w.flow("toi_pham_ttxh", 20, 80)
	w.yoy("toi_pham_ttxh", below(crimes, w.pick("toi_pham_ttxh/giam", 72, 90)), crimes)
	w.yoy("tu_diem_phuc_tap", 0, w.pick("tu_diem_phuc_tap", 1, 3))
	w.set("tu_diem_moi", 0)
	w.set("toi_pham_kinh_te_lon", 0)
	addicts := w.stock("nguoi_nghien", 20, 90)
	w.yoy("nguoi_nghien", below(addicts, w.pick("nguoi_nghien/giam", 60, 84)), addicts)
	w.set("nguoi_nghien_moi", 0)
	caught := w.flow("truy_bat_dau_thu", 2, 8)
	w.yoy("truy_bat_dau_thu", caught+(caught+4)/5+w.pick("truy_bat_dau_thu/them", 0, 2), caught)
	w.set("doi_tuong_tron_con_lai", w.pick("doi_tuong_tron_con_lai", 0, 5))
	w.set("toi_pham_manh_dong", 0)

	w.set("doi_tuong_tong_so", w.stock("doi_tuong_tong_so", 30, 120))
	same("doi_tuong_quan_ly", "doi_tuong_tong_so")
	w.set("nguoi_sau_an", w.stock("nguoi_sau_an", 60, 250))
	w.set("nguoi_tai_pham", below(w.get("nguoi_sau_an"), 1)) // under 1,5 %

	yes("bao_ve_muc_tieu_an_toan")
	w.set("su_kien_chinh_tri", 0)

	w.set("don_thu_tham_quyen", w.flow("don_thu_tham_quyen", 3, 25))
	same("don_thu_giai_quyet", "don_thu_tham_quyen")
	w.set("khieu_nai_dong_nguoi", 0)
	w.set("khieu_nai_bat_kha_khang", 0)

	yes("phong_trao_hieu_qua", "bang_khen_phong_trao")

	w.set("bvdp_vi_pham", 0)
	w.set("don_vi_tong_so", w.stock("don_vi_tong_so", 40, 160))
	w.set("don_vi_an_toan", atLeast(w.get("don_vi_tong_so"), w.pick("don_vi_an_toan", 90, 100)))
	yes("vu_viec_giai_quyet_kip_thoi")

	w.set("mo_hinh_tu_quan", w.stock("mo_hinh_tu_quan", 2, 6))
	w.set("mo_hinh_dan_van_kheo", w.stock("mo_hinh_dan_van_kheo", 1, 3))
	yes("ngay_hoi_dien_dan")
	w.set("y_kien_nhan_dan", w.flow("y_kien_nhan_dan", 5, 40))
	same("y_kien_giai_quyet", "y_kien_nhan_dan")

	w.set("khu_vuc_tong_so", w.stock("khu_vuc_tong_so", 5, 14))
	w.set("khu_vuc_van_hoa", atLeast(w.get("khu_vuc_tong_so"), w.pick("khu_vuc_van_hoa", 90, 100)))
	w.set("ho_tong_so", w.stock("ho_tong_so", 2500, 9500))
	w.set("ho_gia_dinh_van_hoa", atLeast(w.get("ho_tong_so"), w.pick("ho_gia_dinh_van_hoa", 90, 97)))
	w.set("ho_nep_song_van_minh", atLeast(w.get("ho_tong_so"), w.pick("ho_nep_song_van_minh", 82, 95)))
	w.set("vu_me_tin_di_doan", 0)

	same("khu_vuc_co_quy_uoc", "khu_vuc_tong_so")
	w.set("mau_thuan_phat_sinh", w.flow("mau_thuan_phat_sinh", 4, 30))
	same("mau_thuan_giai_quyet", "mau_thuan_phat_sinh")
	w.set("ho_ven_duong", below(w.get("ho_tong_so"), w.pick("ho_ven_duong", 15, 35)))
	same("ho_ven_duong_cam_ket", "ho_ven_duong")

	yes("ve_sinh_moi_truong")
	w.set("co_so_sxkd", w.stock("co_so_sxkd", 80, 600))
	same("co_so_sxkd_dat", "co_so_sxkd")

	w.set("tthc_tong_so", w.pick("tthc_tong_so", 18, 40))
	same("tthc_cong_khai", "tthc_tong_so")
	w.set("ho_so_giai_quyet", w.flow("ho_so_giai_quyet", 800, 5000))
	same("ho_so_dung_han", "ho_so_giai_quyet")
	w.set("ho_so_truoc_han", atLeast(w.get("ho_so_giai_quyet"), w.pick("ho_so_truoc_han", 10, 35)))

	// Complaints about manners that the inspectors found baseless do not count.
	w.set("don_phan_anh_thai_do", w.pick("don_phan_anh_thai_do", 0, 2))
	same("don_phan_anh_khong_dung", "don_phan_anh_thai_do")

	yes("bao_cao_dung_han", "phoi_hop_thong_tin")
	return w
}
