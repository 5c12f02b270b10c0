package units

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Validity is the span of days a units list holds, both ends included. A zero
// From or Until leaves that end open: a list given by a user without dates holds
// whatever the date.
type Validity struct {
	From, Until time.Time
}

// Contains reports whether the list holds on day's calendar date (its clock time
// and time zone aside).
func (v Validity) Contains(day time.Time) bool {
	d := civil(day)
	return (v.From.IsZero() || !d.Before(v.From)) && (v.Until.IsZero() || !d.After(v.Until))
}

// Overlaps reports whether some day is in both spans.
func (v Validity) Overlaps(o Validity) bool {
	before := func(a, b Validity) bool { // a ends before b starts
		return !a.Until.IsZero() && !b.From.IsZero() && a.Until.Before(b.From)
	}
	return !before(v, o) && !before(o, v)
}

// String writes the span as a report does: "từ 01/07/2025", "đến hết 30/06/2025",
// "từ 01/01/2022 đến hết 30/06/2025", or "không giới hạn".
func (v Validity) String() string {
	switch {
	case v.From.IsZero() && v.Until.IsZero():
		return "không giới hạn"
	case v.Until.IsZero():
		return "từ " + dmy(v.From)
	case v.From.IsZero():
		return "đến hết " + dmy(v.Until)
	}
	return "từ " + dmy(v.From) + " đến hết " + dmy(v.Until)
}

func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dmy(t time.Time) string { return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year()) }

var (
	dmyRE = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	isoRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
)

// parseDate reads a date as Vietnamese write it, 01/07/2025 or 1/7/2025, or as
// ISO 8601, 2025-07-01.
func parseDate(s string) (time.Time, error) {
	var y, m, d int
	if g := dmyRE.FindStringSubmatch(s); g != nil {
		d, m, y = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := isoRE.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else {
		return time.Time{}, fmt.Errorf("ngày %q không hợp lệ: viết ngày/tháng/năm, ví dụ 01/07/2025", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m || y < 1900 || y > 2100 {
		return time.Time{}, fmt.Errorf("ngày %q không có trong lịch", s)
	}
	return t, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
