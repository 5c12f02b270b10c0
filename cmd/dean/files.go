package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"dean/submission"
)

// expandFiles turns the file arguments into files. dean expands patterns itself,
// because Windows' cmd.exe passes *.xlsx through unexpanded; "**" matches any
// depth of folders; a folder stands for the .xlsx files in it and below. A file
// named twice (*.xlsx ninh-kieu.xlsx) is read once. Excel's lock files
// (~$ninh-kieu.xlsx, there while a form is open in Excel), which a pattern, a
// folder or the shell's own expansion of *.xlsx catches, are skipped with a note.
func expandFiles(args []string) (files []string, skipped []submission.Problem, err error) {
	var seen []os.FileInfo
	add := func(name string) {
		if fi, err := os.Stat(name); err == nil {
			for _, s := range seen {
				if os.SameFile(s, fi) {
					return
				}
			}
			seen = append(seen, fi)
		}
		files = append(files, name)
	}
	found := func(name string) {
		if strings.HasPrefix(filepath.Base(name), "~$") {
			skipped = append(skipped, submission.Problem{File: name, Warning: true, Pos: submission.Pos{File: -1},
				Msg: "bỏ qua: đây là tệp khóa tạm của Excel (biểu mẫu đang mở trong Excel), không phải biểu mẫu"})
			return
		}
		add(name)
	}
	for _, a := range args {
		fi, statErr := os.Stat(a)
		switch {
		case statErr == nil && fi.IsDir():
			n := len(files)
			if err := walkXLSX(a, found); err != nil {
				return nil, nil, fileError(err)
			}
			if len(files) == n {
				return nil, nil, fmt.Errorf("thư mục %s không có tệp .xlsx nào", a)
			}
		case statErr == nil:
			found(a)
		case !strings.ContainsAny(a, "*?["):
			add(a) // reading it says what is wrong
		default:
			matches, err := glob(a)
			if err != nil || len(matches) == 0 {
				return nil, nil, fmt.Errorf("không có tệp nào khớp với %s", a)
			}
			// "kho/*" or "kho/**" asks for what is in a folder, as the folder
			// itself does: its forms, not its notes and lists.
			last := filepath.Base(a)
			anything := last == "*" || last == "**"
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.IsDir() {
					if err := walkXLSX(m, found); err != nil {
						return nil, nil, fileError(err)
					}
					continue
				}
				if anything && !strings.EqualFold(filepath.Ext(m), ".xlsx") {
					continue
				}
				found(m)
			}
		}
	}
	if len(files) == 0 && len(skipped) > 0 {
		return nil, nil, fmt.Errorf("không có biểu mẫu nào để đọc: %s là tệp khóa tạm của Excel (biểu mẫu đang mở trong Excel)", skipped[0].File)
	}
	return files, skipped, nil
}

// walkXLSX calls found with every .xlsx file under dir, in lexical order.
func walkXLSX(dir string, found func(string)) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xlsx") {
			found(p)
		}
		return nil
	})
}

// glob is filepath.Glob with "**" for any number of folders.
func glob(pattern string) ([]string, error) {
	if !strings.Contains(pattern, "**") {
		return filepath.Glob(pattern)
	}
	pattern = filepath.ToSlash(pattern)
	root, _, _ := strings.Cut(pattern, "**")
	root = strings.TrimSuffix(root, "/")
	if root == "" {
		root = "."
	}
	want := strings.Split(pattern, "/")
	var out []string
	err := filepath.WalkDir(filepath.FromSlash(root), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ok, _ := matchSegments(want, strings.Split(filepath.ToSlash(p), "/")); ok && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// matchSegments matches path segments against pattern segments, where "**" is
// any number of segments.
func matchSegments(pat, segs []string) (bool, error) {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if ok, err := matchSegments(pat[1:], segs[i:]); ok || err != nil {
					return ok, err
				}
			}
			return false, nil
		}
		if len(segs) == 0 {
			return false, nil
		}
		ok, err := path.Match(pat[0], segs[0])
		if !ok || err != nil {
			return false, err
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0, nil
}
