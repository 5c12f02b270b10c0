package form

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"dean/criteria"
	"dean/parallel"
	"dean/period"
	"dean/submission"
	"dean/units"
	"dean/xlsx"
)

// ReadOptions is what filled workbooks are read against.
type ReadOptions struct {
	Set    *criteria.Set
	Units  *units.List    // nil: each sheet's codes are of the list in force for its period
	Period *period.Period // when non-nil, a form for another period is a problem
	// FileDone, when set, is called as each file has been read, from the
	// goroutine that read it, with the file's index and its problems of reading
	// (each after the file's sheets were handed on).
	FileDone func(file int, problems []submission.Problem)
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
	parallel.For(len(paths), func(i int) {
		f := files[i]
		switch {
		case f.msg != "":
			results[i] = []submission.Problem{fileProblem(i, f.path, f.msg, false)}
		case f.sameAs >= 0:
			results[i] = []submission.Problem{fileProblem(i, f.path, fmt.Sprintf("tệp giống hệt tệp %s (cùng nội dung từng byte): chỉ đọc một lần", paths[f.sameAs]), true)}
		default:
			results[i] = readFile(i, f, o, each)
		}
		if o.FileDone != nil {
			o.FileDone(i, results[i])
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

func fileProblem(i int, path, msg string, warning bool) submission.Problem {
	return submission.Problem{File: path, Msg: msg, Warning: warning, Pos: submission.Pos{File: i}}
}

// file is one path with its fingerprint, taken before it is parsed so that a file
// given twice is read once and every value can name the bytes it came from. The
// bytes themselves are not kept: a nationwide import names hundreds of files.
type file struct {
	path   string
	sha256 string
	sameAs int    // index of an identical file given earlier, or -1
	msg    string // why the path cannot be read as a workbook
}

func hashAll(paths []string) []file {
	files := make([]file, len(paths))
	parallel.For(len(paths), func(i int) {
		f := file{path: paths[i], sameAs: -1}
		if f.msg = statMessage(f.path); f.msg == "" {
			f.sha256, f.msg = hashFile(f.path)
		}
		files[i] = f
	})
	first := map[string]int{}
	for i := range files {
		if files[i].msg != "" {
			continue
		}
		if j, ok := first[files[i].sha256]; ok {
			files[i].sameAs = j
			continue
		}
		first[files[i].sha256] = i
	}
	return files
}

// hashFile streams the file through SHA-256 so that fingerprinting a whole
// country's files costs no memory.
func hashFile(path string) (sum, msg string) {
	f, err := os.Open(path)
	if err != nil {
		return "", openMessage(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", openMessage(err)
	}
	return hex.EncodeToString(h.Sum(nil)), ""
}

func readFile(fileIdx int, file file, o ReadOptions, each func(submission.Submission)) []submission.Problem {
	fail := func(msg string) []submission.Problem {
		return []submission.Problem{fileProblem(fileIdx, file.path, msg, false)}
	}
	data, err := os.ReadFile(file.path)
	if err != nil {
		return fail(openMessage(err))
	}
	// The values must come from the bytes the fingerprint names, or the archive
	// would record a hash for numbers it never saw.
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != file.sha256 {
		return fail("tệp đã thay đổi trong lúc dean đọc (có thể đang được lưu): hãy đóng tệp rồi chạy lại")
	}
	b, err := xlsx.OpenReaderAt(bytes.NewReader(data), int64(len(data)), xlsx.Options{MaxUnzipped: unzipLimit(formWards(o.Units))})
	if err != nil {
		return fail(openMessage(err))
	}
	defer b.Close()
	sheets := b.Sheets()
	keys, pers := nameKeys{}, periods{}
	if msg := sameNames(sheets, keys); msg != "" {
		return fail(msg)
	}

	var problems []submission.Problem
	inputs := o.Set.Inputs()
	var book fields
	for i, s := range sheets {
		if keys.of(s.Name) == guideKey && s.Type == xlsx.Worksheet {
			book = readGuide(b, i, keys)
		}
	}
	wards := 0
	for i, s := range sheets {
		if keys.of(s.Name) == guideKey {
			continue
		}
		src := submission.Source{File: file.path, SHA256: file.sha256, Sheet: s.Name, FileIndex: fileIdx, SheetIndex: i + 1}
		r := &sheetReader{b: b, idx: i, o: o, src: src, book: book, inputs: inputs, keys: keys, periods: pers}
		if s.Type != xlsx.Worksheet {
			r.warn("trang này là biểu đồ hoặc trang đặc biệt, không có ô số liệu: bỏ qua")
			problems = append(problems, r.problems...)
			continue
		}
		sub, found := r.read()
		problems = append(problems, r.problems...)
		if sub != nil {
			each(*sub)
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

// sameNames refuses a workbook with two sheets of one name (Excel allows none,
// ignoring case; a program may write them): which one a ward's values come from
// would be a guess.
func sameNames(sheets []xlsx.Sheet, keys nameKeys) string {
	seen := map[string]bool{}
	for _, s := range sheets {
		k := strings.ToLower(keys.of(s.Name))
		if seen[k] {
			return fmt.Sprintf("tệp có hai trang cùng tên %q (Excel không cho phép): không rõ số liệu ở trang nào, hãy mở bằng Excel, đổi tên hoặc xóa một trang rồi lưu lại", s.Name)
		}
		seen[k] = true
	}
	return ""
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
	var fe *xlsx.FormatError
	var tl *xlsx.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc tệp"
	case errors.As(err, &fe):
		return formatMessage(fe.Format)
	case errors.As(err, &tl):
		return tooLarge{tl.Limit}.Error()
	case errors.As(err, new(tooLarge)):
		return err.Error()
	}
	return damagedMessage(err)
}

// formatMessage names what a file is when it is not an xlsx workbook, and what to
// do, for Excel and LibreOffice users alike.
func formatMessage(f xlsx.Format) string {
	const save = "hãy mở tệp rồi lưu lại dưới dạng .xlsx (Excel: Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx); LibreOffice: Tệp > Lưu thành > Excel 2007-365 (.xlsx))"
	switch f {
	case xlsx.FormatEmpty:
		return "tệp rỗng (0 byte)"
	case xlsx.FormatODS:
		return "tệp là bảng tính LibreOffice/OpenOffice (.ods), không phải .xlsx: " + save
	case xlsx.FormatXLS:
		return "tệp là sổ Excel 97-2003 (.xls), không phải .xlsx: " + save
	case xlsx.FormatXLSB:
		return "tệp là sổ Excel nhị phân (.xlsb), không phải .xlsx: " + save
	case xlsx.FormatEncrypted:
		return "tệp có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại"
	case xlsx.FormatText:
		return "tệp là văn bản (CSV, HTML hoặc XML mang tên bảng tính), không phải sổ Excel: hãy điền số liệu vào biểu mẫu .xlsx do dean template lập và " + strings.Replace(save, "hãy mở tệp rồi lưu lại", "lưu", 1) + ", không lưu thành CSV"
	case xlsx.FormatCFB:
		return "không phải tệp Excel .xlsx (có thể là tệp .xls cũ hoặc tệp có mật khẩu): hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dưới dạng .xlsx"
	case xlsx.FormatZip:
		return "tệp nén không chứa sổ Excel (có thể là tài liệu Word hoặc tệp .zip): hãy gửi biểu mẫu .xlsx do dean template lập"
	}
	return "không đọc được tệp: không phải tệp Excel .xlsx hoặc tệp bị hỏng"
}

// damagedMessage says where a workbook is damaged.
func damagedMessage(err error) string {
	var de *xlsx.DamagedError
	if errors.As(err, &de) {
		switch {
		case de.Row > 0 && de.Sheet != "":
			return fmt.Sprintf("trang bị hỏng, không đọc được từ dòng %d: hãy mở tệp bằng Excel rồi lưu lại", de.Row)
		case de.Sheet != "":
			return "không đọc được trang này (trang bị hỏng): hãy mở tệp bằng Excel rồi lưu lại"
		}
	}
	return "không đọc được tệp: không phải tệp Excel .xlsx hoặc tệp bị hỏng"
}

var guideKey = units.NameKey(guideSheet)

// readGuide reads the version and period the "Hướng dẫn" sheet carries; ward
// sheets fall back on them. A damaged guide only means there is nothing to fall
// back on.
func readGuide(b *xlsx.Book, idx int, keys nameKeys) fields {
	m := fields{}
	rows, err := b.Rows(idx)
	if err != nil {
		return m
	}
	defer rows.Close()
	for rows.Next() && rows.Row().Num <= headerScanRows {
		row := rows.Row()
		m.scan(texts(row), row.Num, keys)
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
