package xlsx

import (
	"math"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestSerialTime(t *testing.T) {
	day := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	for _, tc := range []struct {
		serial   float64
		date1904 bool
		want     time.Time
		ok       bool
	}{
		{0, false, day(1899, 12, 31, 0, 0), true}, // "0 January 1900", where times fall
		{0.5, false, day(1899, 12, 31, 12, 0), true},
		{1, false, day(1900, 1, 1, 0, 0), true},
		{59, false, day(1900, 2, 28, 0, 0), true},
		{60, false, time.Time{}, false}, // 29 February 1900, which Excel counts and the calendar does not
		{60.5, false, time.Time{}, false},
		{61, false, day(1900, 3, 1, 0, 0), true},
		{31117, false, day(1985, 3, 11, 0, 0), true},
		{45000.25, false, day(2023, 3, 15, 6, 0), true},
		{45351.5625, false, day(2024, 2, 29, 13, 30), true},
		{2958465.5, false, day(9999, 12, 31, 12, 0), true},
		{2958466, false, time.Time{}, false},
		{-1, false, time.Time{}, false},
		{math.NaN(), false, time.Time{}, false},
		{0, true, day(1904, 1, 1, 0, 0), true},
		{60, true, day(1904, 3, 1, 0, 0), true},
		{43889.5625, true, day(2024, 2, 29, 13, 30), true},
		{2957003, true, day(9999, 12, 31, 0, 0), true},
		{2957004, true, time.Time{}, false},
	} {
		got, ok := SerialTime(tc.serial, tc.date1904)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("SerialTime(%v, %v) = %v, %v; want %v, %v", tc.serial, tc.date1904, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSerialTimeAgreesWithExcelize over the days after the leap-year bug, at
// whole minutes (excelize rounds to the microsecond, Excel to the millisecond).
func TestSerialTimeAgreesWithExcelize(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		for serial := 61.0; serial < 80000; serial += 97.125 {
			got, ok := SerialTime(serial, date1904)
			want, err := excelize.ExcelDateToTime(serial, date1904)
			if !ok || err != nil || !got.Equal(want) {
				t.Fatalf("SerialTime(%v, %v) = %v, %v; excelize %v, %v", serial, date1904, got, ok, want, err)
			}
		}
	}
}
