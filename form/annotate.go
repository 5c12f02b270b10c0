package form

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"dean/atomicfile"
	"dean/submission"
)

// Fills of annotated cells: wrong data red, missing data orange, as the eye
// expects an error and a gap to differ.
const (
	fillWrong   = "FFC7CE"
	fillMissing = "FFE0B2"
)

// Annotate writes dst, a copy of src in which every cell with a problem is filled
// and carries a comment with the messages. Problems of other files are skipped
// (a problem without a file belongs to src); a problem without a cell is noted on
// A1 of its sheet, or of the first sheet, without a fill. src is never modified;
// dst is written whole or not at all.
func Annotate(src, dst string, problems []submission.Problem) error {
	if err := atomicfile.Guard(dst, []string{src}); err != nil {
		return err
	}
	if msg := statMessage(src); msg != "" {
		return fmt.Errorf("%s: %s", src, msg)
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("%s: %s", src, openMessage(err))
	}
	defer in.Close()
	f, err := openForm(in, sheetCount(src))
	if err != nil {
		if f != nil {
			f.Close()
		}
		return fmt.Errorf("%s: %s", src, openMessage(err))
	}
	defer f.Close()

	type spot struct{ sheet, cell string }
	type note struct {
		msgs    []string
		wrong   bool // any problem other than missing data
		located bool // the problem names the cell
	}
	sheets := f.GetSheetList()
	notes := map[spot]*note{}
	var order []spot
	for _, p := range problems {
		if p.File != "" && filepath.Clean(p.File) != filepath.Clean(src) {
			continue
		}
		s := spot{p.Sheet, p.Cell}
		if s.sheet == "" && len(sheets) > 0 {
			s.sheet = sheets[0]
		}
		if !slices.Contains(sheets, s.sheet) {
			continue
		}
		if s.cell == "" {
			s.cell = "A1"
		}
		n := notes[s]
		if n == nil {
			n = &note{}
			notes[s] = n
			order = append(order, s)
		}
		msg := p.Msg
		if p.Input != "" {
			msg = "chỉ số " + p.Input + ": " + msg
		}
		n.msgs = append(n.msgs, msg)
		n.wrong = n.wrong || !p.Missing
		n.located = n.located || p.Cell != ""
	}

	comments := map[string]map[string]string{}
	for _, s := range order {
		n := notes[s]
		if comments[s.sheet] == nil {
			comments[s.sheet] = existingComments(f, s.sheet)
		}
		text := strings.Join(n.msgs, "\n")
		// Excel allows one comment a cell: a comment already there is kept above ours.
		if old, ok := comments[s.sheet][s.cell]; ok {
			if err := f.DeleteComment(s.sheet, s.cell); err != nil {
				return err
			}
			text = old + "\n" + text
		}
		if err := f.AddComment(s.sheet, excelize.Comment{Cell: s.cell, Author: "dean", Text: text, Width: 320, Height: 110}); err != nil {
			return fmt.Errorf("trang %q, ô %s: %w", s.sheet, s.cell, err)
		}
		if !n.located {
			continue
		}
		color := fillMissing
		if n.wrong {
			color = fillWrong
		}
		if err := fill(f, s.sheet, s.cell, color); err != nil {
			return fmt.Errorf("trang %q, ô %s: %w", s.sheet, s.cell, err)
		}
	}
	// WriteTo would otherwise insist on src's file extension.
	f.Path = ""
	// excelize keeps each sheet's declared range as it was; a form made by an
	// older dean, or by another program, may declare "A1" alone.
	f.SetZipWriter(newDimensionZip)
	return atomicfile.Write(dst, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

func existingComments(f *excelize.File, sheet string) map[string]string {
	m := map[string]string{}
	cs, _ := f.GetComments(sheet)
	for _, c := range cs {
		t := c.Text
		for _, r := range c.Paragraph {
			t += r.Text
		}
		m[c.Cell] = t
	}
	return m
}

// fill colours a cell, keeping the rest of its style (borders, number format,
// protection).
func fill(f *excelize.File, sheet, cell, color string) error {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(id)
	if err != nil {
		return err
	}
	st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	if st.Font != nil {
		st.Font.Color = rgb(st.Font.Color)
	}
	for i := range st.Border {
		st.Border[i].Color = rgb(st.Border[i].Color)
	}
	if id, err = f.NewStyle(st); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, id)
}

// rgb turns a colour read back from a style into the 6 hex digits NewStyle
// expects. excelize strips only an "FF" alpha when it reads a style, and NewStyle
// prefixes "FF" to what it is given: a colour written with another alpha, as
// openpyxl writes "00000000", would come out as 10 digits, which openpyxl then
// refuses to open. Excel ignores the alpha of cell colours, so it is dropped; a
// colour that is not hex at all is dropped too (the default colour applies).
func rgb(c string) string {
	c = strings.TrimPrefix(c, "#")
	if len(c) == 8 {
		c = c[2:]
	}
	if len(c) != 6 {
		return ""
	}
	for _, r := range c {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return ""
		}
	}
	return strings.ToUpper(c)
}
