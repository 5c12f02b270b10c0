package form

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// orderedZip is the zip writer excelize saves a workbook through. It compresses
// each part as excelize writes it and, when closed, writes the parts in name
// order: excelize writes the sheets made with its StreamWriter in the order of a
// Go map, so without it the same template would be a different file each run.
// With dimensions set it also makes every worksheet declare the range of its
// cells (see withDimension).
type orderedZip struct {
	zw         *zip.Writer
	dimensions bool
	fw         *flate.Writer // reused from part to part
	parts      []*zipPart
	cur        *zipPart // the part being written
}

type zipPart struct {
	name string
	crc  hash.Hash32
	size uint64
	raw  *bytes.Buffer // the uncompressed part, kept only when it is to be changed
	data bytes.Buffer  // compressed
}

func newOrderedZip(w io.Writer) excelize.ZipWriter { return &orderedZip{zw: zip.NewWriter(w)} }

func newDimensionZip(w io.Writer) excelize.ZipWriter {
	return &orderedZip{zw: zip.NewWriter(w), dimensions: true}
}

func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	if z.dimensions && isWorksheetPart(name) {
		p.raw = &bytes.Buffer{}
	}
	if z.fw == nil {
		// Level 5 is archive/zip's own.
		fw, err := flate.NewWriter(&p.data, 5)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	} else {
		z.fw.Reset(&p.data)
	}
	z.parts = append(z.parts, p)
	z.cur = p
	return partWriter{z, p}, nil
}

// isWorksheetPart says whether a part is where excelize, and Excel, keep sheets.
func isWorksheetPart(name string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(name), "xl/worksheets/")
	return ok && strings.HasSuffix(rest, ".xml") && !strings.Contains(rest, "/")
}

type partWriter struct {
	z *orderedZip
	p *zipPart
}

func (w partWriter) Write(b []byte) (int, error) {
	if w.z.cur != w.p {
		return 0, errors.New("form: zip: ghi vào một phần đã đóng") // excelize writes parts one after another
	}
	if w.p.raw != nil {
		return w.p.raw.Write(b)
	}
	return w.p.write(w.z.fw, b)
}

func (p *zipPart) write(fw *flate.Writer, b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return fw.Write(b)
}

// finish ends the part being written.
func (z *orderedZip) finish() error {
	p := z.cur
	if p == nil {
		return nil
	}
	z.cur = nil
	if p.raw != nil {
		b := p.raw.Bytes()
		// A sheet that cannot be read keeps the dimension it has: the copy is
		// still worth more than no copy.
		if fixed, err := withDimension(b); err == nil {
			b = fixed
		}
		p.raw = nil
		if _, err := p.write(z.fw, b); err != nil {
			return err
		}
	}
	return z.fw.Close()
}

func (z *orderedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortStableFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	for _, p := range z.parts {
		if strings.HasSuffix(p.name, "/") { // a folder, as some programs store them
			if _, err := z.zw.CreateHeader(&zip.FileHeader{Name: p.name}); err != nil {
				return err
			}
			continue
		}
		fh := &zip.FileHeader{
			Name:               p.name,
			Method:             zip.Deflate,
			CreatorVersion:     20, // what archive/zip writes for the parts it compresses itself
			ReaderVersion:      20,
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.data.Len()),
			UncompressedSize64: p.size,
		}
		if !isASCII(p.name) && utf8.ValidString(p.name) {
			fh.Flags |= 0x800 // the name is UTF-8
		}
		w, err := z.zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		if _, err := p.data.WriteTo(w); err != nil {
			return err
		}
	}
	return z.zw.Close()
}

// AddFS is part of excelize's interface; excelize does not call it when saving.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("form: zip: AddFS không được hỗ trợ")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
