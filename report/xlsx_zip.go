package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"

	"github.com/xuri/excelize/v2"
)

// zipLevel trades a little size for a lot of time: at level 2 the nationwide
// workbook (320 MB of XML) is about 18 % larger than at archive/zip's level 5
// (40 MB instead of 34) and is compressed in less than half the time.
const zipLevel = 2

// canonicalZip is the zip writer excelize saves through. excelize writes its
// parts, and the image types in [Content_Types].xml, in map order; canonicalZip
// holds them as written and on Close writes them sorted by name,
// [Content_Types].xml first as Office writes it, with no timestamps, so the same
// workbook always gives the same bytes. The large sheets' rows are made only
// then, by rowWriter, in place of their placeholder and straight into the
// compressor: the parts held are all small.
type canonicalZip struct {
	w     io.Writer
	parts []*zipPart
	rows  map[string]func(io.Writer) error // by placeholder
}

type zipPart struct {
	name string
	raw  bytes.Buffer
}

// newCanonicalZip returns a zip writer to w; rows are the sheets' rows to put in
// place of their placeholder.
func newCanonicalZip(w io.Writer, rows map[string]func(io.Writer) error) excelize.ZipWriter {
	return &canonicalZip{w: w, rows: rows}
}

// Create starts a part.
func (z *canonicalZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	return &p.raw, nil
}

// AddFS adds the files of fsys as parts (excelize does not call it today).
func (z *canonicalZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// Close writes the archive: the parts in their fixed order, each compressed as
// it is written.
func (z *canonicalZip) Close() error {
	sort.SliceStable(z.parts, func(i, j int) bool {
		a, b := z.parts[i].name, z.parts[j].name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(z.w)
	var fw *flate.Writer // one compressor for every part
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, zipLevel)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	for _, p := range z.parts {
		out, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		body := p.raw.Bytes()
		if p.name == contentTypes {
			body = sortDefaults(body)
		}
		ok, err := splice(out, body, z.rows)
		if err != nil {
			return err
		}
		if !ok {
			if _, err := out.Write(body); err != nil {
				return err
			}
		}
		p.raw = bytes.Buffer{}
	}
	z.parts = nil
	if len(z.rows) > 0 {
		return fmt.Errorf("xlsx: %d sheets lost their rows: no placeholder found", len(z.rows))
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
