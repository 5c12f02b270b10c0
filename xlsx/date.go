package xlsx

import (
	"math"
	"time"
)

// maxSerial is 9999-12-31, the last day Excel shows.
const maxSerial = 2958465

// Time converts a date or time serial of the workbook's date system to a time
// in UTC, rounded to the millisecond, as Excel shows it. In the 1900 system
// Excel takes 1900 for a leap year, as Lotus 1-2-3 did: serials 1 to 59 are 1
// January to 28 February 1900, 60 is the 29 February that never was, and from
// 61 (1 March 1900) on the serials are one day ahead of the calendar; serial 0
// is 0 January 1900 (31 December 1899), which is where a time without a date
// falls. ok is false for serial 60, for negative serials and past 9999.
func (b *Book) Time(serial float64) (t time.Time, ok bool) {
	return SerialTime(serial, b.date1904)
}

// SerialTime is Book.Time for a given date system.
func SerialTime(serial float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(serial) || serial < 0 || serial >= maxSerial+1 {
		return time.Time{}, false
	}
	days := math.Floor(serial)
	ms := math.Round((serial - days) * 86400000)
	var epoch time.Time
	switch {
	case date1904:
		if serial >= maxSerial+1-1462 {
			return time.Time{}, false
		}
		epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days == 60:
		return time.Time{}, false
	case days < 60:
		epoch = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	return epoch.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond), true
}
