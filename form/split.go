package form

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dean/atomicfile"
	"dean/parallel"
	"dean/units"
)

// A File is one workbook of a template split into several: its file name and its
// wards, in the order of the units list.
type File struct {
	Name  string
	Wards []units.Ward
}

// NoDistrictError is splitting by district a list with wards that have no
// district, as in the units lists since 1/7/2025, where wards report directly.
type NoDistrictError struct {
	Count int        // how many wards have no district
	First units.Ward // the first of them
}

func (e *NoDistrictError) Error() string {
	return fmt.Sprintf("%d phường không thuộc quận nào, như phường %s (mã %s)", e.Count, e.First.Name, e.First.Code)
}

// SplitByDistrict makes one file a district, named for it: "ninh-kieu.xlsx". Two
// districts whose names make the same file name get their codes added:
// "binh-thuy-916.xlsx". Wards without a district are a *NoDistrictError.
func SplitByDistrict(wards []units.Ward) ([]File, error) {
	var files []File
	index := map[[2]string]int{}
	var bases, codes []string
	var none *NoDistrictError
	for _, w := range wards {
		if w.District == "" {
			if none == nil {
				none = &NoDistrictError{First: w}
			}
			none.Count++
			continue
		}
		key := [2]string{w.DistrictCode, units.NameKey(w.District)}
		i, ok := index[key]
		if !ok {
			i = len(files)
			index[key] = i
			files = append(files, File{})
			bases = append(bases, Slug(w.District))
			codes = append(codes, Slug(w.DistrictCode))
		}
		files[i].Wards = append(files[i].Wards, w)
	}
	if none != nil {
		return nil, none
	}
	count := map[string]int{}
	for _, b := range bases {
		count[b]++
	}
	for i := range files {
		name := bases[i]
		if (name == "" || count[name] > 1) && codes[i] != "" {
			name = strings.Trim(name+"-"+codes[i], "-")
		}
		files[i].Name = name
	}
	uniqueNames(files)
	return files, nil
}

// SplitByWard makes one file a ward, named for its code and name:
// "31117-cai-khe.xlsx". The code, unique in the list, keeps the names apart and
// sorts the files as the list's codes sort.
func SplitByWard(wards []units.Ward) []File {
	files := make([]File, len(wards))
	for i, w := range wards {
		files[i] = File{Name: Slug(w.Code + " " + w.Name), Wards: []units.Ward{w}}
	}
	uniqueNames(files)
	return files
}

// uniqueNames adds ".xlsx", and "-2", "-3" … to a name already taken (codes
// such as "A.1" and "A-1" make the same slug).
func uniqueNames(files []File) {
	taken := map[string]bool{}
	for i := range files {
		base := files[i].Name
		if base == "" {
			base = "phuong"
		}
		if windowsReserved[base] {
			base += "-1"
		}
		name := base
		for n := 2; taken[name]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken[name] = true
		files[i].Name = name + ".xlsx"
	}
}

// windowsReserved are names Windows refuses for a file, whatever its extension.
var windowsReserved = func() map[string]bool {
	m := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}
	for i := 1; i <= 9; i++ {
		m[fmt.Sprintf("com%d", i)], m[fmt.Sprintf("lpt%d", i)] = true, true
	}
	return m
}()

// Slug is a name as an ASCII file name: "Ô Môn" → "o-mon", "Thốt Nốt" →
// "thot-not". Vietnamese đ is a letter of its own, not a d with a mark, so it is
// mapped by hand. The bundled forms are named with it too.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// WriteFiles writes each file's template into dir, side by side on every core;
// each is written whole or not at all. o.Wards is ignored: each file has its own.
func WriteFiles(dir string, files []File, o Options) error {
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		fo := o
		fo.Wards = files[i].Wards
		errs[i] = atomicfile.Write(filepath.Join(dir, files[i].Name), func(w io.Writer) error { return Write(w, fo) })
	})
	return errors.Join(errs...)
}
