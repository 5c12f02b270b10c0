package report

import (
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// addFaces embeds the four faces of Liberation Serif.
func addFaces(f *fpdf.Fpdf) {
	f.AddUTF8FontFromBytes(font, regular, liberationserifregular.TTF)
	f.AddUTF8FontFromBytes(font, bold, liberationserifbold.TTF)
	f.AddUTF8FontFromBytes(font, italic, liberationserifitalic.TTF)
	f.AddUTF8FontFromBytes(font, boldItalic, liberationserifbolditalic.TTF)
}

// measurer measures text apart from the document. fpdf measures only in its
// current font, and every font it selects on a page is written into the page: a
// table measured at several sizes to fit an appendix page left its unused font
// changes there. It also measures each glyph once: fpdf adds up glyph widths in
// whole units of a thousandth of the font size, so a line's width is the sum of
// its glyphs' and is the same at every size; converted to millimetres the way
// fpdf's GetStringWidth does, it gives the same numbers to the last bit.
type measurer struct {
	f     *fpdf.Fpdf // the same faces, no page
	k     float64    // points per user unit, as fpdf converts font sizes
	faces map[string]*glyphWidths
}

// glyphWidths holds one face's widths already looked up; Vietnamese letters
// and the signs dean writes all lie below U+2400.
type glyphWidths struct {
	low   [0x2400]int32 // width+1; 0 is not yet looked up
	other map[rune]int
}

func newMeasurer() *measurer {
	f := fpdf.New("P", "mm", "A4", "")
	addFaces(f)
	return &measurer{f: f, k: f.GetConversionRatio(), faces: map[string]*glyphWidths{}}
}

// units is the width of s in the face, in thousandths of the font size.
func (m *measurer) units(style, s string) int {
	g := m.face(style)
	u := 0
	for _, r := range s {
		u += m.glyph(g, style, r)
	}
	return u
}

func (m *measurer) face(style string) *glyphWidths {
	g := m.faces[style]
	if g == nil {
		g = &glyphWidths{other: map[rune]int{}}
		m.faces[style] = g
	}
	return g
}

// glyph is the width of one rune in the face.
func (m *measurer) glyph(g *glyphWidths, style string, r rune) int {
	if r >= 0 && int(r) < len(g.low) {
		if v := g.low[r]; v != 0 {
			return int(v) - 1
		}
	} else if v, ok := g.other[r]; ok {
		return v
	}
	m.f.SetFont(font, style, 10)
	v := m.f.GetStringSymbolWidth(string(r))
	if r >= 0 && int(r) < len(g.low) {
		g.low[r] = int32(v) + 1
	} else {
		g.other[r] = v
	}
	return v
}

// mm converts units at a font size (points) to millimetres, with the same
// operations as fpdf's GetStringWidth.
func (m *measurer) mm(u int, size float64) float64 { return float64(u) * (size / m.k) / 1000 }

// wrap breaks text into lines, the first no wider than first, the others no
// wider than w, in a face at a size; a word wider than a line is cut.
func (m *measurer) wrap(style string, size float64, s string, first, w float64) []string {
	var lines []string
	m.lay(m.split(style, s), size, first, w, &lines)
	return lines
}

// words is a text ready to be wrapped at any size: the words of each of its
// lines, glued, and their widths in a face.
type words struct {
	style  string
	space  int
	lines  [][]string
	widths [][]int
}

func (m *measurer) split(style, s string) words {
	t := words{style: style, space: m.units(style, " ")}
	for _, hard := range strings.Split(s, "\n") {
		ws := glue(strings.Fields(hard))
		us := make([]int, len(ws))
		for i, w := range ws {
			us[i] = m.units(style, w)
		}
		t.lines, t.widths = append(t.lines, ws), append(t.widths, us)
	}
	return t
}

// lay wraps words at a size and returns how many lines they take; with out, it
// also appends the lines to it.
func (m *measurer) lay(t words, size, first, w float64, out *[]string) int {
	fits := func(u int, limit float64) bool { return m.mm(u, size) <= limit }
	n := 0
	emit := func(ws []string) {
		n++
		if out != nil {
			*out = append(*out, strings.Join(ws, " "))
		}
	}
	for h, hard := range t.lines {
		start, lineU := 0, 0 // the current line is hard[start:i]
		limit := first
		if n > 0 {
			limit = w
		}
		for i, word := range hard {
			wu := t.widths[h][i]
			try := wu
			if i > start {
				try = lineU + t.space + wu
			}
			if fits(try, limit) {
				lineU = try
				continue
			}
			if i > start {
				emit(hard[start:i])
				limit = w
			}
			start, lineU = i, wu
			if fits(wu, limit) {
				continue
			}
			// A word longer than the line is cut, as many runes to a line as
			// fit and at least one; what is left of it starts the next line.
			g, r := m.face(t.style), []rune(word)
			for len(r) > 0 && !fits(wu, limit) {
				k, u := 1, m.glyph(g, t.style, r[0])
				for k < len(r) {
					next := u + m.glyph(g, t.style, r[k])
					if !fits(next, limit) {
						break
					}
					u, k = next, k+1
				}
				emit([]string{string(r[:k])})
				r, wu, limit = r[k:], wu-u, w
			}
			word = string(r)
			if word == "" {
				start, lineU = i+1, 0
				continue
			}
			if out != nil { // the rest of the word replaces it on its line
				hard = append(append([]string(nil), hard[:i]...), append([]string{word}, hard[i+1:]...)...)
			}
			lineU = wu
		}
		emit(hard[start:])
	}
	return n
}

// glue keeps together what must not be split over two lines: a number and its
// "%", a comparison sign and its number ("≥ 4", "= 0").
func glue(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		for i+1 < len(words) && (strings.HasPrefix(words[i+1], "%") || isSign(w)) {
			i++
			w += " " + words[i]
		}
		out = append(out, w)
	}
	return out
}

func isSign(w string) bool {
	return len(w) <= utf8.UTFMax && utf8.RuneCountInString(w) == 1 && strings.ContainsAny(w, "≥≤=<>")
}
