// Package report turns a scored period into the city's periodic report: Build makes
// a plain Document (header, numbered sections of paragraphs, tables and charts, a
// one-page appendix per ward), WritePDF lays it out as a Vietnamese administrative
// report (Nghị định 30/2020/NĐ-CP), and BuildWorkbook/WriteXLSX give the same
// figures as a workbook with every value's source.
//
// Build reads no files and no clock: the caller brings the scores, the metadata,
// the report date and the input files' hashes. Only pdf*.go and xlsx*.go import
// fpdf and excelize; the workbook's row heights are measured with the PDF's
// measurer, Liberation Serif having Times New Roman's metrics.
package report

import (
	"fmt"
	"strings"
	"time"
)

// Document is the report as data, in reading order, free of any layout.
type Document struct {
	Header  Header
	Title   string // "BÁO CÁO"
	Subject string // trích yếu
	Intro   []string
	// Notice, when set, is boxed on the first page after the introduction:
	// what the reader must know before any figure.
	Notice   *Notice
	Sections []Section
	Closing  []string // "Trên đây là …"
	Signer   Signer
	// Recipients is the "Nơi nhận" list, each item as written after its dash.
	Recipients []string
	Appendix   []AppendixPage
	// Date stamps the file's metadata, so the same inputs give the same bytes.
	Date     time.Time
	Keywords string
}

// Header is the two-column block at the top of the first page.
type Header struct {
	Parent    string // upright caps
	Issuer    string // bold caps
	Number    string // "Số: 03/BC-CATP"
	Nation    string // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto     string // "Độc lập - Tự do - Hạnh phúc"
	PlaceDate string // "Cần Thơ, ngày 15 tháng 5 năm 2026"
}

// Notice is a set-off box: a title in bold capitals, then its lines.
type Notice struct {
	Title string
	Lines []string
}

// Section is one Roman-numbered part of the body ("I. KẾT QUẢ …").
type Section struct {
	Heading string // with its number
	Blocks  []Block
}

// BlockKind says which field of a Block is in use.
type BlockKind int

const (
	Heading   BlockKind = iota // Text, at Level 1 ("1. …") or 2 ("a) …")
	Paragraph                  // Text, justified with a first-line indent
	TableBlock
	ChartBlock
)

// Block is one element of a section. A paragraph that leads into what follows
// (a table, a list) is kept with its start: Lead.
type Block struct {
	Kind  BlockKind
	Level int
	Text  string
	Table *Table
	Chart *Chart
	Lead  bool
}

// Table is a captioned table; its header repeats when it breaks across pages.
type Table struct {
	Caption string
	Columns []Column
	Rows    []Row
}

// Column is a table column: its title, its share of the line's width and how
// its cells align ("L", "C", "R").
type Column struct {
	Title string
	Width float64
	Align string
}

// Row is one table row. Bold rows are totals; marked rows are failures to
// notice; strong cells (by index) are achievements to notice, set in bold on a
// light fill.
type Row struct {
	Cells  []string
	Bold   bool
	Marked bool
	Strong []int
}

// strong says whether cell i is one to set off.
func (r Row) strong(i int) bool {
	for _, j := range r.Strong {
		if j == i {
			return true
		}
	}
	return false
}

// Chart is a horizontal bar chart: one bar per item, scaled to Max, with
// gridlines every Step (every quarter of Max when 0). Bars may carry a target,
// drawn as a bracket from its lower to its upper end; Legend then names what
// the bars and the brackets are.
type Chart struct {
	Caption string
	Bars    []Bar
	Max     float64
	Step    float64
	Legend  [2]string // the bars, the targets
}

// Bar is one bar: its label, its value and the value as written beside it.
// Low bars are drawn in red. Target..TargetMax is the bar's target range; 0
// when it has none.
type Bar struct {
	Label             string
	Value             float64
	Text              string
	Low               bool
	Target, TargetMax float64
}

// AppendixPage is one ward's page of the appendix.
type AppendixPage struct {
	Title string   // "Phụ lục 1"
	Lines []string // the ward, its district and code, its result
	Table Table
}

// Text writes the document as plain text: what the golden files hold, and what a
// reader of the PDF should find.
func (d Document) Text() string {
	var b strings.Builder
	h := d.Header
	fmt.Fprintf(&b, "%s | %s\n%s | %s\n%s | %s\n\n", h.Parent, h.Nation, h.Issuer, h.Motto, h.Number, h.PlaceDate)
	fmt.Fprintf(&b, "%s\n%s\n\n", d.Title, d.Subject)
	for _, p := range d.Intro {
		fmt.Fprintf(&b, "%s\n\n", p)
	}
	if n := d.Notice; n != nil {
		fmt.Fprintf(&b, "[Khung] %s\n", n.Title)
		for _, l := range n.Lines {
			fmt.Fprintf(&b, "  %s\n", l)
		}
		b.WriteString("\n")
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "%s\n\n", s.Heading)
		for _, bl := range s.Blocks {
			bl.text(&b)
		}
	}
	for _, p := range d.Closing {
		fmt.Fprintf(&b, "%s\n\n", p)
	}
	b.WriteString("Nơi nhận:\n")
	for _, r := range d.Recipients {
		fmt.Fprintf(&b, "- %s\n", r)
	}
	fmt.Fprintf(&b, "\n%s\n%s\n%s\n", d.Signer.Authority, d.Signer.Title, d.Signer.Name)
	for _, p := range d.Appendix {
		fmt.Fprintf(&b, "\n==== %s\n", p.Title)
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "%s\n", l)
		}
		p.Table.text(&b)
	}
	return b.String()
}

func (bl Block) text(b *strings.Builder) {
	switch bl.Kind {
	case Heading:
		fmt.Fprintf(b, "%s\n\n", bl.Text)
	case Paragraph:
		fmt.Fprintf(b, "    %s\n\n", bl.Text)
	case TableBlock:
		bl.Table.text(b)
	case ChartBlock:
		fmt.Fprintf(b, "[Biểu đồ] %s\n", bl.Chart.Caption)
		scale := func(v float64) int {
			if bl.Chart.Max <= 0 {
				return 0
			}
			return min(int(v/bl.Chart.Max*40+0.5), 40)
		}
		for _, bar := range bl.Chart.Bars {
			line := []byte(fmt.Sprintf("%-40s", strings.Repeat("#", scale(bar.Value))))
			if bar.Target > 0 { // the target's lower end, as a bar across the row
				line[min(scale(bar.Target), 39)] = '|'
			}
			fmt.Fprintf(b, "%-6s %s %s\n", bar.Label, line, bar.Text)
		}
		if l := bl.Chart.Legend; l[0] != "" {
			fmt.Fprintf(b, "(# %s; | %s)\n", l[0], l[1])
		}
		b.WriteString("\n")
	}
}

// text writes a table a row a line: marked rows end in (!), bold ones in (*),
// and strong cells stand between asterisks.
func (t Table) text(b *strings.Builder) {
	if t.Caption != "" {
		fmt.Fprintf(b, "[Bảng] %s\n", t.Caption)
	}
	var titles []string
	for _, c := range t.Columns {
		titles = append(titles, c.Title)
	}
	fmt.Fprintf(b, "| %s |\n", strings.Join(titles, " | "))
	for _, r := range t.Rows {
		cells := r.Cells
		if len(r.Strong) > 0 {
			cells = append([]string(nil), cells...)
			for _, i := range r.Strong {
				if i < len(cells) {
					cells[i] = "*" + cells[i] + "*"
				}
			}
		}
		mark := ""
		if r.Marked {
			mark = " (!)"
		}
		if r.Bold {
			mark += " (*)"
		}
		fmt.Fprintf(b, "| %s |%s\n", strings.Join(cells, " | "), mark)
	}
	b.WriteString("\n")
}
