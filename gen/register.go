package gen

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"dean/units"
)

// Recognition is a decision of the Ministry recognising a ward as a model ward
// for a year.
type Recognition struct {
	Ward     units.Ward // in the list in force for the year's annual assessment
	Year     int
	Decision string // number and symbol: "1520/QĐ-BCA-V05"
	Date     time.Time
}

// Register returns the recognitions that go with History, by year and date: each
// names a ward that History's annual filing for that year scores 22/22.
func Register() ([]Recognition, error) {
	var rs []Recognition
	for _, r := range recognitions {
		l, ok := units.Named(r.list)
		if !ok {
			return nil, fmt.Errorf("gen: không có danh mục %s", r.list)
		}
		w, ok := l.ByCode(r.code)
		if !ok {
			return nil, fmt.Errorf("gen: danh mục %s không có phường mã %s", r.list, r.code)
		}
		d, err := time.Parse("02/01/2006", r.date)
		if err != nil {
			return nil, fmt.Errorf("gen: ngày quyết định %q: %w", r.date, err)
		}
		rs = append(rs, Recognition{Ward: w, Year: r.year, Decision: r.decision, Date: d})
	}
	return rs, nil
}

// RegisterHeader is the register's header line.
var RegisterHeader = []string{"danh_muc", "ma_phuong", "ten_phuong", "nam", "so_quyet_dinh", "ngay_quyet_dinh"}

// WriteRegister writes the register as Excel saves "CSV UTF-8": a byte-order
// mark, commas, CRLF line ends; dates as dd/mm/yyyy.
func WriteRegister(w io.Writer, rs []Recognition) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(RegisterHeader)
	for _, r := range rs {
		cw.Write([]string{r.Ward.List, r.Ward.Code, r.Ward.Name, strconv.Itoa(r.Year), r.Decision, r.Date.Format("02/01/2006")})
	}
	cw.Flush()
	return cw.Error()
}
