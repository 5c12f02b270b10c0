package assess

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"dean/score"
)

// ChangeFormats are the ways Changes are written, by the name --format takes.
var ChangeFormats = map[string]func(io.Writer, Changes) error{
	"table": WriteChangesTable, "json": WriteChangesJSON, "csv": WriteChangesCSV,
}

// WriteChangesJSON writes the changes as other programs read them: one entry per
// flipped (ward, criterion) and the per-ward totals before and after.
func WriteChangesJSON(w io.Writer, c Changes) error {
	if c.Wards == nil {
		c.Wards = []WardChange{}
	}
	if c.Flips == nil {
		c.Flips = []Flip{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// WriteChangesTable writes what a person checks after changing a threshold: the
// wards whose totals moved, then criterion by criterion the wards that flipped,
// with the explanation before and after.
func WriteChangesTable(w io.Writer, c Changes) error {
	bw := bufio.NewWriter(w)
	if len(c.Criteria.Departures) == 0 {
		fmt.Fprintf(bw, "Chấm lại với bộ tiêu chí kèm theo dean (phiên bản %s).\n\n", c.Criteria.Version)
	} else {
		fmt.Fprintln(bw, "Chấm lại với bộ tiêu chí khác bộ tiêu chí kèm theo dean:")
		for _, d := range c.Criteria.Departures {
			fmt.Fprintln(bw, "  "+d.Text)
		}
		fmt.Fprintln(bw)
	}
	if len(c.Flips) == 0 && len(c.Wards) == 0 {
		fmt.Fprintln(bw, "Không phường nào đổi kết quả so với lần chấm đã lưu.")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "%d phường đổi số tiêu chí đạt hoặc đạt chuẩn:\n", len(c.Wards))
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KỲ\tMÃ\tPHƯỜNG\tTRƯỚC\tSAU\tĐẠT CHUẨN")
	for _, x := range c.Wards {
		model := "—"
		switch {
		case x.Before.Model && !x.After.Model:
			model = "mất chuẩn"
		case !x.Before.Model && x.After.Model:
			model = "đạt chuẩn"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d\t%d/%d\t%s\n", x.Period, x.Code, x.Name, x.Before.Passed, x.Before.Total, x.After.Passed, x.After.Total, model)
	}
	tw.Flush()
	for _, group := range c.ByCriterion() {
		f := group[0]
		fmt.Fprintf(bw, "\n%s %s: %d phường đổi kết quả\n", f.Criterion, f.Title, len(group))
		for _, f := range group {
			fmt.Fprintf(bw, "  kỳ %s, %s %s: %s → %s\n", f.Period, f.Code, f.Name, f.Before.Text(), f.After.Text())
			fmt.Fprintf(bw, "    trước: %s\n    sau:   %s\n", f.BeforeText, f.AfterText)
		}
	}
	return bw.Flush()
}

// WriteChangesCSV writes one row per flipped criterion, for Excel (UTF-8 with a
// BOM, CRLF).
func WriteChangesCSV(w io.Writer, c Changes) error {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	cw.Write([]string{"Kỳ", "Danh mục", "Mã phường", "Tên phường", "Tiêu chí", "Trước", "Sau", "Giải thích trước", "Giải thích sau"})
	for _, f := range c.Flips {
		row := []string{f.Period, f.List, f.Code, f.Name, f.Criterion, f.Before.Text(), f.After.Text(), f.BeforeText, f.AfterText}
		for i := range row {
			row[i] = score.Neutralise(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
