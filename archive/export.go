package archive

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
)

// Row is one stored value as an analyst loads it: one row per ward and input.
type Row struct {
	Period    string `json:"ky"`
	List      string `json:"danh_muc"`
	Code      string `json:"ma_phuong"`
	Name      string `json:"ten_phuong"`
	Input     string `json:"ma_chi_so"`
	Now       *int64 `json:"ky_nay"`            // null: missing
	Prev      *int64 `json:"cung_ky_nam_truoc"` // null: missing, or not asked
	Prefilled bool   `json:"cung_ky_dien_san"`  // last year was pre-filled by dean from the archive
	File      string `json:"tep"`
	Sheet     string `json:"trang"`
	NowCell   string `json:"o_ky_nay"`
	PrevCell  string `json:"o_cung_ky"`
	SHA256    string `json:"sha256"`
}

// Rows flattens records into one row per ward and input, in record order.
func Rows(recs []Record) []Row {
	var rows []Row
	for _, r := range recs {
		for _, v := range r.Values {
			row := Row{Period: r.Period, List: r.Ward.List, Code: r.Ward.Code, Name: r.Ward.Name, Input: v.Input,
				Prefilled: v.PrevPrefilled, File: r.Source.File, Sheet: r.Source.Sheet,
				NowCell: v.NowAt.String(), PrevCell: v.PrevAt.String(), SHA256: r.Source.SHA256}
			if v.Now.OK {
				n := v.Now.V
				row.Now = &n
			}
			if v.Prev.OK {
				p := v.Prev.V
				row.Prev = &p
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// ExportFormats are the ways rows are written, by the name --format takes.
var ExportFormats = map[string]func(io.Writer, []Row) error{"csv": WriteRowsCSV, "json": WriteRowsJSON}

// WriteRowsCSV writes UTF-8 with a BOM and CRLF, as Excel on Windows reads it; a
// missing value is an empty cell, never 0.
func WriteRowsCSV(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cw.Write([]string{"ky", "danh_muc", "ma_phuong", "ten_phuong", "ma_chi_so", "ky_nay", "cung_ky_nam_truoc",
		"cung_ky_dien_san", "tep", "trang", "o_ky_nay", "o_cung_ky", "sha256"})
	num := func(n *int64) string {
		if n == nil {
			return ""
		}
		return strconv.FormatInt(*n, 10)
	}
	for _, r := range rows {
		pre := "Không"
		if r.Prefilled {
			pre = "Có"
		}
		rec := []string{r.Period, r.List, r.Code, r.Name, r.Input, num(r.Now), num(r.Prev), pre, r.File, r.Sheet, r.NowCell, r.PrevCell, r.SHA256}
		for i := range rec {
			rec[i] = neutralise(rec[i])
		}
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteRowsJSON writes the rows as one JSON array.
func WriteRowsJSON(w io.Writer, rows []Row) error {
	if rows == nil {
		rows = []Row{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rows); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// neutralise stops a spreadsheet from running a text cell as a formula; numbers
// (a leading minus cannot occur in a count) are left alone.
func neutralise(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
