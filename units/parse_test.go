package units

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseFormats(t *testing.T) {
	caiKhe := func(list string) Ward {
		return Ward{List: list, Code: "31117", Name: "Cái Khế", DistrictCode: "916", District: "Ninh Kiều"}
	}
	tests := []struct {
		name      string
		csv       string
		id        string
		valid     Validity
		districts bool
		wards     []Ward
	}{
		{"the 2022 format, as users have it", "ma_phuong,ten_phuong,ma_quan,ten_quan\n31117,Cái Khế,916,Ninh Kiều\n",
			"u.csv", Validity{}, true, []Ward{caiKhe("u.csv")}},
		{"semicolons, CRLF and a BOM, as Excel saves it", "\uFEFFma_phuong;ten_phuong;ma_quan;ten_quan\r\n31117;Cái Khế;916;Ninh Kiều\r\n",
			"u.csv", Validity{}, true, []Ward{caiKhe("u.csv")}},
		{"extra columns are ignored", "ma_phuong,ten_phuong,ma_quan,ten_quan,ghi_chu\n31117,Cái Khế,916,Ninh Kiều,x\n",
			"u.csv", Validity{}, true, []Ward{caiKhe("u.csv")}},
		{"columns in any order", "ten_quan,ma_phuong,ten_phuong\nNinh Kiều,31117,Cái Khế\n",
			"u.csv", Validity{}, true, []Ward{{List: "u.csv", Code: "31117", Name: "Cái Khế", District: "Ninh Kiều"}}},
		{"no district columns", "ma_phuong,ten_phuong\n31135,Ninh Kiều\n",
			"u.csv", Validity{}, false, []Ward{{List: "u.csv", Code: "31135", Name: "Ninh Kiều"}}},
		{"district columns left empty", "ma_phuong,ten_phuong,ma_quan,ten_quan\n31135,Ninh Kiều,,\n",
			"u.csv", Validity{}, false, []Ward{{List: "u.csv", Code: "31135", Name: "Ninh Kiều"}}},
		{"settings", "# danh_muc: ct-2025\n# hieu_luc_tu: 01/07/2025\n# hieu_luc_den:\nma_phuong,ten_phuong\n31135,Ninh Kiều\n",
			"ct-2025", Validity{From: day(2025, 7, 1)}, false, []Ward{{List: "ct-2025", Code: "31135", Name: "Ninh Kiều"}}},
		{"settings with diacritics, ISO dates and notes", "# Danh mục: x\n# ghi chú: \"trích\", xem README\n# Hiệu lực từ: 2022-01-01\n# Hiệu lực đến: 30/6/2025\nma_phuong,ten_phuong\n1,A\n",
			"x", Validity{From: day(2022, 1, 1), Until: day(2025, 6, 30)}, false, []Ward{{List: "x", Code: "1", Name: "A"}}},
		{"settings after Excel saved the file", "\uFEFF\"# danh_muc: x\";;\r\n# hieu_luc_den: 30/06/2025;;\r\n\"# Nguồn: a; b\";;\r\nma_phuong;ten_phuong;ma_quan;ten_quan\r\n1;A;9;Q\r\n",
			"x", Validity{Until: day(2025, 6, 30)}, true, []Ward{{List: "x", Code: "1", Name: "A", DistrictCode: "9", District: "Q"}}},
		{"decomposed names become NFC", "ma_phuong,ten_phuong\n31213,Ta\u0302n Lo\u0323\u0302c\n",
			"u.csv", Validity{}, false, []Ward{{List: "u.csv", Code: "31213", Name: "Tân Lộc"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse(strings.NewReader(tt.csv), "u.csv")
			if err != nil {
				t.Fatal(err)
			}
			if l.ID != tt.id || l.Valid != tt.valid || l.HasDistricts() != tt.districts {
				t.Errorf("got ID %q, valid %v, districts %v; want %q, %v, %v", l.ID, l.Valid, l.HasDistricts(), tt.id, tt.valid, tt.districts)
			}
			if diff := cmp.Diff(tt.wards, l.Wards); diff != "" {
				t.Errorf("wards (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string // every line of the error, in order
	}{
		{"rows", "\uFEFFma_phuong,ten_phuong,ma_quan,ten_quan\n1,A,9,Q\n1,B,9,Q\n2,,9,Q\n3\n",
			[]string{"u.csv:3: mã phường 1 trùng với dòng 2", "u.csv:4: thiếu mã phường hoặc tên phường", "u.csv:5: cần 4 cột, có 1"}},
		{"lines count the notes", "# danh_muc: x\n\nma_phuong,ten_phuong\n1,A\n1,B\n",
			[]string{"u.csv:5: mã phường 1 trùng với dòng 4"}},
		{"a ward without its district among wards with one", "ma_phuong,ten_phuong,ma_quan,ten_quan\n1,A,9,Q\n2,B,,\n3,C,9,\n",
			[]string{"u.csv:3: thiếu tên quận (các phường khác trong danh mục có quận)", "u.csv:4: có mã quận 9 mà thiếu tên quận"}},
		{"settings", "# danh_muc: Cần Thơ\n# hieu_luc_tu: 31/02/2025\n# hieu_luc_den: 1.7.2025\n# hieu_luc_tu: 01/07/2025\nma_phuong,ten_phuong\n1,A\n",
			[]string{`u.csv:1: mã danh mục "Cần Thơ" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và . _ -, ví dụ can-tho-2025`,
				`u.csv:2: hieu_luc_tu: ngày "31/02/2025" không có trong lịch`,
				`u.csv:3: hieu_luc_den: ngày "1.7.2025" không hợp lệ: viết ngày/tháng/năm, ví dụ 01/07/2025`,
				"u.csv:4: hieu_luc_tu đã ghi ở dòng 2"}},
		{"ends before it starts", "# hieu_luc_tu: 01/07/2025\n# hieu_luc_den: 30/06/2025\nma_phuong,ten_phuong\n1,A\n",
			[]string{"u.csv:1: hiệu lực đến 30/06/2025 trước ngày bắt đầu hiệu lực 01/07/2025"}},
		{"header", "ma_phuong,ten,ma_quan,ten_quan\n1,A,9,Q\n",
			[]string{"u.csv:1: dòng tiêu đề phải là ma_phuong,ten_phuong (danh mục không có cấp quận) hoặc ma_phuong,ten_phuong,ma_quan,ten_quan"}},
		{"district code without district name column", "# x\nma_phuong,ten_phuong,ma_quan\n1,A,9\n",
			[]string{"u.csv:2: dòng tiêu đề phải là ma_phuong,ten_phuong (danh mục không có cấp quận) hoặc ma_phuong,ten_phuong,ma_quan,ten_quan"}},
		{"a column twice", "ma_phuong,ten_phuong,ma_phuong\n1,A,1\n",
			[]string{"u.csv:1: cột ma_phuong có hai lần trong dòng tiêu đề"}},
		{"bad quoting", "ma_phuong,ten_phuong\n1,A\n2,\"B\n",
			[]string{`u.csv:3: không đọc được CSV: thiếu dấu " đóng hoặc thừa dấu "`}},
		{"saved in the Windows code page", "ma_phuong,ten_phuong\n31117,C\xe1i Kh\xd2\n31120,An H\xf2a\n",
			[]string{`u.csv:2: tệp không phải văn bản UTF-8 (có lẽ được lưu bằng bảng mã Windows), từ dòng này và 1 dòng khác: trong Excel, chọn Lưu thành kiểu "CSV UTF-8 (Comma delimited)"`}},
		{"empty", "", []string{"u.csv: tệp rỗng"}},
		{"notes only", "# danh_muc: x\n", []string{"u.csv: tệp rỗng"}},
		{"no wards", "ma_phuong,ten_phuong,ma_quan,ten_quan\n", []string{"u.csv: danh mục không có phường nào"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.csv), "u.csv")
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListWithoutDistricts(t *testing.T) {
	l, err := Parse(strings.NewReader("ma_phuong,ten_phuong\n31135,Ninh Kiều\n31147,Tân An\n"), "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	if l.HasDistricts() || l.Districts() != nil || l.District("Ninh Kiều") != nil || l.District("") != nil {
		t.Errorf("a list without districts has districts: %v %v %v", l.HasDistricts(), l.Districts(), l.District("Ninh Kiều"))
	}
	if w, ok := l.ByCode("31135"); !ok || w.Name != "Ninh Kiều" {
		t.Errorf("ByCode: %v %v", w, ok)
	}
	if ws := l.ByName("tan an"); len(ws) != 0 {
		t.Errorf("ByName matched without diacritics: %v", ws)
	}
	if ws := l.ByName("Tân  An"); len(ws) != 1 || ws[0].Code != "31147" {
		t.Errorf("ByName: %v", ws)
	}
}

func TestValidity(t *testing.T) {
	until := Validity{Until: day(2025, 6, 30)}
	from := Validity{From: day(2025, 7, 1)}
	hanoi := time.FixedZone("ICT", 7*3600)
	tests := []struct {
		name string
		v    Validity
		day  time.Time
		want bool
	}{
		{"last day included", until, day(2025, 6, 30), true},
		{"day after excluded", until, day(2025, 7, 1), false},
		{"first day included", from, day(2025, 7, 1), true},
		{"day before excluded", from, day(2025, 6, 30), false},
		{"the calendar date, not the instant", from, time.Date(2025, 7, 1, 0, 30, 0, 0, hanoi), true},
		{"late on the last day", until, time.Date(2025, 6, 30, 23, 59, 0, 0, hanoi), true},
		{"open at both ends", Validity{}, day(1999, 1, 1), true},
	}
	for _, tt := range tests {
		if got := tt.v.Contains(tt.day); got != tt.want {
			t.Errorf("%s: %v.Contains(%v) = %v", tt.name, tt.v, tt.day, got)
		}
	}
	if until.Overlaps(from) || from.Overlaps(until) {
		t.Error("30/6 and 1/7 overlap")
	}
	if !until.Overlaps(Validity{Until: day(2025, 6, 30), From: day(2025, 6, 30)}) || !(Validity{}).Overlaps(from) {
		t.Error("overlaps missed")
	}
	if got := (Validity{From: day(2022, 1, 1), Until: day(2025, 6, 30)}).String(); got != "từ 01/01/2022 đến hết 30/06/2025" {
		t.Errorf("String: %s", got)
	}
}
