package form

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// withDimension returns a worksheet's XML with a <dimension> that declares the
// range its cells take up. Readers such as openpyxl in read-only mode, the usual
// way to read a big workbook in Python, trust it and read nothing outside it;
// excelize keeps whatever the sheet had, "A1" for sheets it made. A cell counts
// whether or not it holds a value: a styled empty cell is part of the sheet.
// The rest of the XML is kept byte for byte.
func withDimension(src []byte) ([]byte, error) {
	s, err := scanSheet(src)
	if err != nil {
		return nil, err
	}
	elem := []byte("<" + s.prefix + `dimension ref="` + s.usedRange() + `"/>`)
	var out bytes.Buffer
	out.Grow(len(src) + len(elem))
	switch {
	case s.dimStart >= 0:
		out.Write(src[:s.dimStart])
		out.Write(elem)
		out.Write(src[s.dimEnd:])
	default: // none: it goes after <sheetPr>, which comes first when there is one
		out.Write(src[:s.insertAt])
		out.Write(elem)
		out.Write(src[s.insertAt:])
	}
	return out.Bytes(), nil
}

// sheetScan is what withDimension learns from a worksheet's XML.
type sheetScan struct {
	prefix           string // of the worksheet element, "x:" or ""
	dimStart, dimEnd int64  // byte range of the <dimension> element, -1 if none
	insertAt         int64  // where a missing <dimension> goes
	minRow, minCol   int
	maxRow, maxCol   int
}

func (s *sheetScan) usedRange() string {
	if s.maxRow == 0 {
		return "A1" // an empty sheet, as Excel declares it
	}
	a, _ := excelize.CoordinatesToCellName(s.minCol, s.minRow)
	b, _ := excelize.CoordinatesToCellName(s.maxCol, s.maxRow)
	if a == b {
		return a
	}
	return a + ":" + b
}

var errNotWorksheet = errors.New("form: không phải XML của một trang tính")

// scanSheet reads a worksheet up to the end of its cells. Rows and cells may
// leave out their reference ("r"), as the format allows: they then follow the
// row or cell before them.
func scanSheet(src []byte) (*sheetScan, error) {
	s := &sheetScan{dimStart: -1, insertAt: -1}
	d := xml.NewDecoder(bytes.NewReader(src))
	depth, row, col := 0, 0, 0
	inSheetData := false
	for {
		start := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1:
				if t.Name.Local != "worksheet" {
					return nil, errNotWorksheet
				}
				if t.Name.Space != "" {
					s.prefix = t.Name.Space + ":"
				}
				s.insertAt = d.InputOffset()
			case depth == 2 && t.Name.Local == "dimension" && s.dimStart < 0:
				s.dimStart = start
			case depth == 2 && t.Name.Local == "sheetData":
				inSheetData = true
			case depth == 3 && inSheetData && t.Name.Local == "row":
				row++
				col = 0
				if r, ok := attr(t, "r"); ok {
					n, err := strconv.Atoi(r)
					if err != nil || n < 1 || n > excelize.TotalRows {
						return nil, errors.New("form: số dòng không hợp lệ: " + r)
					}
					row = n
				}
			case depth == 4 && inSheetData && t.Name.Local == "c":
				col++
				r := row
				if ref, ok := attr(t, "r"); ok {
					c, rr, err := excelize.CellNameToCoordinates(ref)
					if err != nil {
						return nil, err
					}
					col, r = c, rr
				}
				if r < 1 {
					return nil, errors.New("form: ô nằm ngoài mọi dòng")
				}
				if err := s.add(r, col); err != nil {
					return nil, err
				}
			}
		case xml.EndElement:
			switch {
			case depth == 2 && t.Name.Local == "dimension" && s.dimStart >= 0 && s.dimEnd == 0:
				s.dimEnd = d.InputOffset()
			case depth == 2 && t.Name.Local == "sheetPr":
				s.insertAt = d.InputOffset()
			case depth == 2 && t.Name.Local == "sheetData":
				return s, s.check()
			}
			depth--
		}
	}
	// Every worksheet has a sheetData, even an empty one.
	return nil, errNotWorksheet
}

func (s *sheetScan) check() error {
	if s.insertAt < 0 {
		return errNotWorksheet
	}
	if s.dimStart >= 0 && s.dimEnd == 0 {
		return errors.New("form: thẻ dimension không đóng")
	}
	return nil
}

func (s *sheetScan) add(row, col int) error {
	if col > excelize.MaxColumns {
		return errors.New("form: ô vượt cột cuối cùng")
	}
	if s.maxRow == 0 {
		s.minRow, s.minCol, s.maxRow, s.maxCol = row, col, row, col
		return nil
	}
	s.minRow, s.minCol = min(s.minRow, row), min(s.minCol, col)
	s.maxRow, s.maxCol = max(s.maxRow, row), max(s.maxCol, col)
	return nil
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}
