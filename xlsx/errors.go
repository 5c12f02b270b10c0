package xlsx

import (
	"errors"
	"fmt"
)

// ErrNotXLSX is matched (errors.Is) by every FormatError.
var ErrNotXLSX = errors.New("xlsx: not an xlsx workbook")

// FormatError says that a file is not an xlsx workbook and, where it can be
// told, what it is instead.
type FormatError struct {
	Format Format // never FormatXLSX
}

func (e *FormatError) Error() string {
	return "xlsx: not an xlsx workbook: " + e.Format.String()
}

func (e *FormatError) Is(target error) bool { return target == ErrNotXLSX }

// TooLargeError says that reading would inflate more than the limit the caller
// set (Options.MaxUnzipped): a zip bomb, or a workbook far larger than expected.
type TooLargeError struct {
	Limit int64
	// Part is the part being inflated when the limit was passed; "" when the
	// sizes the zip directory declares already add up to more than the limit,
	// which is found before anything is inflated.
	Part     string
	Declared bool // refused on the declared sizes alone
}

func (e *TooLargeError) Error() string {
	if e.Declared {
		return fmt.Sprintf("xlsx: the workbook declares more than %d bytes unzipped", e.Limit)
	}
	return fmt.Sprintf("xlsx: unzipping %s passes the limit of %d bytes", e.Part, e.Limit)
}

// DamagedError says that a workbook is a zip of the right kind whose content
// cannot be read, and where.
type DamagedError struct {
	Part   string // zip entry, e.g. "xl/worksheets/sheet2.xml"; "" for the zip itself
	Sheet  string // sheet name when the part is a sheet
	Row    int    // 1-based, 0 when unknown
	Col    int    // 1-based, 0 when unknown
	Offset int64  // byte offset in the unzipped part, -1 when unknown
	Reason string // in English, for developers; callers word their own message
	Err    error  // underlying error, if any
}

func (e *DamagedError) Error() string {
	msg := "xlsx: damaged workbook"
	if e.Part != "" {
		msg += ": " + e.Part
	}
	if e.Sheet != "" {
		msg += fmt.Sprintf(" (sheet %q)", e.Sheet)
	}
	if e.Row > 0 {
		if e.Col > 0 {
			msg += " cell " + CellName(e.Col, e.Row)
		} else {
			msg += fmt.Sprintf(" row %d", e.Row)
		}
	}
	if e.Offset >= 0 && e.Part != "" {
		msg += fmt.Sprintf(" at byte %d", e.Offset)
	}
	msg += ": " + e.Reason
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *DamagedError) Unwrap() error { return e.Err }
