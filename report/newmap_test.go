package report

import (
	"fmt"
	"strings"
	"testing"

	"dean/score"
)

// On the map from 1/7/2025 the workbook has no district column or row: the
// summary is the city's, the ward sheets name wards by code and name only.
func TestXLSXNewMap(t *testing.T) {
	in := withoutData(fixtureOn(t, newMap(t), "2026", levelsNewMap), "31174", "31183")
	wb := BuildWorkbook(in)
	f := openXLSX(t, renderXLSX(t, in))
	want := []string{"Tổng hợp", "Ma trận", "Chi tiết", "Biểu đồ", "Chưa có số liệu", "Nguồn"}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, s := range wb.Sheets {
		rows, err := f.GetRows(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if strings.Contains(strings.ToLower(v), "quận") {
					ref := fmt.Sprintf("%s!R%dC%d", s.Name, i+1, j+1)
					t.Errorf("%s speaks of quận: %q", ref, v)
				}
			}
		}
	}
	sum := wb.Sheets[0]
	if len(sum.Rows) != 1 || sum.Rows[0][0].Text != "Toàn thành phố" {
		t.Errorf("Tổng hợp rows %v, want the city's only", sum.Rows)
	}
	hr := sum.HeaderRow()
	for col, want := range map[string]string{"A": "Toàn thành phố", "B": "29", "C": "10", "F": "10", "G": "0"} {
		if got := cellValue(t, f, "Tổng hợp", fmt.Sprintf("%s%d", col, hr+1)); got != want {
			t.Errorf("Tổng hợp %s%d = %q, want %q", col, hr+1, got, want)
		}
	}
	note := "Các phường chưa có số liệu, chưa được đánh giá: phường Thới An Đông và Long Tuyền (xem sheet Chưa có số liệu)."
	if got := cellValue(t, f, "Tổng hợp", "A5"); got != note {
		t.Errorf("Tổng hợp A5 = %q, want %q", got, note)
	}
	missing, err := f.GetRows("Chưa có số liệu")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(missing[2:]); got != "[[STT Mã phường Phường] [1 31174 Thới An Đông] [2 31183 Long Tuyền]]" {
		t.Errorf("Chưa có số liệu: %s", got)
	}
	detail, err := f.GetRows("Chi tiết")
	if err != nil {
		t.Fatal(err)
	}
	if h := detail[0]; h[2] != "Tiêu chí" || h[10] != "Kết quả chỉ số" || h[12] != "Giải thích" {
		t.Errorf("Chi tiết header %q", h)
	}
}

// The wards without data are named in the report by district, a few a
// district, and all of them in the workbook.
func TestNotSubmittedText(t *testing.T) {
	ref := func(name, district string) score.WardRef { return score.WardRef{Name: name, District: district} }
	many := func(n int, district string) []score.WardRef {
		var rs []score.WardRef
		for i := range n {
			rs = append(rs, ref(fmt.Sprintf("P%d", i+1), district))
		}
		return rs
	}
	for _, tc := range []struct {
		name string
		refs []score.WardRef
		want string
	}{
		{"none", nil, ""},
		{"one ward, no district", []score.WardRef{ref("Cái Khế", "")}, "Các phường chưa có số liệu, chưa được đánh giá: phường Cái Khế."},
		{"by district", []score.WardRef{ref("Cái Khế", "Ninh Kiều"), ref("An Hòa", "Ninh Kiều"), ref("Trà Nóc", "Bình Thủy")},
			"Các phường chưa có số liệu, chưa được đánh giá: phường Cái Khế và An Hòa (quận Ninh Kiều); phường Trà Nóc (quận Bình Thủy)."},
		{"ten names a district", many(12, ""),
			"Các phường chưa có số liệu, chưa được đánh giá: phường P1, P2, P3, P4, P5, P6, P7, P8, P9, P10 và 2 phường khác."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := notSubmittedText(tc.refs); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	var refs []score.WardRef
	for d := range 23 {
		refs = append(refs, ref("X", fmt.Sprintf("Q%d", d)))
	}
	if got := notSubmittedText(refs); !strings.HasSuffix(got, "phường X (quận Q19); các phường của 3 quận khác.") {
		t.Errorf("twenty districts named, then the rest counted: %q", got)
	}
}

// The defaults that speak of quận follow the map; what report.yaml sets stays.
func TestMetaFollowsTheMap(t *testing.T) {
	in := fixtureOn(t, newMap(t), "2026", map[int]int{22: 31})
	in.Meta = DefaultMeta()
	text := Build(in).Text()
	for _, want := range []string{"- Công an các phường;", "Ủy ban nhân dân các phường bố trí nguồn lực"} {
		if !strings.Contains(text, want) {
			t.Errorf("report on the new map lacks %q", want)
		}
	}
	in.Meta.Recipients = []string{"Công an các quận (cũ);"}
	if text := Build(in).Text(); !strings.Contains(text, "- Công an các quận (cũ);") {
		t.Error("the user's recipients were changed")
	}
	if d := DefaultMetaFor(true); fmt.Sprint(d) != fmt.Sprint(DefaultMeta()) {
		t.Error("DefaultMeta is not the defaults of a map with districts")
	}
}

func TestPDFNewMap(t *testing.T) {
	needTool(t, "pdftotext")
	in := withoutData(fixtureOn(t, newMap(t), "2026", levelsNewMap), "31174", "31183")
	path, _ := renderPDF(t, in)
	text := flat(run(t, "pdftotext", path, "-"))
	for _, want := range []string{
		"Đã đánh giá 29/31 phường của thành phố (2 phường chưa có số liệu)",
		"Các phường chưa có số liệu, chưa được đánh giá: phường Thới An Đông và Long Tuyền.",
		"Bảng 1. Số phường theo số tiêu chí đạt",
		"giai đoạn 1 (2022 - 2025) toàn thành phố xây dựng 10 phường đạt chuẩn",
		"Mã phường 31120 - năm 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(text), "quận") {
		t.Error("the PDF on a map without districts speaks of quận")
	}
}
