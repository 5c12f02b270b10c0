package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"sort"
)

// canonicalZip rewrites an excelize package so the same workbook always gives the
// same bytes: excelize writes its parts, and the image types in
// [Content_Types].xml, in map order. Parts are sorted by name, [Content_Types].xml
// first as Office writes it, with no timestamps.
func canonicalZip(data []byte, w io.Writer) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == contentTypes {
			body = sortDefaults(body)
		}
		out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := out.Write(body); err != nil {
			return err
		}
	}
	return zw.Close()
}

const contentTypes = "[Content_Types].xml"

var defaultRE = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)

// sortDefaults puts the <Default> elements, which say nothing by their order, in
// sorted order.
func sortDefaults(body []byte) []byte {
	locs := defaultRE.FindAllIndex(body, -1)
	if len(locs) < 2 {
		return body
	}
	var ds []string
	for _, l := range locs {
		ds = append(ds, string(body[l[0]:l[1]]))
	}
	sort.Strings(ds)
	var b bytes.Buffer
	b.Write(body[:locs[0][0]])
	for i, l := range locs {
		b.WriteString(ds[i])
		end := len(body)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		b.Write(body[l[1]:end]) // what lay between this element and the next
	}
	return b.Bytes()
}
