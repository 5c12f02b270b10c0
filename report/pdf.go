package report

import (
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Page geometry of Nghị định 30/2020/NĐ-CP, Phụ lục I, in millimetres.
const (
	pageW, pageH                            = 210.0, 297.0
	marginTop, marginBottom                 = 20.0, 20.0
	marginLeft, marginRight                 = 30.0, 15.0
	contentW                                = pageW - marginLeft - marginRight
	bottomY                                 = pageH - marginBottom
	indent                                  = 12.7 // first-line indent, 1,27 cm
	bodySize                                = 14.0
	paraGap                                 = 2.1 // 6 pt between paragraphs
	font                                    = "LiberationSerif"
	fontKey                                 = "liberationserif" // as fpdf names it
	ptMM                                    = 25.4 / 72
	lineFactor                              = 1.2 // single spacing of Times New Roman
	regular, bold, italic, boldItalic       = "", "B", "I", "BI"
	alignLeft, alignCenter, alignRight, jus = "L", "C", "R", "J"
)

// lineH is the line height of a font size (points) in millimetres.
func lineH(size float64) float64 { return size * ptMM * lineFactor }

// pdfw lays a Document out on fpdf pages. The layout is done here, not by fpdf's
// automatic page breaks, so headings stay with what follows and tables repeat
// their header on each page.
type pdfw struct {
	f *fpdf.Fpdf
	m *measurer
}

// WritePDF renders the document as an A4 administrative report with Liberation
// Serif (Times New Roman's metrics) embedded. The same document gives the same
// bytes: the file's dates are the report's date and catalogs are sorted.
func WritePDF(w io.Writer, d Document) error {
	out := &pdfDeflater{w: w}
	if err := layoutPDF(d).Output(out); err != nil {
		return err
	}
	return out.flush()
}

// layoutPDF lays the document out on pages that fpdf will write uncompressed:
// WritePDF compresses them (see pdfDeflater).
func layoutPDF(d Document) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	addFaces(f)
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom)
	f.SetCellMargin(0)
	f.SetCreationDate(d.Date)
	f.SetModificationDate(d.Date)
	f.SetCatalogSort(true)
	f.SetCompression(false)
	f.SetProducer("dean", true)
	f.SetCreator("dean", true)
	f.SetTitle(d.Title+" "+d.Subject, true)
	f.SetKeywords(d.Keywords, true)
	f.SetLang("vi-VN")
	// Page numbers sit centred in the top margin from the second page on.
	f.SetHeaderFuncMode(func() {
		if n := f.PageNo(); n > 1 {
			f.SetFont(font, regular, 13)
			f.SetXY(marginLeft, 8)
			f.CellFormat(contentW, 6, strconv.Itoa(n), "", 0, alignCenter, false, 0, "")
		}
	}, true)
	p := &pdfw{f: f, m: newMeasurer()}
	f.AddPage()
	p.header(d.Header)
	p.title(d.Title, d.Subject)
	for _, t := range d.Intro {
		p.paragraph(t)
	}
	if d.Notice != nil {
		p.notice(*d.Notice)
	}
	for _, s := range d.Sections {
		p.heading(0, s.Heading, s.Blocks)
		for i, b := range s.Blocks {
			p.block(b, s.Blocks[i+1:])
		}
	}
	for _, t := range d.Closing {
		p.paragraph(t)
	}
	p.signature(d.Recipients, d.Signer)
	for _, a := range d.Appendix {
		p.appendixPage(a)
	}
	return f
}

// setFont selects a face and size. fpdf writes every selection into the page,
// even of the font already in use, which each table row did.
func (p *pdfw) setFont(style string, size float64) {
	if pt, _ := p.f.GetFontSize(); pt == size && p.f.GetFontStyle() == style && p.f.GetFontFamily() == fontKey {
		return
	}
	p.f.SetFont(font, style, size)
}

// ensure starts a new page unless h millimetres fit below the current line.
func (p *pdfw) ensure(h float64) {
	if p.f.GetY()+h > bottomY+0.01 {
		p.f.AddPage()
	}
}

// header draws the two columns of the first page: the issuing body on the left,
// the national title, motto and date line on the right.
func (p *pdfw) header(h Header) {
	f := p.f
	p.setFont(bold, 13)
	rightW := max(95, f.GetStringWidth(h.Nation)+2)
	leftW := contentW - rightW
	xl, xr := marginLeft, marginLeft+leftW
	lh13, lh14 := lineH(13), lineH(14)

	y := marginTop
	p.setFont(regular, 13)
	for _, l := range p.agencyLines(h.Parent, leftW) {
		p.text(xl, y, leftW, lh13, l, alignCenter)
		y += lh13
	}
	p.setFont(bold, 13)
	issuer := p.agencyLines(h.Issuer, leftW)
	for _, l := range issuer {
		p.text(xl, y, leftW, lh13, l, alignCenter)
		y += lh13
	}
	// A short rule under the issuer: a third of its longest line.
	rule := 0.0
	for _, l := range issuer {
		rule = max(rule, f.GetStringWidth(l))
	}
	rule = max(rule/3, 15)
	y += 0.6
	p.rule(xl+(leftW-rule)/2, y, rule)
	y += 2.4
	p.setFont(regular, 13)
	p.text(xl, y, leftW, lh13, h.Number, alignCenter)
	yl := y + lh13

	y = marginTop
	p.setFont(bold, 13)
	p.text(xr, y, rightW, lh13, h.Nation, alignCenter)
	y += lh13
	p.setFont(bold, 14)
	p.text(xr, y, rightW, lh14, h.Motto, alignCenter)
	mw := f.GetStringWidth(h.Motto)
	y += lh14 + 0.4
	p.rule(xr+(rightW-mw)/2, y, mw)
	y += 3
	p.setFont(italic, 14)
	p.text(xr, y, rightW, lh14, h.PlaceDate, alignCenter)
	yr := y + lh14
	f.SetY(max(yl, yr) + 6)
}

func (p *pdfw) title(title, subject string) {
	lh := lineH(14)
	p.setFont(bold, 14)
	y := p.f.GetY()
	p.text(marginLeft, y, contentW, lh, title, alignCenter)
	y += lh
	widest := 0.0
	for _, l := range p.balanced(subject, contentW-20) {
		p.text(marginLeft, y, contentW, lh, l, alignCenter)
		widest = max(widest, p.f.GetStringWidth(l))
		y += lh
	}
	// Nghị định 30: a rule a third to a half as long as the subject line.
	w := widest / 3
	p.rule(marginLeft+(contentW-w)/2, y+0.8, w)
	p.f.SetY(y + 6)
}

func (p *pdfw) rule(x, y, w float64) {
	p.f.SetLineWidth(0.3)
	p.f.Line(x, y, x+w, y)
}

// text writes one line in a box of width w at (x, y).
func (p *pdfw) text(x, y, w, h float64, s, align string) {
	p.f.SetXY(x, y)
	p.f.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// wrap breaks text into lines no wider than w in the current font.
func (p *pdfw) wrap(s string, w float64) []string {
	return p.wrapFirst(s, w, w)
}

// wrapFirst breaks text into lines in the current font, the first no wider than
// first, the others no wider than w; a word wider than a line is cut.
func (p *pdfw) wrapFirst(s string, first, w float64) []string {
	size, _ := p.f.GetFontSize()
	return p.m.wrap(p.f.GetFontStyle(), size, s, first, w)
}

// balanced wraps text into as few lines as wrap would, but evens their lengths:
// for the subject under the title.
func (p *pdfw) balanced(s string, w float64) []string {
	lines := p.wrap(s, w)
	if len(lines) < 2 {
		return lines
	}
	for try := p.f.GetStringWidth(s) / float64(len(lines)); try < w; try += 1 {
		if l := p.wrap(s, try); len(l) == len(lines) {
			return l
		}
	}
	return lines
}

// adminUnits are the words that name a level of government; what follows the
// last of them in an agency's name is a place name.
var adminUnits = [][]string{{"THÀNH", "PHỐ"}, {"THỊ", "XÃ"}, {"THỊ", "TRẤN"}, {"TỈNH"}, {"QUẬN"}, {"HUYỆN"}, {"PHƯỜNG"}, {"XÃ"}}

// agencyLines breaks an agency's name for the header's left column the way the
// names are set by hand: lines filled from the start, a level of government
// ("THÀNH PHỐ") and the place name after it ("CẦN THƠ") never split, so "CÔNG AN
// THÀNH PHỐ CẦN THƠ" breaks as "CÔNG AN THÀNH PHỐ / CẦN THƠ" and "ỦY BAN NHÂN
// DÂN THÀNH PHỐ CẦN THƠ" as "ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ". A group
// wider than the column falls back to wrap.
func (p *pdfw) agencyLines(s string, w float64) []string {
	words := strings.Fields(s)
	var groups []string
	place := false // past a level of government: the rest is the place name
	for i := 0; i < len(words); {
		if place {
			groups[len(groups)-1] += " " + words[i]
			i++
			continue
		}
		n := 0
		for _, u := range adminUnits {
			if i+len(u) <= len(words) && strings.EqualFold(strings.Join(words[i:i+len(u)], " "), strings.Join(u, " ")) {
				n = len(u)
				break
			}
		}
		if n > 0 && i+n < len(words) {
			groups = append(groups, strings.Join(words[i:i+n], " "), words[i+n])
			i += n + 1
			place = true
			continue
		}
		groups = append(groups, words[i])
		i++
	}
	var lines []string
	cur := ""
	for _, g := range groups {
		if p.f.GetStringWidth(g) > w {
			return p.wrap(s, w)
		}
		try := g
		if cur != "" {
			try = cur + " " + g
		}
		if p.f.GetStringWidth(try) <= w {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = g
	}
	return append(lines, cur)
}

// paragraph writes body text justified, with a first-line indent; it keeps at
// least two lines together at a page break.
func (p *pdfw) paragraph(s string) {
	p.setFont(regular, bodySize)
	p.justified(s, bodySize, indent)
	p.f.SetY(p.f.GetY() + paraGap)
}

func (p *pdfw) justified(s string, size, ind float64) {
	lh := lineH(size)
	lines := p.wrapFirst(s, contentW-ind, contentW)
	p.ensure(float64(min(2, len(lines))) * lh)
	for i, l := range lines {
		p.ensure(lh)
		x, w := marginLeft, contentW
		if i == 0 {
			x, w = marginLeft+ind, contentW-ind
		}
		align := jus
		if i == len(lines)-1 || !strings.Contains(l, " ") {
			align = alignLeft
		}
		y := p.f.GetY()
		p.text(x, y, w, lh, l, align)
		p.f.SetY(y + lh)
	}
}

// Notice box geometry, in millimetres.
const (
	noticePad  = 3.0
	noticeLine = 0.6
)

// notice draws a box ruled heavier than the tables, its title centred in bold,
// its lines justified inside. The box starts on the current page with at least
// its title and first line; should it run past the page, each page's part is
// boxed.
func (p *pdfw) notice(n Notice) {
	f := p.f
	inner := contentW - 2*noticePad
	lh := lineH(13)
	type line struct {
		text, style, align string
		x, w               float64
	}
	var lines []line
	p.setFont(bold, 13)
	for _, l := range p.wrap(n.Title, inner) {
		lines = append(lines, line{l, bold, alignCenter, marginLeft + noticePad, inner})
	}
	p.setFont(regular, 13)
	for _, t := range n.Lines {
		// A dash item hangs: its continuation lines start past the dash.
		first, rest := inner, inner
		hang := 0.0
		if strings.HasPrefix(t, "- ") {
			hang = p.m.mm(p.m.units(regular, "- "), 13)
			rest = inner - hang
		}
		for i, l := range p.wrapFirst(t, first, rest) {
			x, w := marginLeft+noticePad, first
			if i > 0 {
				x, w = x+hang, rest
			}
			lines = append(lines, line{l, regular, jus, x, w})
		}
		// The last line of each paragraph is set flush left, not stretched.
		lines[len(lines)-1].align = alignLeft
	}
	p.ensure(2*noticePad + float64(min(2, len(lines)))*lh)
	top := f.GetY()
	f.SetLineWidth(noticeLine)
	box := func(bottom float64) { f.Rect(marginLeft, top, contentW, bottom-top, "D") }
	y := top + noticePad
	for _, l := range lines {
		if y+lh+noticePad > bottomY {
			box(y + noticePad)
			f.AddPage()
			top = f.GetY()
			f.SetLineWidth(noticeLine)
			y = top + noticePad
		}
		p.setFont(l.style, 13)
		align := l.align
		if align == jus && !strings.Contains(l.text, " ") {
			align = alignLeft
		}
		p.text(l.x, y, l.w, lh, l.text, align)
		y += lh
	}
	box(y + noticePad)
	f.SetLineWidth(0.2)
	f.SetY(y + noticePad + paraGap*2)
}

// heading writes a numbered heading and keeps it with the start of what follows.
func (p *pdfw) heading(level int, s string, next []Block) {
	style := bold
	if level == 2 {
		style = boldItalic
	}
	p.setFont(style, bodySize)
	lines := p.wrapFirst(s, contentW-indent, contentW)
	h := float64(len(lines))*lineH(bodySize) + paraGap
	p.ensure(h + p.minHeight(next))
	p.setFont(style, bodySize)
	p.justified(s, bodySize, indent)
	p.f.SetY(p.f.GetY() + paraGap)
}

// minHeight is how much of the next blocks must share a page with a heading: two
// lines of a paragraph, a table's caption, header and first row, a whole chart.
func (p *pdfw) minHeight(next []Block) float64 {
	if len(next) == 0 {
		return 0
	}
	b := next[0]
	switch b.Kind {
	case Heading:
		return lineH(bodySize)*2 + paraGap + p.minHeight(next[1:])
	case Paragraph:
		return lineH(bodySize) * 2
	case TableBlock:
		return p.tableStart(*b.Table, tableSize)
	case ChartBlock:
		return chartHeight(*b.Chart)
	}
	return 0
}

func (p *pdfw) block(b Block, next []Block) {
	switch b.Kind {
	case Heading:
		p.heading(b.Level, b.Text, next)
	case Paragraph:
		if b.Lead {
			p.setFont(regular, bodySize)
			n := len(p.wrapFirst(b.Text, contentW-indent, contentW))
			p.ensure(float64(n)*lineH(bodySize) + paraGap + p.minHeight(next))
		}
		p.paragraph(b.Text)
	case TableBlock:
		p.table(*b.Table, tableSize)
		p.f.SetY(p.f.GetY() + 4)
	case ChartBlock:
		p.chart(*b.Chart)
		p.f.SetY(p.f.GetY() + 4)
	}
}

// signature writes "Nơi nhận" on the left and the signature block on the right,
// side by side and on one page.
func (p *pdfw) signature(recipients []string, s Signer) {
	const leftW = 75.0
	rightW := contentW - leftW
	lh11, lh14 := lineH(11), lineH(14)
	p.setFont(regular, 11)
	type line struct {
		text string
		cont bool // a wrapped continuation, indented past the dash
	}
	var list []line
	for _, r := range recipients {
		for i, l := range p.wrapFirst("- "+r, leftW, leftW-3) {
			list = append(list, line{l, i > 0})
		}
	}
	left := lineH(12) + float64(len(list))*lh11
	right := 3*lh14 + 28
	p.ensure(max(left, right) + 2)
	y0 := p.f.GetY() + 2

	p.setFont(boldItalic, 12)
	p.text(marginLeft, y0, leftW, lineH(12), "Nơi nhận:", alignLeft)
	p.setFont(regular, 11)
	y := y0 + lineH(12)
	for _, l := range list {
		x := marginLeft
		if l.cont {
			x += 3
		}
		p.text(x, y, leftW, lh11, l.text, alignLeft)
		y += lh11
	}

	xr := marginLeft + leftW
	y = y0
	p.setFont(bold, 14)
	for _, l := range []string{s.Authority, s.Title} {
		if l != "" {
			p.text(xr, y, rightW, lh14, upper(l), alignCenter)
			y += lh14
		}
	}
	y += 25
	if s.Name != "" {
		p.text(xr, y, rightW, lh14, s.Name, alignCenter)
		y += lh14
	}
	p.f.SetY(max(y, y0+left))
}
