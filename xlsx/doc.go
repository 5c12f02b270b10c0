// Package xlsx is a read-only, streaming reader of .xlsx workbooks, made for
// scanning many small forms fast: it inflates each part with archive/zip and
// reads its XML with a small byte scanner instead of encoding/xml, hands out a
// sheet's rows one at a time without allocating per cell, and keeps what
// excelize's streaming read loses — each cell's type as stored (number, text,
// boolean, error, ISO date), its raw value exactly as written ("31117.0",
// "1.5E-3"), whether it holds a formula, and the class of its number format
// (date, time, date-time, duration, text, number).
//
// A Book reads the workbook part, its relationships, the styles and the shared
// strings when it is opened; each sheet is then read in one pass:
//
//	b, err := xlsx.Open(path, xlsx.Options{MaxUnzipped: limit})
//	...
//	defer b.Close()
//	for i, sh := range b.Sheets() {
//		rows, err := b.Rows(i)
//		...
//		for rows.Next() {
//			r := rows.Row()
//			for _, c := range r.Cells { ... c.Col, c.Kind, c.Value, c.Format.Class ... }
//		}
//		merges, err := rows.Merges() // they follow the rows in the file
//		rows.Close()
//	}
//
// Hostile files are bounded: the bytes inflated across all parts read never
// exceed Options.MaxUnzipped (declared sizes are checked before anything is
// inflated, actual bytes as they come), and no XML tag or text run longer than
// Options.MaxElement is held. Everything the reader keeps grows at most in
// proportion to the bytes inflated. What cannot be read is told apart by type —
// FormatError (another kind of file: an .xls, an encrypted workbook, an .ods,
// text), TooLargeError, DamagedError (with part, sheet, row and cell) — so that a
// caller can word each case for its users.
//
// Dates are numbers in a date or time format (Format.Class.Temporal) or, rarely,
// ISO 8601 text in cells of KindDate; Book.Time turns a serial into a time as
// Excel would show it. Detect and Sniff tell what a file is without opening it
// as a workbook.
//
// The reader does not evaluate formulas (it gives the cached result Excel or
// LibreOffice stored, if any), format values, or read styles beyond number
// formats. It keeps text as stored, spaces included, as excelize does. It
// compares element names by their local part, without resolving namespaces.
// It is stricter than excelize where excelize reads on silently: rows or cells
// out of order, end tags that do not match, unknown cell types, shared strings
// that do not exist are damage.
//
// A Book is for one goroutine; separate Books may be read in parallel.
package xlsx
