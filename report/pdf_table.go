package report

import (
	"fmt"
)

const (
	tableSize    = 12.0 // body tables; the appendix shrinks its own to fit a page
	captionSize  = 13.0
	cellPadX     = 1.2
	cellPadY     = 0.8
	tableLineFac = 1.12
)

var (
	headFill   = [3]int{228, 228, 228}
	markedFill = [3]int{252, 222, 222}
	strongFill = [3]int{222, 239, 214}
)

// layout is a table measured at one font size: its column widths and the lines
// of every cell.
type layout struct {
	size    float64
	widths  []float64
	head    [][]string
	headH   float64
	rows    [][][]string
	heights []float64
}

// cells is a table's text split for wrapping: the titles in bold, each row in
// its own face.
type cells struct {
	head []words
	rows [][]words
}

func (p *pdfw) split(t Table) cells {
	var c cells
	for _, col := range t.Columns {
		c.head = append(c.head, p.m.split(bold, col.Title))
	}
	for _, r := range t.Rows {
		style := regular
		if r.Bold {
			style = bold
		}
		ws := make([]words, len(r.Cells))
		for i, s := range r.Cells {
			if r.strong(i) {
				ws[i] = p.m.split(bold, s)
				continue
			}
			ws[i] = p.m.split(style, s)
		}
		c.rows = append(c.rows, ws)
	}
	return c
}

func (p *pdfw) measure(t Table, size float64) layout {
	return p.layout(t, p.split(t), size, true)
}

// layout lays a split table out at a font size; without lines it only counts
// them, which is enough to know its height.
func (p *pdfw) layout(t Table, c cells, size float64, lines bool) layout {
	l := layout{size: size}
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	for _, c := range t.Columns {
		l.widths = append(l.widths, c.Width/total*contentW)
	}
	lh := size * ptMM * tableLineFac
	row := func(ws []words) ([][]string, float64) {
		var out [][]string
		if lines {
			out = make([][]string, len(ws))
		}
		n := 1
		for i, w := range ws {
			cw := contentW
			if i < len(l.widths) {
				cw = l.widths[i]
			}
			var dst *[]string
			if lines {
				dst = &out[i]
			}
			n = max(n, p.m.lay(w, size, cw-2*cellPadX, cw-2*cellPadX, dst))
		}
		return out, float64(n)*lh + 2*cellPadY
	}
	l.head, l.headH = row(c.head)
	for _, ws := range c.rows {
		r, h := row(ws)
		l.rows = append(l.rows, r)
		l.heights = append(l.heights, h)
	}
	return l
}

func (p *pdfw) captionHeight(s string) float64 {
	if s == "" {
		return 0
	}
	return float64(len(p.m.wrap(bold, captionSize, s, contentW, contentW)))*lineH(captionSize) + 1
}

// keepWhole is the height under which a table is never split.
const keepWhole = 90.0

// tableStart is what must fit before a table may begin on a page: a short table
// whole; a long one's caption, header and first three rows.
func (p *pdfw) tableStart(t Table, size float64) float64 {
	return p.start(t, p.measure(t, size))
}

func (p *pdfw) start(t Table, l layout) float64 {
	h := p.captionHeight(t.Caption) + l.headH
	if l.height() <= keepWhole {
		return h + l.height() - l.headH
	}
	for _, r := range l.heights[:min(3, len(l.heights))] {
		h += r
	}
	return h
}

func (l layout) height() float64 {
	h := l.headH
	for _, r := range l.heights {
		h += r
	}
	return h
}

// table draws a table; a row that does not fit starts a new page, where the
// header is drawn again.
func (p *pdfw) table(t Table, size float64) {
	p.drawTable(t, p.measure(t, size))
}

func (p *pdfw) drawTable(t Table, l layout) {
	p.ensure(p.start(t, l))
	if t.Caption != "" {
		p.setFont(bold, captionSize)
		for _, s := range p.wrap(t.Caption, contentW) {
			y := p.f.GetY()
			p.text(marginLeft, y, contentW, lineH(captionSize), s, alignCenter)
			p.f.SetY(y + lineH(captionSize))
		}
		p.f.SetY(p.f.GetY() + 1)
	}
	p.row(t, l, l.head, l.headH, bold, &headFill, true, Row{})
	for i, cells := range l.rows {
		if p.f.GetY()+l.heights[i] > bottomY {
			p.f.AddPage()
			p.row(t, l, l.head, l.headH, bold, &headFill, true, Row{})
		}
		r := t.Rows[i]
		style := regular
		if r.Bold {
			style = bold
		}
		var fill *[3]int
		if r.Marked {
			fill = &markedFill
		}
		p.row(t, l, cells, l.heights[i], style, fill, false, r)
	}
}

// row draws a row's cells, then their text; r's strong cells are filled and
// bold. Text is drawn in black with the fill colour black too: fpdf wraps every
// piece of text in a colour change while the two differ.
func (p *pdfw) row(t Table, l layout, cells [][]string, h float64, style string, fill *[3]int, head bool, r Row) {
	f := p.f
	y := f.GetY()
	lh := l.size * ptMM * tableLineFac
	if f.GetLineWidth() != 0.2 {
		f.SetLineWidth(0.2)
	}
	x := marginLeft
	var cur *[3]int // the fill colour set, so that it is set once a row
	for i, w := range l.widths {
		c := fill
		if r.strong(i) {
			c = &strongFill
		}
		if c != nil {
			if c != cur {
				f.SetFillColor(c[0], c[1], c[2])
				cur = c
			}
			f.Rect(x, y, w, h, "FD")
		} else {
			f.Rect(x, y, w, h, "D")
		}
		x += w
	}
	if cur != nil {
		f.SetFillColor(0, 0, 0)
	}
	x = marginLeft
	for i, w := range l.widths {
		if r.strong(i) {
			p.setFont(bold, l.size)
		} else {
			p.setFont(style, l.size)
		}
		align := alignCenter
		if !head && i < len(t.Columns) && t.Columns[i].Align != "" {
			align = t.Columns[i].Align
		}
		if i < len(cells) {
			ty := y + cellPadY
			if head { // header titles sit in the middle of their cell
				ty = y + (h-float64(len(cells[i]))*lh)/2
			}
			for _, s := range cells[i] {
				p.text(x+cellPadX, ty, w-2*cellPadX, lh, s, align)
				ty += lh
			}
		}
		x += w
	}
	f.SetY(y + h)
}

// Bar chart geometry, in millimetres.
const (
	barRow    = 6.0
	barH      = 4.2
	barLabelW = 16.0
	barTextW  = 20.0
)

// legendH is the height of a chart's legend line.
const legendH = 7.0

func chartHeight(c Chart) float64 {
	h := lineH(captionSize) + 3 + float64(len(c.Bars))*barRow + 8
	if c.Legend[0] != "" {
		h += legendH
	}
	return h
}

// ticks are the values of a chart's gridlines: every Step, or every quarter of
// Max.
func (c Chart) ticks() []float64 {
	if c.Step <= 0 {
		return []float64{0, c.Max / 4, c.Max / 2, c.Max * 3 / 4, c.Max}
	}
	var ts []float64
	for v := 0.0; v <= c.Max+c.Step/1000; v += c.Step {
		ts = append(ts, v)
	}
	return ts
}

// chart draws a horizontal bar chart with its gridlines, each bar's target as a
// bracket over it, and the legend; it is never split across pages.
func (p *pdfw) chart(c Chart) {
	f := p.f
	p.ensure(chartHeight(c))
	y := f.GetY()
	p.setFont(bold, captionSize)
	p.text(marginLeft, y, contentW, lineH(captionSize), c.Caption, alignCenter)
	y += lineH(captionSize) + 3
	x0 := marginLeft + barLabelW
	span := contentW - barLabelW - barTextW
	at := func(v float64) float64 {
		if c.Max <= 0 {
			return x0
		}
		return x0 + span*min(v, c.Max)/c.Max
	}
	bottom := y + float64(len(c.Bars))*barRow
	f.SetLineWidth(0.15)
	f.SetDrawColor(170, 170, 170)
	p.setFont(regular, 10)
	for _, v := range c.ticks() {
		gx := at(v)
		f.Line(gx, y, gx, bottom)
		p.text(gx-10, bottom+1, 20, lineH(10), fmt.Sprintf("%g", v), alignCenter)
	}
	f.SetDrawColor(0, 0, 0)
	for i, b := range c.Bars {
		by := y + float64(i)*barRow
		p.setFont(regular, 11)
		p.text(marginLeft, by+(barRow-lineH(11))/2, barLabelW-2, lineH(11), b.Label, alignLeft)
		w := at(b.Value) - x0
		if b.Low {
			f.SetFillColor(192, 57, 43)
		} else {
			f.SetFillColor(41, 98, 155)
		}
		if w > 0 {
			f.Rect(x0, by+(barRow-barH)/2, w, barH, "F")
		}
		// The value sits at the bar's end, or past the target when the
		// bracket would cross it.
		end := x0 + w
		if b.Target > 0 {
			t1, t2 := at(b.Target), at(max(b.TargetMax, b.Target))
			p.bracket(t1, t2, by)
			if end+1.5+f.GetStringWidth(b.Text)+1 > t1 {
				end = max(end, t2)
			}
		}
		p.text(end+1.5, by+(barRow-lineH(11))/2, barTextW, lineH(11), b.Text, alignLeft)
	}
	f.SetFillColor(0, 0, 0) // see row
	y = bottom + 8
	if l := c.Legend; l[0] != "" {
		p.legend(y, l)
		y += legendH
	}
	f.SetY(y)
}

// bracket draws a target range over a bar's row, from x1 to x2, as ⊓.
func (p *pdfw) bracket(x1, x2, by float64) {
	f := p.f
	top, foot := by+0.3, by+barRow-0.3
	f.SetLineWidth(0.5)
	f.Line(x1, top, x1, foot)
	if x2 > x1 {
		f.Line(x2, top, x2, foot)
		f.Line(x1, top, x2, top)
	}
	f.SetLineWidth(0.15)
}

// legend names the bars and the brackets, each beside a sample.
func (p *pdfw) legend(y float64, l [2]string) {
	f := p.f
	p.setFont(regular, 11)
	x := marginLeft + barLabelW
	f.SetFillColor(41, 98, 155)
	f.Rect(x, y+(barRow-barH)/2, 8, barH, "F")
	f.SetFillColor(0, 0, 0)
	p.text(x+10, y+(barRow-lineH(11))/2, 70, lineH(11), l[0], alignLeft)
	x += 12 + f.GetStringWidth(l[0]) + 6
	p.bracket(x, x+5, y)
	p.text(x+7, y+(barRow-lineH(11))/2, 80, lineH(11), l[1], alignLeft)
}

// appendixSizes are the font sizes tried, largest first, to fit a ward's table on
// its page.
var appendixSizes = []float64{11, 10.5, 10, 9.5, 9, 8.5, 8}

// appendixPage gives one ward a page of its own: the title lines, then its table
// at the largest size that fits.
func (p *pdfw) appendixPage(a AppendixPage) {
	p.f.AddPage()
	y := p.f.GetY()
	p.setFont(bold, 14)
	p.text(marginLeft, y, contentW, lineH(14), upper(a.Title), alignCenter)
	y += lineH(14)
	for i, l := range a.Lines {
		style := italic
		if i == 0 {
			style = bold
		}
		p.setFont(style, 13)
		for _, s := range p.wrap(l, contentW) {
			p.text(marginLeft, y, contentW, lineH(13), s, alignCenter)
			y += lineH(13)
		}
	}
	p.f.SetY(y + 3)
	c := p.split(a.Table)
	size := appendixSizes[len(appendixSizes)-1]
	for _, s := range appendixSizes {
		if p.f.GetY()+p.layout(a.Table, c, s, false).height() <= bottomY {
			size = s
			break
		}
	}
	p.drawTable(a.Table, p.layout(a.Table, c, size, true))
}
