package xlsx

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// The differential tests hold the reader to excelize, which dean read its forms
// with: sheet names and states, the date system, and for every cell either
// reader sees its raw value, type, style, number format and whether it has a
// formula; each sheet's merged ranges and dimension.

// snapshot is a workbook as both readers can tell it.
type snapshot struct {
	Date1904 bool
	Sheets   []sheetSnap
}

type sheetSnap struct {
	Name   string
	State  string
	Cells  map[string]cellSnap // by reference
	Merges []string
	Dim    string
}

type cellSnap struct {
	Value   string
	Kind    string // the Kind, or for excelize the kinds its type allows, as "text|blank"
	Formula bool
	Style   int
	FmtID   int    // -1 for a custom format
	FmtCode string // only for custom formats
}

// readSnapshot is the workbook as package xlsx reads it.
func readSnapshot(path string) (*snapshot, error) {
	b, err := Open(path, Options{})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	snap := &snapshot{Date1904: b.Date1904()}
	for i, sh := range b.Sheets() {
		ss := sheetSnap{Name: sh.Name, State: [...]string{"visible", "hidden", "hidden"}[sh.State], Cells: map[string]cellSnap{}}
		if sh.Type == Worksheet {
			rows, err := b.Rows(i)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				r := rows.Row()
				for _, c := range r.Cells {
					cs := cellSnap{Value: string(c.Value), Kind: c.Kind.String(), Formula: c.Formula, Style: c.Style, FmtID: c.Format.ID}
					switch {
					case custom(c.Format):
						cs.FmtID, cs.FmtCode = -1, c.Format.Code
					case builtins[c.Format.ID] == nil:
						cs.FmtID = 0 // excelize gives an id it does not know as General
					}
					ss.Cells[CellName(c.Col, r.Num)] = cs
				}
			}
			merges, err := rows.Merges()
			if err != nil {
				return nil, err
			}
			for _, m := range merges {
				ss.Merges = append(ss.Merges, m.String())
			}
			if d, ok := rows.Dimension(); ok {
				ss.Dim = d.String()
			}
			rows.Close()
		}
		snap.Sheets = append(snap.Sheets, ss)
	}
	return snap, nil
}

// custom reports whether a format is the workbook's own rather than built in.
func custom(f *NumFormat) bool { return builtins[f.ID] != f && f.Code != "" }

// excelizeSnapshot is the workbook as excelize reads it, over the cells of
// like (the other reader's snapshot) and every cell excelize finds a value in.
func excelizeSnapshot(path string, like *snapshot) (*snapshot, error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	snap := &snapshot{}
	styles := map[int]*excelize.Style{}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		snap.Date1904 = *p.Date1904
	}
	for i, name := range f.GetSheetList() {
		ss := sheetSnap{Name: name, State: "visible", Cells: map[string]cellSnap{}}
		if v, err := f.GetSheetVisible(name); err == nil && !v {
			ss.State = "hidden"
		}
		refs := map[string]bool{}
		if i < len(like.Sheets) {
			for ref := range like.Sheets[i].Cells {
				refs[ref] = true
			}
		}
		rows, err := f.GetRows(name)
		if err != nil {
			// A chart sheet has no rows.
			snap.Sheets = append(snap.Sheets, ss)
			continue
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					refs[CellName(c+1, r+1)] = true
				}
			}
		}
		for ref := range refs {
			// GetCellValue gives a merged cell the value of its range's first
			// cell: the value is taken from GetRows, which does not.
			col, row, _ := ParseCell(ref)
			value := ""
			if row <= len(rows) && col <= len(rows[row-1]) {
				value = rows[row-1][col-1]
			}
			cs, err := excelizeCell(f, name, ref, value, styles)
			if err != nil {
				return nil, fmt.Errorf("%s!%s: %w", name, ref, err)
			}
			ss.Cells[ref] = cs
		}
		merges, err := f.GetMergeCells(name)
		if err != nil {
			return nil, err
		}
		for _, m := range merges {
			r, _ := ParseRange(m.GetStartAxis() + ":" + m.GetEndAxis())
			ss.Merges = append(ss.Merges, r.String())
		}
		if d, err := f.GetSheetDimension(name); err == nil && d != "" {
			r, _ := ParseRange(d)
			ss.Dim = r.String()
		}
		snap.Sheets = append(snap.Sheets, ss)
	}
	return snap, nil
}

func excelizeCell(f *excelize.File, sheet, ref, value string, styles map[int]*excelize.Style) (cellSnap, error) {
	cs := cellSnap{Value: value}
	var err error
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		return cs, err
	}
	formula, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		return cs, err
	}
	cs.Formula = formula != ""
	if cs.Style, err = f.GetCellStyle(sheet, ref); err != nil {
		return cs, err
	}
	st, ok := styles[cs.Style]
	if !ok {
		if st, err = f.GetStyle(cs.Style); err != nil {
			return cs, err
		}
		styles[cs.Style] = st
	}
	cs.FmtID = st.NumFmt
	if st.CustomNumFmt != nil {
		// excelize does not tell a custom format's id.
		cs.FmtID, cs.FmtCode = -1, *st.CustomNumFmt
	}
	kind := map[excelize.CellType]string{
		excelize.CellTypeBool: "bool", excelize.CellTypeDate: "date", excelize.CellTypeError: "error",
		excelize.CellTypeNumber: "number", excelize.CellTypeUnset: "number", excelize.CellTypeSharedString: "text",
		excelize.CellTypeInlineString: "text", excelize.CellTypeFormula: "text",
	}[typ]
	if cs.Value == "" {
		kind = "blank|" + kind // no value stored, or an empty one
	}
	cs.Kind = kind
	return cs, nil
}

// diffSnapshots compares the two readings, allowing for what excelize cannot
// tell: a kind it gives as alternatives.
func diffSnapshots(got, want *snapshot) string {
	for i := range want.Sheets {
		if i >= len(got.Sheets) {
			break
		}
		for ref, w := range want.Sheets[i].Cells {
			g, ok := got.Sheets[i].Cells[ref]
			if !ok {
				// A cell the file does not store reads as blank in excelize.
				g = cellSnap{Kind: "blank", FmtID: w.FmtID, FmtCode: w.FmtCode, Style: w.Style}
				if w.Value == "" && !w.Formula {
					got.Sheets[i].Cells[ref] = g
					continue
				}
			}
			for _, k := range strings.Split(w.Kind, "|") {
				if k == g.Kind {
					w.Kind = g.Kind
				}
			}
			want.Sheets[i].Cells[ref] = w
		}
	}
	if reflect.DeepEqual(want, got) {
		return "" // cmp.Diff takes as long to say so: most of a workbook's time
	}
	return cmp.Diff(want, got)
}

// compareWithExcelize fails the test where the two readers disagree on a file.
func compareWithExcelize(t *testing.T, path string) {
	t.Helper()
	got, err := readSnapshot(path)
	if err != nil {
		t.Fatalf("xlsx: %v", err)
	}
	want, err := excelizeSnapshot(path, got)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	if d := diffSnapshots(got, want); d != "" {
		t.Errorf("%s: xlsx and excelize differ (-excelize +xlsx):\n%s", path, d)
	}
}

// committed lists the workbooks of the repository, at any depth: the bundled
// forms and history (../testdata), and the fixtures of this package (some
// re-saved by LibreOffice).
//
// The history's 108 workbooks come from one generator, alike within a folder,
// and comparing them all about doubles the test's time under -race (some 70 s
// for the 116 workbooks, 40 s for the 23 taken): of each history folder only
// every historyStride-th workbook in name order is compared, the first always,
// and all of them with DEAN_XLSX_ALL=1.
func committed(t *testing.T) []string {
	all := os.Getenv("DEAN_XLSX_ALL") != ""
	seen := map[string]int{} // workbooks met so far in each history folder
	var files []string
	for _, root := range []string{"../testdata", "testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".xlsx") {
				return err
			}
			if !all && strings.HasPrefix(filepath.ToSlash(path), "../testdata/history/") {
				n := seen[filepath.Dir(path)]
				seen[filepath.Dir(path)]++
				if n%historyStride != 0 {
					return nil
				}
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no workbooks found")
	}
	return files
}

// historyStride is how far apart the history's compared workbooks are.
const historyStride = 10

func TestAgreesWithExcelizeOnCommittedWorkbooks(t *testing.T) {
	for _, path := range committed(t) {
		t.Run(filepath.ToSlash(path), func(t *testing.T) { compareWithExcelize(t, path) })
	}
}

// TestAgreesWithExcelizeOnNationalSet compares on two workbooks of the
// benchmark set when it has been made (bench/run.sh makes it), on all of them
// with DEAN_XLSX_ALL=1 (about five seconds a workbook).
func TestAgreesWithExcelizeOnNationalSet(t *testing.T) {
	files, _ := filepath.Glob("../bench/data/*.xlsx")
	if len(files) == 0 || testing.Short() {
		t.Skip("no national set in ../bench/data")
	}
	sort.Strings(files)
	if os.Getenv("DEAN_XLSX_ALL") == "" {
		files = files[:min(2, len(files))]
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) { compareWithExcelize(t, path) })
	}
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
