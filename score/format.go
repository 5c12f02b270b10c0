package score

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dean/parallel"
)

// Formats are the ways a result is written, by the name --format takes.
var Formats = map[string]func(io.Writer, Result) error{
	"table": WriteTable, "json": WriteJSON, "csv": WriteCSV,
}

// WriteJSON writes the result as json.Encoder with a two-space indent would, but
// one ward at a time: a nationwide run is tens of megabytes of JSON, which should
// not sit in memory twice (encoded, then indented).
func WriteJSON(w io.Writer, res Result) error {
	bw := bufio.NewWriter(w)
	field := func(name string, v any, last bool) error {
		b, err := marshal(v, "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(bw, "  %q: %s", name, b)
		if !last {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		return nil
	}
	bw.WriteString("{\n")
	if err := field("criteria", res.Criteria, false); err != nil {
		return err
	}
	if err := field("period", res.Period, false); err != nil {
		return err
	}
	bw.WriteString("  \"wards\": [")
	// Wards are encoded in parallel, a chunk at a time, then written in order:
	// encoding is most of the work after reading, and a chunk bounds the memory.
	// Each chunk reuses the last one's buffers, which a nationwide result would
	// otherwise grow afresh, 200 MB of garbage, for every ward.
	const chunk = 256
	encoded := make([][]byte, chunk)
	for start := 0; start < len(res.Wards); start += chunk {
		part := res.Wards[start:min(start+chunk, len(res.Wards))]
		parallel.For(len(part), func(i int) { encoded[i] = appendWard(encoded[i][:0], part[i], "    ") })
		for i, b := range encoded[:len(part)] {
			if start+i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(b)
		}
	}
	if len(res.Wards) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	if err := field("summary", res.Summary, true); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func marshal(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// WriteNotice says, above what a command prints, how the criteria in force
// depart from the bundled ones; nothing when they do not.
func WriteNotice(w io.Writer, info Info) {
	if len(info.Departures) == 0 {
		return
	}
	fmt.Fprintln(w, "CHẤM LẠI, KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC: bộ tiêu chí đã dùng khác bộ tiêu chí kèm theo dean.")
	for _, d := range info.Departures {
		fmt.Fprintln(w, "  "+d.Text)
	}
	fmt.Fprintln(w)
}

// WriteTable writes the table a user reads on the terminal, then the summary.
func WriteTable(w io.Writer, res Result) error {
	WriteNotice(w, res.Criteria)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	districts := res.HasDistricts()
	fmt.Fprintln(tw, strings.Join(withDistrict(districts, []string{"MÃ", "PHƯỜNG"}, "QUẬN", "ĐẠT", "TIÊU CHÍ KHÔNG ĐẠT", "THIẾU DỮ LIỆU"), "\t"))
	for _, wd := range res.Wards {
		fmt.Fprintln(tw, strings.Join(withDistrict(districts, []string{wd.Code, wd.Name}, wd.District,
			fmt.Sprintf("%d/%d", wd.Passed, wd.Total), dash(wd.With(Fail)), dash(wd.With(Missing))), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	total := 0
	if len(res.Wards) > 0 {
		total = res.Wards[0].Total
	}
	fmt.Fprintf(w, "\nTổng hợp %s: %d phường, %d phường đạt chuẩn (%d/%d tiêu chí).\n",
		periodText(res.Period), res.Summary.Wards, res.Summary.ModelWards, total, total)
	if len(res.Wards) > 0 {
		fmt.Fprintln(w, upperFirst(res.Summary.Sentence(total))+".")
	}
	if t := res.Summary.NotSubmittedText(); t != "" {
		fmt.Fprintln(w, t)
	}
	return nil
}

// withDistrict is head, the district where the wards have one (the lists
// before 1/7/2025), then rest.
func withDistrict(districts bool, head []string, district string, rest ...string) []string {
	if districts {
		head = append(head, district)
	}
	return append(head, rest...)
}

func periodText(code string) string {
	if code == "" {
		return "(không rõ kỳ)"
	}
	return "kỳ " + code
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

func dash(ids []string) string {
	if len(ids) == 0 {
		return "—"
	}
	return strings.Join(ids, ", ")
}

// WriteCSV writes UTF-8 with a BOM, which Excel needs to show the diacritics.
func WriteCSV(w io.Writer, res Result) error {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true // Excel on Windows
	districts := res.HasDistricts()
	header := withDistrict(districts, []string{"Mã phường", "Tên phường"}, "Quận", "Số tiêu chí đạt", "Tổng số tiêu chí", "Đạt chuẩn")
	if len(res.Wards) > 0 {
		for _, c := range res.Wards[0].Criteria {
			header = append(header, c.ID)
		}
	}
	cw.Write(header)
	for _, wd := range res.Wards {
		row := withDistrict(districts, []string{wd.Code, wd.Name}, wd.District, fmt.Sprint(wd.Passed), fmt.Sprint(wd.Total), map[bool]string{true: "Có", false: "Không"}[wd.Model])
		for _, c := range wd.Criteria {
			row = append(row, c.Verdict.Text())
		}
		for i := range row {
			row[i] = Neutralise(row[i])
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

// Neutralise stops a spreadsheet from running a cell as a formula (CSV injection):
// a value that begins with = + - @ (or a tab or carriage return) is prefixed with '.
func Neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", []rune(s)[0]) {
		return "'" + s
	}
	return s
}
