package main

import (
	"bytes"
	"testing"

	"dean/score"
)

func TestCSVIsExcelFriendlyAndInert(t *testing.T) {
	res := score.Result{Wards: []score.Ward{{
		Code: "=1+1", Name: "@SUM(A1)", District: "-2", Card: score.Card{Passed: 1, Total: 1, Model: true,
			Criteria: []score.Criterion{{ID: "TC01", Verdict: score.Pass}}},
	}}}
	var buf bytes.Buffer
	if err := writeCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFMã phường,Tên phường,Quận,Số tiêu chí đạt,Tổng số tiêu chí,Đạt chuẩn,TC01\r\n" +
		"'=1+1,'@SUM(A1),'-2,1,1,Có,Đạt\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
