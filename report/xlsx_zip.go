package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// zipLevel trades a little size for a lot of time: at level 2 the nationwide
// workbook (320 MB of XML) is about 15 % larger than at archive/zip's level 5 and
// is compressed in less than half the time.
const zipLevel = 2

// canonicalZip is the zip writer excelize saves through. excelize writes its
// parts, and the image types in [Content_Types].xml, in map order; canonicalZip
// compresses each part once as it comes, then on Close writes the parts sorted by
// name, [Content_Types].xml first as Office writes it, with no timestamps, so
// the same workbook always gives the same bytes. On the way it puts rowWriter's
// rows into the sheets that hold their placeholder.
type canonicalZip struct {
	w     io.Writer
	fw    *flate.Writer // one compressor, reset for every part
	parts []*zipPart
	open  *zipPart
	rows  map[string]func(io.Writer) error // by placeholder
}

type zipPart struct {
	name string
	held bool         // written to raw, compressed when complete
	raw  bytes.Buffer // a held part as excelize wrote it
	body bytes.Buffer // compressed
	crc  uint32
	size uint64
}

// newCanonicalZip returns a zip writer to w; rows are the sheets' rows to put in
// place of their placeholder.
func newCanonicalZip(w io.Writer, rows map[string]func(io.Writer) error) excelize.ZipWriter {
	return &canonicalZip{w: w, rows: rows}
}

// Create starts a part; what was written to the previous one is complete.
func (z *canonicalZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	z.open = p
	// [Content_Types].xml is sorted on Close; a sheet may hold a placeholder.
	if name == contentTypes || len(z.rows) > 0 && strings.HasPrefix(name, "xl/worksheets/") {
		p.held = true
		return &p.raw, nil
	}
	return z.compress(p)
}

func (z *canonicalZip) compress(p *zipPart) (io.Writer, error) {
	if z.fw == nil {
		fw, err := flate.NewWriter(&p.body, zipLevel)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.body)
	}
	return partWriter{p, z.fw}, nil
}

// partWriter compresses into its part and keeps the checksum and size of what
// it was given.
type partWriter struct {
	p  *zipPart
	fw *flate.Writer
}

func (w partWriter) Write(b []byte) (int, error) {
	w.p.crc = crc32.Update(w.p.crc, crc32.IEEETable, b)
	w.p.size += uint64(len(b))
	return w.fw.Write(b)
}

func (z *canonicalZip) finish() error {
	p := z.open
	z.open = nil
	if p == nil || p.name == contentTypes {
		return nil
	}
	if p.held {
		w, err := z.compress(p)
		if err != nil {
			return err
		}
		ok, err := splice(w, p.raw.Bytes(), z.rows)
		if err != nil {
			return err
		}
		if !ok {
			if _, err := w.Write(p.raw.Bytes()); err != nil {
				return err
			}
		}
		p.raw = bytes.Buffer{}
	}
	return z.fw.Close()
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

// Close writes the archive: the parts in their fixed order, copied as they were
// compressed.
func (z *canonicalZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if len(z.rows) > 0 {
		return fmt.Errorf("xlsx: %d sheets lost their rows: no placeholder found", len(z.rows))
	}
	for _, p := range z.parts {
		if p.name != contentTypes {
			continue
		}
		body := sortDefaults(p.raw.Bytes())
		p.crc, p.size = crc32.ChecksumIEEE(body), uint64(len(body))
		var c bytes.Buffer
		fw, err := flate.NewWriter(&c, zipLevel)
		if err != nil {
			return err
		}
		if _, err := fw.Write(body); err != nil {
			return err
		}
		if err := fw.Close(); err != nil {
			return err
		}
		p.body = c
	}
	sort.SliceStable(z.parts, func(i, j int) bool {
		a, b := z.parts[i].name, z.parts[j].name
		if (a == contentTypes) != (b == contentTypes) {
			return a == contentTypes
		}
		return a < b
	})
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		out, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
			CRC32: p.crc, CompressedSize64: uint64(p.body.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := out.Write(p.body.Bytes()); err != nil {
			return err
		}
	}
	z.parts = nil
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
