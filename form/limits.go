package form

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// How big a form may be unzipped. A template of dean's is about 50 KB a ward
// (with its text inline; Excel, saving it again, makes it smaller), so a form of
// the whole country, 3 321 wards, is about 170 MB: no fixed limit both lets it in
// and stops a zip bomb early for a form of one district. The limit therefore
// grows with the wards a form can hold, with a floor that leaves room for
// workbooks Excel has bloated with styles and formatting. excelize checks it
// against the sizes the zip declares, before unzipping anything, so a bomb is
// refused at once; a worksheet above the XML limit is spilled to a temporary
// file rather than held in memory.
const (
	unzipFloor        = 64 << 20
	unzipPerWard      = 128 << 10
	unzipXMLSizeLimit = 16 << 20
	// annotateMaxWards bounds what a workbook's own count of sheets can raise
	// the limit to when no units list says how many wards there are: more wards
	// than Vietnam has communes of every kind.
	annotateMaxWards = 12000
)

// unzipLimit is how big a form for a units list of that many wards may be.
func unzipLimit(wards int) int64 {
	return unzipFloor + int64(max(wards, 0))*unzipPerWard
}

// tooLarge is a workbook above the limit.
type tooLarge struct{ limit int64 }

func (e tooLarge) Error() string {
	return fmt.Sprintf("tệp quá lớn để là một biểu mẫu (giải nén vượt %d MiB)", e.limit>>20)
}

// openForm opens a workbook that may hold up to that many ward sheets. Cells are
// read raw, so that a number formatted "#,##0" comes back as 1234, not as the
// "1,234" Excel shows, which the Vietnamese reading of text would take for 1,234.
func openForm(r io.Reader, wards int) (*excelize.File, error) {
	limit := unzipLimit(wards)
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: limit, UnzipXMLSizeLimit: unzipXMLSizeLimit})
	if err != nil && strings.Contains(err.Error(), "unzip size exceeds") {
		err = tooLarge{limit}
	}
	return f, err
}

// sheetCount is how many worksheets a workbook's zip directory lists, read
// without unzipping anything: the wards an annotated copy may hold, when no
// units list is at hand.
func sheetCount(path string) int {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0 // excelize will say what is wrong with it
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/sheet") {
			n++
		}
	}
	return min(n, annotateMaxWards)
}
