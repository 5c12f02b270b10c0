package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"golang.org/x/text/unicode/norm"
)

// renderPDF writes the fixture's report to a temporary file.
func renderPDF(t *testing.T, in Input) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, Build(in)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("DEAN_KEEP_PDF"); dir != "" { // for looking at the pages
		os.WriteFile(filepath.Join(dir, "r.pdf"), buf.Bytes(), 0o644)
	}
	return path, buf.Bytes()
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		// CI installs poppler-utils (.ci/run), so there a missing tool is a failure,
		// never a silently skipped check.
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI must read the PDF back", name)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils); skipping the PDF read-back", name)
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// flat joins pdftotext's lines so sentences broken across lines can be found.
func flat(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

func TestPDFReadsBack(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixture(t, "2026-H1", deAnLevels)
	path, _ := renderPDF(t, in)
	all := run(t, "pdftotext", path, "-")
	text := flat(all)
	for _, want := range []string{
		"BỘ CÔNG AN", "CÔNG AN THÀNH PHỐ CẦN THƠ", "Số: 03/BC-CATP",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Cần Thơ, ngày 15 tháng 5 năm 2026",
		"BÁO CÁO", "Bảng 1. Kết quả đánh giá theo quận", "Toàn thành phố",
		"từ ngày 15/11/2025 đến ngày 14/05/2026",
		"Đối chiếu với Bộ tiêu chí, có: 3 phường đạt 12/22 tiêu chí; 3 phường đạt 13/22 tiêu chí; 3 phường đạt 14/22 tiêu chí; 9 phường đạt 15/22 tiêu chí; 7 phường đạt 16/22 tiêu chí; 5 phường đạt 17/22 tiêu chí; 4 phường đạt 18/22 tiêu chí; 5 phường đạt 19/22 tiêu chí và 3 phường đạt 20/22 tiêu chí.",
		// The fixture has a ward lacking data: said where the wards are counted.
		"Đã đánh giá 42 phường trên địa bàn 5 quận, trong đó 1 phường thiếu số liệu, chưa đánh giá đầy đủ;",
		"II. HẠN CHẾ, TỒN TẠI", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026",
		"Nơi nhận:", "KT. GIÁM ĐỐC", "Đại tá Nguyễn Văn Bình",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The district table, read in raw order so each row stays on one line.
	raw := flat(run(t, "pdftotext", "-raw", "-f", "1", "-l", "2", path, "-"))
	st := newStats(in.normalized())
	for i, d := range st.districts {
		row := fmt.Sprintf("%d %s %d %d %d %s %s", i+1, d.Name, d.Wards, d.Missing, d.Model, share(d.Model, d.Wards), mean(d.Criteria, d.Wards))
		if !strings.Contains(raw, row) {
			t.Errorf("district row %q not in the PDF", row)
		}
	}
	// One appendix page per ward, in order, at the end.
	pages := strings.Split(strings.TrimRight(all, "\f"), "\f")
	wards := in.Result.Wards
	if len(pages) < len(wards)+1 {
		t.Fatalf("%d pages for %d wards", len(pages), len(wards))
	}
	app := pages[len(pages)-len(wards):]
	for i, w := range wards {
		pg := flat(app[i])
		for _, want := range []string{
			fmt.Sprintf("PHỤ LỤC %d", i+1),
			"KẾT QUẢ ĐÁNH GIÁ CÔNG AN PHƯỜNG " + strings.ToUpper(w.Name),
			fmt.Sprintf("Kết quả: đạt %d/22 tiêu chí", w.Passed),
			"TC01", "TC22",
		} {
			if !strings.Contains(pg, want) {
				t.Errorf("appendix page %d (%s) lacks %q", i+1, w.Name, want)
			}
		}
	}
}

func TestPDFEmbedsLiberation(t *testing.T) {
	needTool(t, "pdffonts")
	path, _ := renderPDF(t, fixture(t, "2026-H1", deAnLevels))
	out := run(t, "pdffonts", path)
	n := 0
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) > 4 && strings.Contains(strings.ToLower(f[0]), "liberationserif") {
			n++
			if !strings.Contains(l, " yes ") {
				t.Errorf("font not embedded: %s", l)
			}
		}
	}
	if n != 4 {
		t.Errorf("want the 4 Liberation Serif faces, got %d:\n%s", n, out)
	}
}

func TestOutputsAreDeterministic(t *testing.T) {
	in := fixture(t, "2026-H1", deAnLevels)
	_, a := renderPDF(t, in)
	_, b := renderPDF(t, fixture(t, "2026-H1", deAnLevels))
	if !bytes.Equal(a, b) {
		t.Error("two PDF runs differ")
	}
	if !bytes.Equal(renderXLSX(t, in), renderXLSX(t, in)) {
		t.Error("two XLSX runs differ")
	}
}

// The header's left column keeps a level of government with its place name and
// fills lines from the start, as agency names are set by hand.
func TestAgencyLines(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(font, bold, liberationserifbold.TTF)
	f.SetFont(font, bold, 13)
	p := &pdfw{f: f, m: newMeasurer()}
	w := contentW - f.GetStringWidth("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") - 2
	for _, tc := range []struct{ in, want string }{
		{"BỘ CÔNG AN", "BỘ CÔNG AN"},
		{"CÔNG AN THÀNH PHỐ CẦN THƠ", "CÔNG AN THÀNH PHỐ / CẦN THƠ"},
		{"ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ"},
		{"CÔNG AN QUẬN NINH KIỀU", "CÔNG AN QUẬN NINH KIỀU"},
	} {
		if got := strings.Join(p.agencyLines(tc.in, w), " / "); got != tc.want {
			t.Errorf("agencyLines(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
