package units_test

import (
	"fmt"
	"time"

	"dean/units"
)

func ExampleInForce() {
	for _, day := range []time.Time{
		time.Date(2025, time.May, 15, 0, 0, 0, 0, time.UTC),      // the 2025-H1 report
		time.Date(2025, time.November, 15, 0, 0, 0, 0, time.UTC), // the 2025 report
	} {
		l, _ := units.InForce(day)
		fmt.Println(l.ID, len(l.Wards), l.HasDistricts(), l.Valid)
	}
	// Output:
	// can-tho-2022 42 true đến hết 30/06/2025
	// can-tho-2025 31 false từ 01/07/2025
}

func ExampleMerger_History() {
	m := units.BundledMerger()
	for _, code := range []string{"31135", "31120", "31150"} {
		k := units.Key{List: "can-tho-2025", Code: code}
		h, _ := m.History(k)
		fmt.Println(k, h)
	}
	for _, code := range []string{"31135", "31147", "31207", "31126"} {
		k := units.Key{List: "can-tho-2022", Code: code}
		fmt.Println(k, m.Fate(k))
	}
	// Output:
	// can-tho-2025/31135 gồm phường Thới Bình, Tân An (cũ), Xuân Khánh
	// can-tho-2025/31120 gồm phường Cái Khế (cũ), An Hòa, Bùi Hữu Nghĩa (một phần)
	// can-tho-2025/31150 gồm phường An Bình (cũ), Long Tuyền (cũ, một phần), xã Mỹ Khánh
	// can-tho-2022/31135 nay thuộc phường Ninh Kiều
	// can-tho-2022/31147 nay thuộc phường Tân An (mới)
	// can-tho-2022/31207 nay một phần thuộc phường Thốt Nốt, một phần thuộc phường Thuận Hưng
	// can-tho-2022/31126 chưa rõ nay thuộc phường nào: bảng sáp nhập không có đơn vị này
}
