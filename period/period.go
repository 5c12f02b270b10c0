// Package period names the Đề án's reporting periods — the six-month report due
// 15 May and the annual report due 15 November — and the data window each covers.
package period

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dean/units"
)

// Period is a reporting period: the first six months of Year, or the whole Year.
type Period struct {
	Year int
	Half bool // the six-month report (H1)
}

var codeRE = regexp.MustCompile(`^(\d{4})(?:-[hH]1)?$`)

// Parse reads "2026-H1" or "2026", or the labels the form shows: "6 tháng đầu năm
// 2026", "năm 2026".
func Parse(s string) (Period, error) {
	t := strings.TrimSpace(s)
	if m := codeRE.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		return check(Period{Year: y, Half: len(t) > 4})
	}
	// Labels are matched with units.NameKey so that case, spacing and tone-mark
	// placement typed in Excel do not matter.
	key := units.NameKey(t)
	for _, half := range []bool{true, false} {
		prefix := labelKeys[half]
		if rest, ok := strings.CutPrefix(key, prefix); ok && len(rest) == 4 {
			if y, err := strconv.Atoi(rest); err == nil {
				return check(Period{Year: y, Half: half})
			}
		}
	}
	return Period{}, fmt.Errorf("kỳ báo cáo %q không hợp lệ: viết 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm)", s)
}

func check(p Period) (Period, error) {
	if p.Year < 2000 || p.Year > 2100 {
		return Period{}, fmt.Errorf("năm %d nằm ngoài khoảng 2000–2100", p.Year)
	}
	return p, nil
}

// String is the code used on the command line and in JSON: "2026-H1", "2026".
func (p Period) String() string {
	if p.Half {
		return fmt.Sprintf("%d-H1", p.Year)
	}
	return strconv.Itoa(p.Year)
}

// Label is how forms and reports name the period: "6 tháng đầu năm 2026", "năm 2026".
func (p Period) Label() string {
	return fmt.Sprintf("%s %d", labelPrefix(p.Half), p.Year)
}

// labelKeys are the label prefixes as NameKey gives them, with the space
// before the year: each sheet of every form names its period.
var labelKeys = map[bool]string{
	true:  units.NameKey(labelPrefix(true)) + " ",
	false: units.NameKey(labelPrefix(false)) + " ",
}

func labelPrefix(half bool) string {
	if half {
		return "6 tháng đầu năm"
	}
	return "năm"
}

// Due is the date the Đề án sets for the report: 15 May or 15 November.
func (p Period) Due() time.Time {
	if p.Half {
		return date(p.Year, time.May, 15)
	}
	return date(p.Year, time.November, 15)
}

// Units is the bundled units list in force on the due date: the 42 wards of 2022
// for reports due up to 30/6/2025 (2025-H1 and before), the 31 wards of 1/7/2025
// for the annual report of 2025 and after.
func (p Period) Units() (*units.List, error) { return units.InForce(p.Due()) }

// Window is the span of days a report's figures cover, both ends included.
type Window struct {
	From, To time.Time
}

// DefaultWindow ends the day before the report falls due and starts six or twelve
// months earlier: 15/11 of the year before to 14/5 (six months) or 14/11 (year).
// The Đề án sets only the due dates; the Ministry's statistics close on 14/6 and
// 14/12, which a report due in May or November cannot cover, so those windows are
// a setting (report.yaml), not the default.
func (p Period) DefaultWindow() Window {
	to := p.Due().AddDate(0, 0, -1)
	return Window{From: date(p.Year-1, time.November, 15), To: to}
}

// String writes the window the way reports do: "từ ngày 15/11/2025 đến ngày 14/5/2026".
func (w Window) String() string {
	return fmt.Sprintf("từ ngày %s đến ngày %s", dmy(w.From), dmy(w.To))
}

func dmy(t time.Time) string { return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year()) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
