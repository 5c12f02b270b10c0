// Package form is the data-entry workbook the districts fill in: Write makes the
// template, Read reads filled workbooks back and reports every problem at once, and
// Annotate marks those problems in a copy of a workbook.
//
// The layout is a contract with the districts and with any program that writes the
// workbook instead of dean. A reader relies only on text, never on positions:
//
//   - a sheet named "Hướng dẫn" (instructions, criteria version, period); every other
//     sheet holds one ward;
//   - above the table, label cells ("Mã phường", "Tên phường", "Quận", "Kỳ báo cáo",
//     "Phiên bản bộ tiêu chí") with their value in the next non-empty cell to the right;
//   - a header row, within the first 30 rows, holding "Mã chỉ số", "Kỳ này" and
//     "Cùng kỳ năm trước" (dean also writes "STT", "Nội dung", "Đơn vị tính" and
//     "Ghi chú"); below it one row per input, its id under "Mã chỉ số".
package form

import (
	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/units"
)

// Options is what a template is made for.
type Options struct {
	Set    *criteria.Set
	Wards  []units.Ward
	Period period.Period
	Values map[string]score.Values // by ward code; nil/absent for blank forms. Used by the test-data generator to write filled forms.
	// Prefill is what dean holds of each ward's same period a year earlier, by
	// ward code: written into "Cùng kỳ năm trước", marked, with a note.
	Prefill map[string]Prefill
	// SheetDone, when set, is called as each ward's sheet is laid out; with
	// WriteFiles, from several goroutines at once.
	SheetDone func()
}

// Prefill is one ward's last-year values from the archive.
type Prefill struct {
	Values map[string]int64 // by input id; only inputs compared year over year are written
	// Note says where the values come from ("kỳ 2024, gồm phường Thới Bình, Tân
	// An (cũ), Xuân Khánh"), or why there are none; it is written in "Ghi chú"
	// after prefillMark on every row compared year over year.
	Note string
	// Partial: a ward taken only in part is summed whole; the cells are
	// coloured to be checked.
	Partial bool
}

// prefillMark opens the note of a pre-filled row: the reader knows a pre-filled
// "Cùng kỳ năm trước" by it.
const prefillMark = "Cùng kỳ năm trước do dean điền sẵn từ kho lưu trữ"

// Texts of the contract: the reader finds cells by these, so they never change
// without a new criteria version.
const (
	guideSheet = "Hướng dẫn"

	labelCode     = "Mã phường"
	labelName     = "Tên phường"
	labelDistrict = "Quận"
	labelPeriod   = "Kỳ báo cáo"
	labelVersion  = "Phiên bản bộ tiêu chí"

	colSTT  = "STT"
	colID   = "Mã chỉ số"
	colText = "Nội dung"
	colUnit = "Đơn vị tính"
	colNow  = "Kỳ này"
	colPrev = "Cùng kỳ năm trước"
	colNote = "Ghi chú"

	yes = "Có"
	no  = "Không"
)

var headers = []string{colSTT, colID, colText, colUnit, colNow, colPrev, colNote}

// headerScanRows bounds the search for the header row, so a sheet that is not a
// form is rejected quickly instead of read to its end.
const headerScanRows = 30
