package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"dean/submission"
)

// TestProblemsAreCapped: a sheet of junk prints its first problems and a count,
// not a hundred thousand lines.
func TestProblemsAreCapped(t *testing.T) {
	var ps []submission.Problem
	for i := range 5000 {
		ps = append(ps, submission.Problem{File: "rac.xlsx", Sheet: "Rác", Cell: fmt.Sprintf("E%d", i+1), Msg: "không phải là số"})
	}
	for _, sheet := range []string{"S1", "S2", "S3", "S4"} {
		for i := range 30 {
			ps = append(ps, submission.Problem{File: "rac.xlsx", Sheet: sheet, Cell: fmt.Sprintf("E%d", i+1), Msg: "không phải là số"})
		}
	}
	ps = append(ps, submission.Problem{File: "tot.xlsx", Sheet: "Cái Khế", Cell: "E9", Msg: "thiếu", Missing: true})
	var out bytes.Buffer
	printProblems(&out, ps)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		`dean: … và 4.970 vấn đề khác ở trang "Rác" của tệp rac.xlsx (sửa những lỗi trên rồi kiểm tra lại)`,
		`dean: … và 50 vấn đề khác ở tệp rac.xlsx (sửa những lỗi trên rồi kiểm tra lại)`,
		`dean: thiếu số liệu: tot.xlsx, trang "Cái Khế", ô E9: thiếu`,
	}
	// 30 of "Rác" and a count; 30, 30 and 10 of S1–S3, where the file's 100 are
	// reached; a count of the file's other 50; the next file.
	if len(lines) != 30+1+70+1+1 || lines[30] != want[0] || lines[101] != want[1] || lines[102] != want[2] {
		t.Errorf("%d lines:\n%s", len(lines), out.String())
	}
}
