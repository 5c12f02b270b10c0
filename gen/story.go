package gen

// The story the bundled history tells, in criteria met per ward and period. It
// follows the Đề án's plan: a handful of model wards (22/22) in 2023 and 2024, two
// per district and ten in the city by the end of 2025 (phase 1), then six or seven
// more each year. Most wards gain a criterion or two a year; a few slip back.
//
// 2022 (canThoMet): none of 42. 2023: Cái Khế, An Cư, Hưng Phú. 2024: six — Cái
// Khế, Xuân Khánh, Bình Thủy, Hưng Phú, Thốt Nốt, Trung Nhứt; An Cư slips back.
// First half of 2025: ten, two in each district. From 1/7/2025 the 31 merged
// wards are assessed afresh: ten in 2025, all on the old Cần Thơ side; thirteen in
// the first half of 2026 (Thới Long slips back; An Bình, Ô Môn, and Vị Thanh and
// Sóc Trăng from the provinces merged in, join); seventeen in 2026 (seven more
// than in 2025).

// oldMet: criteria met in 2023, 2024 and the first half of 2025, on the map of
// 2022. Each row starts from the ward's 2022 figure (in the comment).
var oldMet = map[string][3]int{
	"31117": {22, 22, 22}, // Cái Khế, 20
	"31120": {20, 21, 21}, // An Hòa, 19
	"31123": {17, 18, 19}, // Thới Bình, 16
	"31126": {19, 20, 20}, // An Nghiệp, 18
	"31129": {22, 20, 21}, // An Cư, 20: model in 2023; street racing and its first crime in 2024
	"31135": {17, 19, 20}, // Tân An, 17
	"31141": {16, 17, 18}, // An Phú, 15
	"31144": {21, 22, 22}, // Xuân Khánh, 19
	"31147": {19, 20, 21}, // Hưng Lợi, 18
	"31149": {18, 19, 20}, // An Khánh, 17
	"31150": {16, 17, 18}, // An Bình, 14

	"31153": {18, 20, 22}, // Châu Văn Liêm, 16
	"31154": {15, 16, 17}, // Thới Hòa, 13
	"31156": {14, 16, 18}, // Thới Long, 12
	"31157": {17, 20, 22}, // Long Hưng, 15
	"31159": {15, 17, 18}, // Thới An, 14
	"31162": {13, 15, 16}, // Phước Thới, 12
	"31165": {16, 18, 19}, // Trường Lạc, 15

	"31168": {21, 22, 22}, // Bình Thủy, 19
	"31169": {17, 19, 20}, // Trà An, 16
	"31171": {20, 21, 22}, // Trà Nóc, 18
	"31174": {17, 18, 20}, // Thới An Đông, 15
	"31177": {18, 20, 21}, // An Thới, 17
	"31178": {18, 19, 20}, // Bùi Hữu Nghĩa, 16
	"31180": {16, 17, 19}, // Long Hòa, 15
	"31183": {15, 16, 18}, // Long Tuyền, 13

	"31186": {18, 20, 21}, // Lê Bình, 17
	"31189": {22, 22, 22}, // Hưng Phú, 20
	"31192": {20, 21, 22}, // Hưng Thạnh, 19
	"31195": {17, 18, 20}, // Ba Láng, 15
	"31198": {16, 17, 19}, // Thường Thạnh, 14
	"31201": {18, 19, 20}, // Phú Thứ, 16
	"31204": {16, 18, 19}, // Tân Phú, 15

	"31207": {20, 22, 22}, // Thốt Nốt, 18
	"31210": {16, 18, 19}, // Thới Thuận, 15
	"31212": {17, 19, 20}, // Thuận An, 16
	"31213": {15, 14, 16}, // Tân Lộc, 13: a street race in 2024
	"31216": {21, 22, 22}, // Trung Nhứt, 19
	"31217": {14, 16, 17}, // Thạnh Hoà, 12
	"31219": {18, 19, 20}, // Trung Kiên, 17
	"31227": {16, 18, 19}, // Tân Hưng, 15
	"31228": {17, 19, 20}, // Thuận Hưng, 16
}

// newMet: criteria met in 2025, the first half of 2026 and 2026, on the map of
// 1/7/2025. A merged ward's result is its own: it starts from the weaknesses of
// the wards it was formed from (see newFails), not from their scores.
var newMet = map[string][3]int{
	"31120": {22, 22, 22}, // Cái Khế
	"31135": {22, 22, 22}, // Ninh Kiều
	"31147": {22, 22, 22}, // Tân An
	"31150": {19, 22, 22}, // An Bình
	"31153": {21, 22, 22}, // Ô Môn
	"31157": {22, 21, 22}, // Thới Long: a hotspot where there was none, first half of 2026
	"31162": {18, 20, 22}, // Phước Thới
	"31168": {22, 22, 22}, // Bình Thủy
	"31174": {22, 22, 22}, // Thới An Đông
	"31183": {17, 18, 20}, // Long Tuyền
	"31186": {22, 22, 22}, // Cái Răng
	"31201": {22, 22, 22}, // Hưng Phú
	"31207": {22, 22, 22}, // Thốt Nốt
	"31213": {16, 18, 19}, // Tân Lộc
	"31217": {22, 22, 22}, // Trung Nhứt
	"31228": {20, 21, 22}, // Thuận Hưng
	// Formerly Hậu Giang and Sóc Trăng: new to the Đề án, no history in dean.
	"31321": {20, 22, 22}, // Vị Thanh
	"31333": {17, 18, 19}, // Vị Tân
	"31340": {18, 19, 20}, // Ngã Bảy
	"31411": {14, 15, 17}, // Đại Thành
	"31471": {15, 16, 18}, // Long Mỹ
	"31473": {14, 16, 17}, // Long Bình
	"31480": {13, 14, 16}, // Long Phú 1
	"31507": {20, 22, 22}, // Sóc Trăng
	"31510": {19, 20, 22}, // Phú Lợi
	"31684": {16, 17, 19}, // Mỹ Xuyên
	"31732": {15, 17, 18}, // Ngã Năm
	"31753": {14, 15, 17}, // Mỹ Quới
	"31783": {16, 17, 18}, // Vĩnh Châu
	"31789": {15, 16, 17}, // Khánh Hòa
	"31804": {13, 15, 16}, // Vĩnh Phước
}

// hardest orders the criteria by how long a ward takes to meet them once it
// fails them: a patrol truck, a new headquarters and more officers wait for the
// budget; crime and the culture shares take years of work; a missing report or
// commendation is put right within the year. A ward that improves meets its
// easiest failures first.
var hardest = []string{
	"TC05", "TC04", "TC03", "TC10", "TC17", "TC11", "TC02", "TC18", "TC20", "TC15", "TC19",
	"TC01", "TC16", "TC14", "TC13", "TC06", "TC21", "TC09", "TC07", "TC08", "TC12", "TC22",
}

// relapses are what a ward that slips back fails anew, in this order: crime or
// drugs not brought down, traffic order (racing, a serious accident), a
// complaint left unresolved.
var relapses = []string{"TC10", "TC06", "TC13", "TC21", "TC12"}

// recognition is one row of the register: the Ministry recognises a ward as a
// model ward for a year after its annual assessment found it 22/22. Not every
// model ward is recognised, and a decision may come months later: Thốt Nốt's for
// 2024 in March 2025, Trung Nhứt's for 2024 in August 2025, after the ward had
// been merged (the row keeps the list and code of 2024).
var recognitions = []struct {
	list, code string
	year       int
	decision   string
	date       string
}{
	{"can-tho-2022", "31117", 2023, "1520/QĐ-BCA-V05", "20/12/2023"}, // Cái Khế
	{"can-tho-2022", "31189", 2023, "1520/QĐ-BCA-V05", "20/12/2023"}, // Hưng Phú
	// An Cư, also 22/22 in 2023, was not recognised: it slipped back in 2024.

	{"can-tho-2022", "31117", 2024, "9874/QĐ-BCA-V05", "18/12/2024"}, // Cái Khế
	{"can-tho-2022", "31144", 2024, "9874/QĐ-BCA-V05", "18/12/2024"}, // Xuân Khánh
	{"can-tho-2022", "31168", 2024, "9874/QĐ-BCA-V05", "18/12/2024"}, // Bình Thủy
	{"can-tho-2022", "31189", 2024, "9874/QĐ-BCA-V05", "18/12/2024"}, // Hưng Phú
	{"can-tho-2022", "31207", 2024, "2031/QĐ-BCA-V05", "24/03/2025"}, // Thốt Nốt, now in two wards
	{"can-tho-2022", "31216", 2024, "5618/QĐ-BCA-V05", "12/08/2025"}, // Trung Nhứt, now 31217

	{"can-tho-2025", "31120", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Cái Khế
	{"can-tho-2025", "31135", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Ninh Kiều
	{"can-tho-2025", "31147", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Tân An
	{"can-tho-2025", "31168", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Bình Thủy
	{"can-tho-2025", "31174", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Thới An Đông
	{"can-tho-2025", "31186", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Cái Răng
	{"can-tho-2025", "31201", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Hưng Phú
	{"can-tho-2025", "31217", 2025, "11260/QĐ-BCA-V05", "19/12/2025"}, // Trung Nhứt
	{"can-tho-2025", "31157", 2025, "1187/QĐ-BCA-V05", "06/03/2026"},  // Thới Long
	{"can-tho-2025", "31207", 2025, "1187/QĐ-BCA-V05", "06/03/2026"},  // Thốt Nốt

	{"can-tho-2025", "31120", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Cái Khế
	{"can-tho-2025", "31135", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Ninh Kiều
	{"can-tho-2025", "31147", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Tân An
	{"can-tho-2025", "31150", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // An Bình
	{"can-tho-2025", "31153", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Ô Môn
	{"can-tho-2025", "31157", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Thới Long
	{"can-tho-2025", "31168", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Bình Thủy
	{"can-tho-2025", "31174", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Thới An Đông
	{"can-tho-2025", "31186", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Cái Răng
	{"can-tho-2025", "31201", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Hưng Phú
	{"can-tho-2025", "31207", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Thốt Nốt
	{"can-tho-2025", "31217", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Trung Nhứt
	{"can-tho-2025", "31321", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Vị Thanh
	{"can-tho-2025", "31507", 2026, "11342/QĐ-BCA-V05", "17/12/2026"}, // Sóc Trăng
	// Phước Thới, Thuận Hưng and Phú Lợi, first 22/22 in 2026: no decision yet.
}
