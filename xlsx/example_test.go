package xlsx_test

import (
	"fmt"
	"log"

	"dean/xlsx"
)

// Reading a form filled in with LibreOffice: each cell's kind, raw value,
// number format and formula, as stored.
func Example() {
	b, err := xlsx.Open("testdata/libreoffice/o-mon-filled.xlsx", xlsx.Options{MaxUnzipped: 8 << 20})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	sheet := 1
	rows, err := b.Rows(sheet)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		row := rows.Row()
		if row.Num < 19 || row.Num > 25 {
			continue
		}
		c := row.Cell(5) // column E, "Kỳ này"
		if c == nil {
			continue
		}
		fmt.Printf("%s %-6s %-10q %-9s formula=%v\n", xlsx.CellName(c.Col, row.Num), c.Kind, c.Value, c.Format.Class, c.Formula)
		if c.Kind == xlsx.KindNumber && c.Format.Class.Temporal() {
			var serial float64
			fmt.Sscan(string(c.Value), &serial)
			t, _ := b.Time(serial)
			fmt.Println("   ", t.Format("02/01/2006 15:04"))
		}
	}
	if err := rows.Err(); err != nil {
		log.Fatal(err)
	}
	merges, _ := rows.Merges()
	fmt.Println(b.Sheets()[sheet].Name, len(merges), "merged ranges, the last", merges[len(merges)-1])
	// Output:
	// E19 number "12"       number    formula=false
	// E20 number "31117"    number    formula=false
	// E21 blank  ""         general   formula=false
	// E22 text   "khoảng 5" number    formula=false
	// E23 number "1"        number    formula=true
	// E24 number "46096"    date      formula=false
	//     15/03/2026 00:00
	// E25 number "0.5"      time      formula=false
	//     31/12/1899 12:00
	// Châu Văn Liêm 31 merged ranges, the last A120:G120
}
