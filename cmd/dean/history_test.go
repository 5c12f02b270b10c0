package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean"
	"dean/assess"
	"dean/form"
	"dean/period"
)

// dean runs the command line, failing the test on an unexpected status.
func deanRun(t *testing.T, want int, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(args, &out, &errOut); code != want {
		t.Fatalf("dean %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, out.String(), errOut.String())
	}
	return out.String()
}

// TestTemplatePrefillsAcrossTheMerger: with the archive holding 2024, the form of
// 2025 (the first annual period on the new map) pre-fills each new ward's last
// year with the sum of its predecessors' 2024 counts — for Ninh Kiều (31135) those
// of Thới Bình, the old Tân An (31135) and Xuân Khánh, never the old 31135 alone —
// and flags a ward formed partly from a split ward.
func TestTemplatePrefillsAcrossTheMerger(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dean.db")
	deanRun(t, 0, "import", "--archive", db, "../../testdata/history/2024")
	out := filepath.Join(dir, "2025.xlsx")
	deanRun(t, 0, "template", "--archive", db, "--period", "2025", "-o", out)

	// Last year as the 2024 forms hold it, read without the archive.
	set, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := expandFiles([]string{"../../testdata/history/2024"})
	if err != nil {
		t.Fatal(err)
	}
	p2024 := period.Period{Year: 2024}
	a := assess.New(assess.Options{Set: set, Period: &p2024, Keep: true})
	a.Problems(form.Read(files, form.ReadOptions{Set: set, Period: &p2024}, a.Add)...)
	y2024 := map[string]assess.Ward{}
	for _, w := range a.Finish().Wards {
		y2024[w.Code] = w
	}

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checked := 0
	for _, in := range set.Inputs() {
		if !in.YoY {
			continue
		}
		sum := int64(0)
		for _, code := range []string{"31123", "31135", "31144"} {
			sum += y2024[code].Values[in.ID].Now.V
		}
		prev, note := cellsOf(t, f, "Ninh Kiều", in.ID)
		if prev != fmt.Sprint(sum) {
			t.Errorf("Ninh Kiều, %s: last year %q, want %d = Thới Bình + Tân An (cũ) + Xuân Khánh", in.ID, prev, sum)
		}
		if old := y2024["31135"].Values[in.ID].Now.V; prev == fmt.Sprint(old) && old != sum {
			t.Errorf("Ninh Kiều, %s: last year is the old 31135's alone (%d)", in.ID, old)
		}
		if !strings.Contains(note, "gồm phường Thới Bình, Tân An (cũ), Xuân Khánh") {
			t.Errorf("Ninh Kiều, %s: note %q names not its predecessors", in.ID, note)
		}
		_, note = cellsOf(t, f, "Cái Khế", in.ID)
		if !strings.Contains(note, "Bùi Hữu Nghĩa (một phần) được tính cả") {
			t.Errorf("Cái Khế, %s: note %q does not flag Bùi Hữu Nghĩa, taken in part", in.ID, note)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no input compared year over year")
	}

	// The form sent back as it is: its pre-filled values are known as such, and
	// kept so in the archive (the blank "Kỳ này" is stored as missing).
	deanRun(t, 1, "import", "--archive", db, out)
	var rows []struct {
		Ward      string `json:"ma_phuong"`
		Input     string `json:"ma_chi_so"`
		Prev      *int64 `json:"cung_ky_nam_truoc"`
		Now       *int64 `json:"ky_nay"`
		Prefilled bool   `json:"cung_ky_dien_san"`
	}
	if err := json.Unmarshal([]byte(deanRun(t, 0, "export", "--archive", db, "--period", "2025", "--format", "json")), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r.Ward == "31135" && r.Input == "toi_pham_ttxh" {
			found = true
			if !r.Prefilled || r.Prev == nil || r.Now != nil {
				t.Errorf("Ninh Kiều's toi_pham_ttxh as exported: %+v", r)
			}
		}
	}
	if !found {
		t.Error("Ninh Kiều's toi_pham_ttxh not exported")
	}
}

// cellsOf returns an input's "Cùng kỳ năm trước" and "Ghi chú" on a ward's sheet.
func cellsOf(t *testing.T, f *excelize.File, sheet, id string) (prev, note string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[1] == id {
			for len(r) < 7 {
				r = append(r, "")
			}
			return r[5], r[6]
		}
	}
	t.Fatalf("%s: no row for %s", sheet, id)
	return "", ""
}

// TestRescoreListsExactlyTheDifferences imports the bundled history, scores every
// period from the archive with and without a new threshold, and holds rescore to
// exactly the (ward, criterion) pairs whose result differs.
func TestRescoreListsExactlyTheDifferences(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the whole bundled history")
	}
	db := filepath.Join(t.TempDir(), "dean.db")
	deanRun(t, 0, "import", "--archive", db, "../../testdata/can-tho-2022", "../../testdata/history")
	type key struct{ period, list, ward, criterion, before, after string }
	var want []key
	periods := []string{"2022", "2023", "2024", "2025-H1", "2025", "2026-H1", "2026"}
	for _, p := range periods {
		before := scoreJSON(t, "score", "--archive", db, "--period", p, "--format", "json")
		after := scoreJSON(t, "score", "--archive", db, "--period", p, "--format", "json", "--set", "giam_toi_pham_ttxh=5%")
		for i, w := range after.Wards {
			b := before.Wards[i]
			if b.List != w.List || b.Code != w.Code {
				t.Fatalf("%s: ward %d differs between runs", p, i)
			}
			for k, c := range w.Criteria {
				if c.Result != b.Criteria[k].Result {
					want = append(want, key{p, w.List, w.Code, c.ID, b.Criteria[k].Result, c.Result})
				}
			}
		}
	}
	var got struct {
		Flips []struct{ Period, List, Ward, Criterion, Before, After string }
	}
	out := deanRun(t, 0, "rescore", "--archive", db, "--all", "--set", "giam_toi_pham_ttxh=5%", "--dry-run", "--format", "json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var have []key
	for _, f := range got.Flips {
		have = append(have, key{f.Period, f.List, f.Ward, f.Criterion, f.Before, f.After})
	}
	less := func(a, b key) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
	slices.SortFunc(want, less)
	slices.SortFunc(have, less)
	if len(want) == 0 {
		t.Fatal("the new threshold changes nothing in the bundled history: the test shows nothing")
	}
	if !slices.Equal(want, have) {
		t.Errorf("rescore lists %d flips, scoring twice finds %d:\nrescore: %v\nscores:  %v", len(have), len(want), have, want)
	}

	// The report of 2026 from the archive, with the register: the trend over the
	// stored periods, a new ward's predecessors before the merger, the plan
	// year by year.
	dir := filepath.Dir(db)
	pdf, xlsx := filepath.Join(dir, "bc.pdf"), filepath.Join(dir, "bc.xlsx")
	deanRun(t, 0, "report", "--archive", db, "--register", "../../testdata/history/cong-nhan.csv", "--period", "2026", "--pdf", pdf, "--xlsx", xlsx)
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"Diễn biến kết quả qua các kỳ", "Trước sáp nhập (6 tháng đầu năm 2025)", "Bảng 4. Tiến độ thực hiện lộ trình của Đề án qua các năm",
		"phường Xuân Khánh (cũ) được công nhận năm 2024"} {
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
			t.Errorf("the report from the archive lacks %q", want)
		}
	}
	wb, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	for _, sheet := range []string{"Diễn biến", "Tiến độ"} {
		if i, _ := wb.GetSheetIndex(sheet); i < 0 {
			t.Errorf("the workbook has no sheet %q", sheet)
		}
	}
}

// TestStoredRescoreIsNotOfficial: a rescore stored with other thresholds never
// stands in for the official result in progress or a report's history; asked
// for, those thresholds change every count of a report alike and are disclosed.
func TestStoredRescoreIsNotOfficial(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the whole bundled history")
	}
	db := filepath.Join(t.TempDir(), "dean.db")
	deanRun(t, 0, "import", "--archive", db, "../../testdata/can-tho-2022", "../../testdata/history")
	official := deanRun(t, 0, "progress", "--archive", db)
	if got := modelWards(t, official, "2025"); got != "10" {
		t.Fatalf("2025 has %s wards at 22/22 officially, want 10:\n%s", got, official)
	}
	deanRun(t, 0, "rescore", "--archive", db, "--period", "2025", "--set", "giam_toi_pham_ttxh=50%")
	if got := deanRun(t, 0, "progress", "--archive", db); got != official {
		t.Errorf("a stored rescore changed progress:\n%s\nwas:\n%s", got, official)
	}
	rescored := deanRun(t, 0, "progress", "--archive", db, "--set", "giam_toi_pham_ttxh=50%")
	if got := modelWards(t, rescored, "2025"); got != "0" || !strings.HasPrefix(rescored, "CHẤM LẠI, KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC") ||
		!strings.Contains(rescored, "dùng 50 %, bộ tiêu chí gốc 6 %") {
		t.Errorf("progress with 50 %%: 2025 at 22/22 %s (want 0), and the change disclosed first:\n%s", got, rescored)
	}

	pdf := filepath.Join(filepath.Dir(db), "bc.pdf")
	deanRun(t, 0, "report", "--archive", db, "--period", "2025", "--set", "giam_toi_pham_ttxh=50%", "--pdf", pdf)
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"có 0 phường đạt đủ 22/22 tiêu chí", "năm 2025 có 0/31 phường đạt chuẩn", "toàn thành phố có 0 phường đạt chuẩn"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report with 50 %% lacks %q: its counts disagree", want)
		}
	}
}

// modelWards is the "ĐẠT 22/22" column of year's row in the progress table.
func modelWards(t *testing.T, table, year string) string {
	t.Helper()
	for _, line := range strings.Split(table, "\n") {
		if f := strings.Fields(line); len(f) > 4 && f[0] == year {
			return f[4]
		}
	}
	t.Fatalf("no row for %s in:\n%s", year, table)
	return ""
}

type scored struct {
	Wards []struct {
		List, Code string
		Criteria   []struct{ ID, Result string }
	}
}

func scoreJSON(t *testing.T, args ...string) scored {
	t.Helper()
	var s scored
	if err := json.Unmarshal([]byte(deanRun(t, 0, args...)), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestProgressFromTheHistory runs progress on the archive of the bundled history
// with its register, table and JSON held to golden files (DEAN_UPDATE=1 rewrites
// them), and holds the plan table of the 2026 report built from the same archive
// to the same counts, year by year: the report and progress never disagree.
func TestProgressFromTheHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the whole bundled history")
	}
	const register = "../../testdata/history/cong-nhan.csv"
	dir := t.TempDir()
	db := filepath.Join(dir, "dean.db")
	deanRun(t, 0, "import", "--archive", db, "../../testdata/can-tho-2022", "../../testdata/history")

	golden(t, "testdata/progress-history.golden", []byte(deanRun(t, 0, "progress", "--archive", db, "--register", register)))
	out := deanRun(t, 0, "progress", "--archive", db, "--register", register, "--format", "json")
	golden(t, "testdata/progress-history.json", []byte(out))

	var years []struct {
		Year             int
		Wards            int
		Model            *int `json:"model_by_score"`
		RecognisedInYear *int `json:"recognised_in_year"`
		Recognised       *int `json:"recognised_cumulative"`
	}
	if err := json.Unmarshal([]byte(out), &years); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, y := range years {
		if y.Model == nil || y.RecognisedInYear == nil || y.Recognised == nil {
			t.Fatalf("progress of %d lacks a count: %s", y.Year, out)
		}
		want[fmt.Sprint(y.Year)] = fmt.Sprint(y.Wards, *y.Model, *y.RecognisedInYear, *y.Recognised)
	}
	if len(want) != 5 {
		t.Fatalf("progress has %d years, want 2022 to 2026:\n%s", len(want), out)
	}

	pdf := filepath.Join(dir, "bc.pdf")
	deanRun(t, 0, "report", "--archive", db, "--register", register, "--period", "2026", "--pdf", pdf)
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := planRows(t, string(text))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the report's plan table (year: wards, at 22/22, recognised in the year, cumulative) differs from progress (-progress +report):\n%s", diff)
	}
}

// planRow is a year's row of the report's plan table as pdftotext -layout lays
// it out: the year, the wards, those at 22/22, those recognised in the year and
// cumulatively, then the target and status in words.
var planRow = regexp.MustCompile(`^\s*(20\d\d)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\b`)

// planRows reads the plan table's rows, year by year, from the report's text.
func planRows(t *testing.T, text string) map[string]string {
	t.Helper()
	_, table, ok := strings.Cut(text, "Tiến độ thực hiện lộ trình của Đề án qua các năm")
	if !ok {
		t.Fatalf("the report has no plan table:\n%s", text)
	}
	table, _, _ = strings.Cut(table, "Biểu đồ")
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		if m := planRow.FindStringSubmatch(line); m != nil {
			rows[m[1]] = strings.Join(m[2:], " ")
		}
	}
	return rows
}
