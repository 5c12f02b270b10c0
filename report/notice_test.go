package report

import (
	"strings"
	"testing"

	"dean/score"
)

// rescoredFixture is the 2026 report re-scored with --set
// giam_toi_pham_ttxh=5%: the criteria in force depart from the bundled ones.
func rescoredFixture(t *testing.T) Input {
	t.Helper()
	in := fixture(t, "2026", levels2026)
	used := defaultSet(t)
	if err := used.SetAssignment("giam_toi_pham_ttxh=5%"); err != nil {
		t.Fatal(err)
	}
	in.Result.Criteria = score.InfoOf(used, defaultSet(t))
	if len(in.Result.Criteria.Departures) == 0 {
		t.Fatal("no departure from the bundled criteria")
	}
	return in
}

// The golden file holds the report up to part I: the rest is report-2026.txt's.
func TestBuildGoldenRescored(t *testing.T) {
	text := Build(rescoredFixture(t)).Text()
	golden(t, "report-2026-rescored.txt", text[:strings.Index(text, "I. KẾT QUẢ THỰC HIỆN")])
}

// The bundled criteria make no notice: an official report says nothing of one.
func TestNoNoticeForBundledCriteria(t *testing.T) {
	in := fixture(t, "2026", levels2026)
	in.Result.Criteria = score.InfoOf(defaultSet(t), defaultSet(t))
	if d := Build(in); d.Notice != nil {
		t.Errorf("a notice for the bundled criteria: %+v", d.Notice)
	}
	if got := cellValue(t, openXLSX(t, renderXLSX(t, in)), "Tổng hợp", "A1"); got != "KẾT QUẢ THỰC HIỆN ĐỀ ÁN NĂM 2026" {
		t.Errorf("Tổng hợp A1 = %q", got)
	}
}

// A re-scored report says so on its first page, naming the threshold, the
// value used and the bundled one.
func TestPDFDisclosesRescoring(t *testing.T) {
	needTool(t, "pdftotext")
	path, _ := renderPDF(t, rescoredFixture(t))
	first := flat(run(t, "pdftotext", "-f", "1", "-l", "1", path, "-"))
	for _, want := range []string{
		rescoredTitle,
		"Mức giảm tối thiểu số vụ phạm tội về trật tự xã hội so với cùng kỳ: áp dụng 5 % (Bộ tiêu chí gốc: 6 %).",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("first page lacks %q:\n%s", want, first)
		}
	}
	// The notice comes after the introduction and before part I.
	intro, notice := strings.Index(first, "như sau:"), strings.Index(first, rescoredTitle)
	if part := strings.Index(first, "I. KẾT QUẢ THỰC HIỆN"); intro < 0 || notice < intro || part >= 0 && part < notice {
		t.Errorf("notice at %d, introduction at %d, part I at %d", notice, intro, part)
	}
}

// The workbook's summary says so in its first rows, before anything else.
func TestXLSXDisclosesRescoring(t *testing.T) {
	f := openXLSX(t, renderXLSX(t, rescoredFixture(t)))
	for ref, want := range map[string]string{
		"A1": rescoredTitle,
		"A3": "Mức giảm tối thiểu số vụ phạm tội về trật tự xã hội so với cùng kỳ: áp dụng 5 % (Bộ tiêu chí gốc: 6 %).",
		"A5": "KẾT QUẢ THỰC HIỆN ĐỀ ÁN NĂM 2026",
	} {
		if got := cellValue(t, f, "Tổng hợp", ref); got != want {
			t.Errorf("Tổng hợp %s = %q, want %q", ref, got, want)
		}
	}
	if got := cellValue(t, f, "Tổng hợp", "A2"); !strings.Contains(got, "không thay thế kết quả đánh giá chính thức") {
		t.Errorf("Tổng hợp A2 = %q", got)
	}
}
