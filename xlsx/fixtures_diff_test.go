package xlsx

import (
	"regexp"
	"strings"
	"testing"
)

var cellRefAttr = regexp.MustCompile(`(<c) r="[A-Z]+[0-9]+"`)

func TestAgreesWithExcelizeOnItsOwnWorkbooks(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		data := excelizeWorkbook(t, date1904)
		name := map[bool]string{false: "1900", true: "1904"}[date1904]
		t.Run(name, func(t *testing.T) { compareWithExcelize(t, writeFile(t, "book.xlsx", data)) })
		// Excel may leave out a cell's reference when it follows the one before.
		noRefs := rewriteZip(t, data, func(part string, body []byte) []byte {
			if !strings.HasPrefix(part, "xl/worksheets/") {
				return body
			}
			return cellRefAttr.ReplaceAll(body, []byte("$1"))
		})
		t.Run(name+"/cells without r", func(t *testing.T) { compareWithExcelize(t, writeFile(t, "norefs.xlsx", noRefs)) })
	}
}
