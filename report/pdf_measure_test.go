package report

import (
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/google/go-cmp/cmp"
)

// fpdfWrap is the measurer's reference: wrapping as fpdf measures, the whole
// line's width asked of fpdf for every word tried.
func fpdfWrap(f *fpdf.Fpdf, s string, first, w float64) []string {
	var lines []string
	for _, hard := range strings.Split(s, "\n") {
		var cur string
		limit := first
		if len(lines) > 0 {
			limit = w
		}
		for _, word := range glue(strings.Fields(hard)) {
			try := word
			if cur != "" {
				try = cur + " " + word
			}
			if f.GetStringWidth(try) <= limit {
				cur = try
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
				limit = w
			}
			for f.GetStringWidth(word) > limit {
				r := []rune(word)
				n := len(r)
				for n > 1 && f.GetStringWidth(string(r[:n])) > limit {
					n--
				}
				lines = append(lines, string(r[:n]))
				word = string(r[n:])
				limit = w
			}
			cur = word
		}
		lines = append(lines, cur)
	}
	return lines
}

func checkWrap(t *testing.T, f *fpdf.Fpdf, m *measurer, s string, first, w float64) {
	t.Helper()
	for _, style := range []string{regular, bold, italic, boldItalic} {
		for _, size := range []float64{8, 9.5, 11, 14} {
			f.SetFont(font, style, size)
			if got, want := m.mm(m.units(style, s), size), f.GetStringWidth(s); got != want {
				t.Fatalf("%q %s %v: width %v, fpdf %v", s, style, size, got, want)
			}
			if diff := cmp.Diff(fpdfWrap(f, s, first, w), m.wrap(style, size, s, first, w)); diff != "" {
				t.Fatalf("%q %s %v in %v/%v: lines differ (-fpdf +measurer):\n%s", s, style, size, first, w, diff)
			}
		}
	}
}

func newMeasured() (*fpdf.Fpdf, *measurer) {
	f := fpdf.New("P", "mm", "A4", "")
	addFaces(f)
	return f, newMeasurer()
}

// Every text of the report wraps as fpdf measures it, at every face and size,
// in the widths of the appendix's columns.
func TestMeasurerMatchesFpdf(t *testing.T) {
	f, m := newMeasured()
	doc := Build(fixture(t, "2026-H1", deAnLevels))
	texts := append([]string{doc.Subject, "", " ", "≥ 4 %", "a\n\nb", strings.Repeat("Đ", 80), "x" + strings.Repeat("W", 60) + " y"}, doc.Intro...)
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			texts = append(texts, b.Text)
		}
	}
	for _, p := range doc.Appendix[:3] {
		for _, r := range p.Table.Rows {
			texts = append(texts, r.Cells...)
		}
	}
	for _, s := range texts {
		for _, w := range []float64{0.5, 15, 24.5, 40, contentW} {
			checkWrap(t, f, m, s, w, w)
		}
		checkWrap(t, f, m, s, contentW-indent, contentW)
	}
}

func FuzzMeasurer(f *testing.F) {
	for _, s := range []string{"Giảm 4,2 % (yêu cầu giảm ≥ 6 %)", "a\nb c", "= 0", "\xff\xfe", "𝕏 ≤ 3"} {
		f.Add(s, 20.0, 30.0)
	}
	pf, m := newMeasured()
	f.Fuzz(func(t *testing.T, s string, first, w float64) {
		if !(first > 0 && first < 500 && w > 0 && w < 500) || len(s) > 400 {
			t.Skip()
		}
		checkWrap(t, pf, m, s, first, w)
	})
}
