package report

import (
	"fmt"
	"slices"
	"time"

	"dean/criteria"
	"dean/period"
	"dean/plan"
	"dean/score"
	"dean/units"
)

// Input is everything a report is made of. The command fills it: Build reads no
// files and no clock.
type Input struct {
	Result   score.Result
	Criteria *criteria.Set // names, indicator labels and the areas
	Units    *units.List   // optional: the city's wards (district order, the 2030 target)
	Period   period.Period
	// Window is the span the figures cover; zero means Meta.WindowFor(Period).
	Window period.Window
	// Date is the report's date; zero means the period's due date.
	Date time.Time
	Meta Meta
	Plan Plan // zero means DefaultPlan()

	// Sources and Files feed the workbook's "Chi tiết" and "Nguồn" sheets.
	Sources map[string]Source // by ward code
	Files   []FileHash

	// Trend is each ward's criteria met over the periods the archive holds:
	// a sub-section of part I and the sheet "Diễn biến". Nil: no archive; the
	// report is then as without it.
	Trend *Trend
	// Progress is the plan year by year (plan.Track): wards at 22/22 by the
	// stored scoring, recognitions by decision and the cumulative target. It
	// adds a table, a chart and the sheet "Tiến độ" to the plan's comparison;
	// nil leaves the comparison of this period alone.
	Progress []plan.Year
	// Histories are the recognitions the new wards inherit from the old wards
	// they were formed from (plan.Histories), listed after Progress's table
	// and chart; shown only with Progress.
	Histories []string
}

// Source is where one ward's values were read: the form's file and sheet, the
// values, and for each input id the cells of this period and of last year.
type Source struct {
	File, Sheet string
	Values      score.Values
	Cells       map[string][2]string
}

// FileHash identifies one input file by its SHA-256, computed by the caller.
type FileHash struct {
	Role   string // "Số liệu", "Bộ tiêu chí", "Danh mục đơn vị", "Thông tin báo cáo"
	Path   string
	SHA256 string
}

// normalized fills the defaults Build relies on.
func (in Input) normalized() Input {
	if in.Meta.Issuer == "" && in.Meta.Place == "" {
		in.Meta = DefaultMeta()
	}
	if !hasDistricts(in) {
		// The defaults speak of quận; on a map without them they follow the
		// map. What report.yaml sets is the user's, and stays.
		def, now := DefaultMeta(), DefaultMetaFor(false)
		if slices.Equal(in.Meta.Recipients, def.Recipients) {
			in.Meta.Recipients = now.Recipients
		}
		if slices.Equal(in.Meta.Directions, def.Directions) {
			in.Meta.Directions = now.Directions
		}
	}
	if in.Window == (period.Window{}) {
		in.Window = in.Meta.WindowFor(in.Period)
	}
	if in.Date.IsZero() {
		in.Date = in.Period.Due()
	}
	if in.Plan == (Plan{}) {
		in.Plan = DefaultPlan()
	}
	return in
}

const deAn = "Đề án xây dựng “Công an phường điển hình, kiểu mẫu về an ninh, trật tự và văn minh đô thị”"

// Build makes the report's document from the scores.
func Build(in Input) Document {
	in = in.normalized()
	m := in.Meta
	st := newStats(in)
	number := "Số:        /" + m.Symbol
	if m.Number != "" {
		number = "Số: " + m.Number + "/" + m.Symbol
	}
	changed := ""
	if len(in.Result.Criteria.Departures) > 0 {
		changed = ", có thay đổi như nêu dưới đây"
	}
	d := Document{
		Header: Header{
			Parent:    upper(m.Parent),
			Issuer:    upper(m.Issuer),
			Number:    number,
			Nation:    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			Motto:     "Độc lập - Tự do - Hạnh phúc",
			PlaceDate: placeDate(m.Place, in.Date),
		},
		Title:   "BÁO CÁO",
		Subject: "Kết quả thực hiện " + deAn + " " + in.Period.Label(),
		Intro: []string{
			m.Basis + ", báo cáo kết quả thực hiện Đề án " + in.Period.Label() + " như sau:",
			fmt.Sprintf("Số liệu trong báo cáo tính %s; kết quả đánh giá theo Bộ tiêu chí phiên bản %s (%s)%s.",
				in.Window, in.Result.Criteria.Version, in.Result.Criteria.Source, changed),
		},
		Closing: []string{
			"Trên đây là báo cáo kết quả thực hiện Đề án " + in.Period.Label() + ", kính báo cáo " + m.Recipient + "./.",
		},
		Signer:     m.Signer,
		Recipients: m.Recipients,
		Date:       in.Date,
		Keywords:   in.Period.String(),
	}
	if why, items := rescored(in.Result.Criteria); why != "" {
		d.Notice = &Notice{Title: rescoredTitle, Lines: []string{why}}
		for _, it := range items {
			d.Notice.Lines = append(d.Notice.Lines, "- "+it)
		}
	}
	d.Sections = []Section{
		resultsSection(in, st),
		limitsSection(in, st),
		directionsSection(in),
	}
	tables, charts := 0, 0
	for i := range d.Sections {
		d.Sections[i].Heading = romans[i] + ". " + d.Sections[i].Heading
		// Tables and charts are numbered in reading order, so that one left
		// out (the district table on a map without districts) leaves no gap.
		for _, b := range d.Sections[i].Blocks {
			switch {
			case b.Kind == TableBlock && b.Table.Caption != "":
				tables++
				b.Table.Caption = fmt.Sprintf("Bảng %d. %s", tables, b.Table.Caption)
			case b.Kind == ChartBlock:
				charts++
				b.Chart.Caption = fmt.Sprintf("Biểu đồ %d. %s", charts, b.Chart.Caption)
			}
		}
	}
	d.Appendix = appendix(in)
	return d
}

func directionsSection(in Input) Section {
	s := Section{Heading: "PHƯƠNG HƯỚNG, NHIỆM VỤ " + upper(nextPeriod(in.Period))}
	for _, p := range in.Meta.Directions {
		s.Blocks = append(s.Blocks, para(p))
	}
	return s
}

// nextPeriod names what follows: the rest of the year after a six-month report,
// the next year after an annual one.
func nextPeriod(p period.Period) string {
	if p.Half {
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year+1)
}

func para(s string) Block               { return Block{Kind: Paragraph, Text: s} }
func lead(s string) Block               { return Block{Kind: Paragraph, Text: s, Lead: true} }
func heading(level int, s string) Block { return Block{Kind: Heading, Level: level, Text: s} }
func table(t Table) Block               { return Block{Kind: TableBlock, Table: &t} }
