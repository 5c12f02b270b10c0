package form

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
	"dean/submission"
	"dean/units"
)

// ReadOptions is what filled workbooks are read against.
type ReadOptions struct {
	Set    *criteria.Set
	Units  *units.List    // nil: each sheet's codes are of the list in force for its period
	Period *period.Period // when non-nil, a form for another period is a problem
}

// Read reads every workbook and hands each ward sheet it can identify to each, as
// soon as the sheet is read, on the goroutine reading its file: calls run in
// parallel. It returns every problem of reading, ordered by file (in the order
// given), sheet, row and column; what the values mean against the criteria is
// submission.Check's to say. A sheet whose ward is unknown is not handed on; a
// sheet for another criteria version or period is handed on without entries, so
// the ward shows as lacking data. A file identical to one before it is read once.
func Read(paths []string, o ReadOptions, each func(submission.Submission)) []submission.Problem {
	if o.Set == nil {
		return []submission.Problem{{Msg: "chưa có bộ tiêu chí để đối chiếu biểu mẫu"}}
	}
	files := hashAll(paths)
	results := make([][]submission.Problem, len(paths))
	forEach(len(paths), func(i int) {
		f := files[i]
		switch {
		case f.msg != "":
			results[i] = []submission.Problem{fileProblem(i, f.path, f.msg, false)}
		case f.sameAs >= 0:
			results[i] = []submission.Problem{fileProblem(i, f.path, fmt.Sprintf("tệp giống hệt tệp %s (cùng nội dung từng byte): chỉ đọc một lần", paths[f.sameAs]), true)}
		default:
			results[i] = readFile(i, f, o, each)
		}
	})
	var problems []submission.Problem
	for _, r := range results {
		problems = append(problems, r...)
	}
	submission.Sort(problems)
	return problems
}

// formWards is how many ward sheets a form may hold: those of the units list, or
// of the largest bundled list when each form's period chooses.
func formWards(l *units.List) int {
	if l != nil {
		return len(l.Wards)
	}
	n := 0
	for _, b := range units.Bundled() {
		n = max(n, len(b.Wards))
	}
	return n
}

// forEach runs do(0) … do(n-1), as many at once as there are cores. A panic in
// one is raised again on the caller's goroutine once all are done, where the
// command's recover reports it as the program's own error: no goroutine of ours
// may end the process with a stack trace, nor pass its failure off as a problem
// with a district's file.
func forEach(n int, do func(i int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	var once sync.Once
	var crash any
	for i := range n {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { crash = r })
				}
			}()
			do(i)
		})
	}
	wg.Wait()
	if crash != nil {
		panic(crash)
	}
}

func fileProblem(i int, path, msg string, warning bool) submission.Problem {
	return submission.Problem{File: path, Msg: msg, Warning: warning, Pos: submission.Pos{File: i}}
}

// file is one path with its fingerprint, taken before it is parsed so that a file
// given twice is read once and every value can name the bytes it came from.
type file struct {
	path   string
	data   []byte
	sha256 string
	sameAs int    // index of an identical file given earlier, or -1
	msg    string // why the path cannot be read as a workbook
}

func hashAll(paths []string) []file {
	files := make([]file, len(paths))
	forEach(len(paths), func(i int) {
		f := file{path: paths[i], sameAs: -1}
		if f.msg = statMessage(f.path); f.msg == "" {
			data, err := os.ReadFile(f.path)
			if err != nil {
				f.msg = openMessage(err)
			} else {
				sum := sha256.Sum256(data)
				f.data, f.sha256 = data, hex.EncodeToString(sum[:])
			}
		}
		files[i] = f
	})
	first := map[string]int{}
	for i := range files {
		if files[i].msg != "" {
			continue
		}
		if j, ok := first[files[i].sha256]; ok {
			files[i].sameAs, files[i].data = j, nil
			continue
		}
		first[files[i].sha256] = i
	}
	return files
}

func readFile(fileIdx int, file file, o ReadOptions, each func(submission.Submission)) []submission.Problem {
	f, err := openForm(bytes.NewReader(file.data), formWards(o.Units))
	if err != nil {
		if f != nil {
			f.Close()
		}
		return []submission.Problem{fileProblem(fileIdx, file.path, openMessage(err), false)}
	}
	defer f.Close()

	var problems []submission.Problem
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
		src := submission.Source{File: file.path, SHA256: file.sha256, Sheet: name, FileIndex: fileIdx, SheetIndex: i + 1}
		r := &sheetReader{f: f, o: o, src: src, book: book, inputs: inputs, keys: keys}
		s, found := r.read()
		problems = append(problems, r.problems...)
		if s != nil {
			each(*s)
		}
		if found {
			wards++
		}
	}
	if wards == 0 {
		problems = append(problems, fileProblem(fileIdx, file.path,
			fmt.Sprintf("tệp không có trang số liệu phường nào (trang có dòng tiêu đề %q, %q)", colID, colNow), false))
	}
	return problems
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
	value    string
	at       submission.Ref
	labelled bool // the label was found
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
		fd := field{labelled: true, at: submission.Ref{Col: col + 2, Row: row}}
		for j := col + 1; j < len(cells); j++ {
			if v := strings.TrimSpace(cells[j]); v != "" {
				fd.value, fd.at.Col = v, j+1
				break
			}
		}
		m[label] = fd
	}
}
