package score

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCSVIsExcelFriendlyAndInert(t *testing.T) {
	res := Result{Wards: []Ward{{
		Code: "=1+1", Name: "@SUM(A1)", District: "-2", Card: Card{Passed: 1, Total: 1, Model: true,
			Criteria: []Criterion{{ID: "TC01", Verdict: Pass}}},
	}}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFMã phường,Tên phường,Quận,Số tiêu chí đạt,Tổng số tiêu chí,Đạt chuẩn,TC01\r\n" +
		"'=1+1,'@SUM(A1),'-2,1,1,Có,Đạt\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestJSONStreamsLikeTheEncoder: writeJSON writes ward by ward, and must give the
// very bytes a one-shot indented encoding gives.
func TestJSONStreamsLikeTheEncoder(t *testing.T) {
	for _, res := range []Result{
		{Period: "2022", Wards: []Ward{}},
		{Criteria: Info{Version: "v", Params: map[string]string{"a": "6 %"}}, Period: "2022",
			Wards:   []Ward{{Code: "1", Name: "A & <B>"}, {Code: "2", Card: Card{Criteria: []Criterion{{ID: "TC01"}}}}},
			Summary: Summary{Wards: 2, Distribution: map[string]int{"0": 2}}},
		{Period: "2022", Wards: manyWards(600)}, // more than one chunk
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(res)
		var got bytes.Buffer
		if err := WriteJSON(&got, res); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("(-encoder +streamed):\n%s", diff)
		}
	}
}

func manyWards(n int) []Ward {
	ws := make([]Ward, n)
	for i := range ws {
		ws[i] = Ward{Code: fmt.Sprint(i), Card: Card{Passed: i % 23, Total: 22}}
	}
	return ws
}

// TestNoDistrictColumnWithoutDistricts: since 1/7/2025 the lists have no
// district level, and no output shows an empty "Quận" column.
func TestNoDistrictColumnWithoutDistricts(t *testing.T) {
	res := Result{Period: "2026", Wards: []Ward{{List: "can-tho-2025", Code: "31135", Name: "Ninh Kiều",
		Card: Card{Passed: 1, Total: 1, Model: true, Criteria: []Criterion{{ID: "TC01", Verdict: Pass}}}}}}
	var csvOut, table bytes.Buffer
	if err := WriteCSV(&csvOut, res); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFMã phường,Tên phường,Số tiêu chí đạt,Tổng số tiêu chí,Đạt chuẩn,TC01\r\n31135,Ninh Kiều,1,1,Có,Đạt\r\n"
	if got := csvOut.String(); got != want {
		t.Errorf("csv:\ngot  %q\nwant %q", got, want)
	}
	if err := WriteTable(&table, res); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(table.String(), "\n"); first != "MÃ     PHƯỜNG     ĐẠT  TIÊU CHÍ KHÔNG ĐẠT  THIẾU DỮ LIỆU" {
		t.Errorf("table header %q", first)
	}
}
