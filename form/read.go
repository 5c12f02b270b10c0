package form

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/units"
)

// ReadOptions is what filled workbooks are checked against.
type ReadOptions struct {
	Set    *criteria.Set
	Units  *units.List    // nil: units.Default()
	Period *period.Period // when non-nil, a form for another period is a problem
	// Cells asks for Sheet.Cells, which only the report's sources need; scoring
	// thousands of wards without them keeps memory small.
	Cells bool
	// Each, when set, is called with every ward sheet as soon as it is read, on the
	// goroutine reading its file, so calls run in parallel; a ward found twice is
	// passed each time, and Read's result says which sheet counts. The sheets Read
	// returns then carry no Values: a caller that keeps only what it derives from
	// them (a score) reads any number of files with flat memory.
	Each func(Sheet)
}

// Sheet is one ward's values as read from its sheet.
type Sheet struct {
	File, Sheet string
	Ward        units.Ward
	Period      string               // as read (period code, e.g. "2022")
	Values      score.Values         // invalid cells are left out (so they score as missing, never silently)
	Cells       map[string][2]string // input id -> cell refs ("E12") of "Kỳ này" and "Cùng kỳ năm trước" ("" if none)
}

// Read reads every workbook and returns the ward sheets it could identify and all
// problems of all files, ordered by file (in the order given), sheet, row and
// column. A sheet whose ward is unknown is not returned; a sheet for another
// criteria version or period is returned without values, so the ward shows as
// lacking data. When a ward appears twice, the first sheet counts.
func Read(paths []string, o ReadOptions) ([]Sheet, []Problem) {
	if o.Set == nil {
		return nil, []Problem{{Msg: "chưa có bộ tiêu chí để đối chiếu biểu mẫu"}}
	}
	if o.Units == nil {
		o.Units = units.Default()
	}
	// Files are independent until the duplicate check, so they are read in
	// parallel; results keep their places so the output does not depend on timing.
	results := make([]fileResult, len(paths))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, path := range paths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = readFileSafely(i, path, o)
		})
	}
	wg.Wait()

	var sheets []Sheet
	var problems []placed
	first := map[string]wardSheet{}
	for _, r := range results {
		problems = append(problems, r.problems...)
		for _, ws := range r.sheets {
			if prev, dup := first[ws.Ward.Code]; dup {
				where := fmt.Sprintf("trang %q", prev.Sheet.Sheet)
				if prev.File != ws.File {
					where = fmt.Sprintf("tệp %s, %s", prev.File, where)
				}
				problems = append(problems, placed{
					Problem: Problem{File: ws.File, Sheet: ws.Sheet.Sheet, Cell: ws.code.ref, Msg: fmt.Sprintf(
						"phường %s (mã %s) đã có ở %s: mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng",
						ws.Ward.Name, ws.Ward.Code, where)},
					file: ws.fileIdx, sheet: ws.sheetIdx, row: ws.code.row, col: ws.code.col,
				})
				continue
			}
			first[ws.Ward.Code] = ws
			sheets = append(sheets, ws.Sheet)
		}
	}
	return sheets, sortProblems(problems)
}

type fileResult struct {
	sheets   []wardSheet
	problems []placed
}

// wardSheet is a read sheet with what the duplicate check needs to place its
// problem.
type wardSheet struct {
	Sheet
	fileIdx, sheetIdx int
	code              field
}

// readFileSafely turns a panic inside the spreadsheet library, on a file no test
// foresaw, into a problem with that file: the other files are still read, and
// nothing crashes on a reader goroutine where no caller could recover.
func readFileSafely(fileIdx int, path string, o ReadOptions) (res fileResult) {
	defer func() {
		if r := recover(); r != nil {
			res = fileResult{problems: []placed{{Problem: Problem{File: path,
				Msg: fmt.Sprintf("không đọc được tệp: tệp hỏng theo cách chương trình chưa lường trước (%v)", r)}, file: fileIdx}}}
		}
	}()
	return readFile(fileIdx, path, o)
}

func readFile(fileIdx int, path string, o ReadOptions) fileResult {
	var res fileResult
	fail := func(msg string) {
		res.problems = append(res.problems, placed{Problem: Problem{File: path, Msg: msg}, file: fileIdx})
	}
	if msg := statMessage(path); msg != "" {
		fail(msg)
		return res
	}
	f, err := openForm(path, len(o.Units.Wards))
	if err != nil {
		if f != nil {
			f.Close()
		}
		fail(openMessage(err))
		return res
	}
	defer f.Close()

	names := f.GetSheetList()
	keys := nameKeys{}
	inputs := o.Set.Inputs()
	var book fields
	for _, name := range names {
		if isGuide(name) {
			book = readGuide(f, name, keys)
		}
	}
	wards := 0
	for i, name := range names {
		if isGuide(name) {
			continue
		}
		r := &sheetReader{f: f, o: o, file: path, name: name, fileIdx: fileIdx, sheetIdx: i + 1, book: book, inputs: inputs, keys: keys}
		ws, found := r.read()
		res.problems = append(res.problems, r.problems...)
		if ws != nil && o.Each != nil {
			o.Each(ws.Sheet)
			ws.Values = nil
		}
		if ws != nil {
			res.sheets = append(res.sheets, *ws)
		}
		if found {
			wards++
		}
	}
	if wards == 0 {
		fail(fmt.Sprintf("tệp không có trang số liệu phường nào (trang có dòng tiêu đề %q, %q)", colID, colNow))
	}
	return res
}

// statMessage names what a path is when it cannot be a workbook before opening
// it: excelize would only say that it is not one. Errors are left to the open,
// which words them. Only a regular file is empty at size 0: a pipe such as
// <(cat form.xlsx) reports 0 too and reads fine.
func statMessage(path string) string {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return ""
	case fi.IsDir():
		return "là một thư mục, không phải tệp"
	case fi.Mode().IsRegular() && fi.Size() == 0:
		return "tệp rỗng (0 byte)"
	}
	return ""
}

func openMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc tệp"
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "không phải tệp Excel .xlsx (có thể là tệp .xls cũ hoặc tệp có mật khẩu): hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .xlsx"
	case errors.As(err, new(tooLarge)):
		return err.Error()
	}
	return "không đọc được tệp: không phải tệp Excel .xlsx hoặc tệp bị hỏng"
}

func isGuide(sheet string) bool { return units.NameKey(sheet) == guideKey }

var guideKey = units.NameKey(guideSheet)

// readGuide reads the version and period the "Hướng dẫn" sheet carries; ward
// sheets fall back on them. A damaged guide only means there is nothing to fall
// back on.
func readGuide(f *excelize.File, name string, keys nameKeys) fields {
	m := fields{}
	rows, err := f.Rows(name)
	if err != nil {
		return m
	}
	defer rows.Close()
	for r := 1; r <= headerScanRows && rows.Next(); r++ {
		cells, err := rows.Columns()
		if err != nil {
			break
		}
		m.scan(cells, r, keys)
	}
	return m
}

// field is a label's value and where it sits.
type field struct {
	value, ref string
	row, col   int
	labelled   bool // the label was found
}

// fields holds the labelled values above a table, by label.
type fields map[string]field

var labelKeys = func() map[string]string {
	m := map[string]string{}
	for _, l := range []string{labelCode, labelName, labelDistrict, labelPeriod, labelVersion} {
		m[units.NameKey(l)] = l
	}
	return m
}()

// scan picks up the labels in a row: each label's value is the next non-empty
// cell to its right (merged or spaced-out layouts keep working).
func (m fields) scan(cells []string, row int, keys nameKeys) {
	for col, c := range cells {
		if c == "" || len(c) > 64 {
			continue
		}
		// "Mã phường:" is how many people write a label.
		label, ok := labelKeys[keys.of(strings.TrimRight(c, ": "))]
		if !ok || m[label].labelled {
			continue
		}
		fd := field{labelled: true, row: row, col: col + 2}
		for j := col + 1; j < len(cells); j++ {
			if v := strings.TrimSpace(cells[j]); v != "" {
				fd.value, fd.col = v, j+1
				break
			}
		}
		fd.ref = cellRef(fd.col, row)
		m[label] = fd
	}
}
