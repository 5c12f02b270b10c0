package xlsx

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path"
	"strings"
)

// Options bound what a Book may inflate and hold. Zero values take the defaults.
type Options struct {
	// MaxUnzipped is the most bytes the Book inflates, counted across every part
	// it reads (a sheet read twice counts twice). A workbook whose zip
	// directory declares more in all is refused before anything is inflated.
	MaxUnzipped int64
	// MaxElement is the longest XML tag, or run of text between two tags, held
	// in memory at once.
	MaxElement int
}

const (
	DefaultMaxUnzipped = 64 << 20
	DefaultMaxElement  = 1 << 20
)

// SheetState is whether a sheet shows in Excel's tabs.
type SheetState uint8

const (
	Visible    SheetState = iota
	Hidden                // hidden, and listed by Excel's Unhide
	VeryHidden            // hidden from Unhide too: only a macro shows it
)

// SheetType is what a sheet holds; only worksheets have cells.
type SheetType uint8

const (
	Worksheet  SheetType = iota
	Chartsheet           // a chart on a sheet of its own
	OtherSheet           // a dialog or macro sheet, or one whose part is missing
)

// Sheet is a sheet as the workbook lists it, in the order of Excel's tabs.
type Sheet struct {
	Name  string
	State SheetState
	Type  SheetType
	Part  string // the zip entry of the sheet; "" when the workbook names no part that exists
}

// Book is an open workbook. It is not safe for concurrent use; open one Book per
// goroutine.
type Book struct {
	file     *os.File // when opened by Open
	files    map[string]*zip.File
	opts     Options
	inflated int64
	sheets   []Sheet
	date1904 bool
	sst      sharedStrings
	xfs      []*NumFormat // by style (cellXfs) index
	spare    rowsBuffers  // left by the last Rows closed, for the next
}

// Open opens the workbook at path. The file stays open until Close.
func Open(name string, o Options) (*Book, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	b, err := OpenReaderAt(f, fi.Size(), o)
	if err != nil {
		f.Close()
		return nil, err
	}
	b.file = f
	return b, nil
}

// OpenReaderAt opens a workbook of size bytes read from r, which must stay
// readable until the Book is no longer used.
func OpenReaderAt(r io.ReaderAt, size int64, o Options) (*Book, error) {
	if o.MaxUnzipped <= 0 {
		o.MaxUnzipped = DefaultMaxUnzipped
	}
	if o.MaxElement <= 0 {
		o.MaxElement = DefaultMaxElement
	}
	o.MaxElement = min(o.MaxElement, 1<<30) // the scanner keeps places in int32
	head := make([]byte, min(max(size, 0), sniffLen))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	switch f := Sniff(head); f {
	case FormatZip, FormatODS:
	case FormatCFB:
		return nil, &FormatError{cfbFormat(r, size)}
	default:
		return nil, &FormatError{f}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, &DamagedError{Offset: -1, Reason: "the zip directory cannot be read", Err: err}
	}
	b := &Book{opts: o, files: make(map[string]*zip.File, len(zr.File))}
	var declared uint64
	for _, f := range zr.File {
		b.files[partKey(f.Name)] = f
		declared += f.UncompressedSize64
		if declared > uint64(o.MaxUnzipped) || declared < f.UncompressedSize64 {
			return nil, &TooLargeError{Limit: o.MaxUnzipped, Declared: true}
		}
	}
	if ft := zipFormat(zr); ft == FormatODS || ft == FormatXLSB {
		return nil, &FormatError{ft}
	}
	if err := b.load(); err != nil {
		return nil, err
	}
	return b, nil
}

// partKey is how parts are looked up: OPC part names ignore case, and some
// writers use backslashes.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// Close releases the file opened by Open.
func (b *Book) Close() error {
	b.spare = rowsBuffers{}
	if b.file != nil {
		err := b.file.Close()
		b.file = nil
		return err
	}
	return nil
}

// Sheets lists the sheets in the order of Excel's tabs. The slice is the
// Book's: do not modify it.
func (b *Book) Sheets() []Sheet { return b.sheets }

// Date1904 reports whether the workbook counts dates from 1904 (as Excel for
// Mac once did) rather than from 1900.
func (b *Book) Date1904() bool { return b.date1904 }

// Unzipped is the number of bytes inflated so far.
func (b *Book) Unzipped() int64 { return b.inflated }

// open starts inflating a part, counting its bytes against the limit.
func (b *Book) open(name string) (*partReader, error) {
	f := b.files[partKey(name)]
	if f == nil {
		return nil, &DamagedError{Part: name, Offset: -1, Reason: "the part is missing"}
	}
	if f.UncompressedSize64 > uint64(b.opts.MaxUnzipped-b.inflated) {
		return nil, &TooLargeError{Limit: b.opts.MaxUnzipped, Part: f.Name}
	}
	rc, err := f.Open()
	if err != nil {
		reason := "the part cannot be unzipped"
		if errors.Is(err, zip.ErrAlgorithm) {
			reason = "the part is compressed with a method other than deflate"
		}
		return nil, &DamagedError{Part: f.Name, Offset: -1, Reason: reason, Err: err}
	}
	return &partReader{b: b, rc: rc, f: f}, nil
}

func (b *Book) has(name string) bool { return b.files[partKey(name)] != nil }

// partReader inflates one part and keeps the Book's count of inflated bytes:
// it never lets the count pass the limit by more than one byte, whatever the
// zip declares.
type partReader struct {
	b  *Book
	rc io.ReadCloser
	f  *zip.File
	n  int64
}

func (p *partReader) Read(buf []byte) (int, error) {
	if left := p.b.opts.MaxUnzipped - p.b.inflated; int64(len(buf)) > left+1 {
		buf = buf[:left+1]
	}
	n, err := p.rc.Read(buf)
	p.n += int64(n)
	p.b.inflated += int64(n)
	if p.b.inflated > p.b.opts.MaxUnzipped {
		return n, &TooLargeError{Limit: p.b.opts.MaxUnzipped, Part: p.f.Name}
	}
	if err != nil && err != io.EOF {
		reason := "the part cannot be unzipped"
		switch {
		case errors.Is(err, zip.ErrFormat) && uint64(p.n)+uint64(len(buf)) > p.f.UncompressedSize64:
			// archive/zip drops what it inflated past the declared size.
			reason = "the part unzips to more than the zip declares"
		case errors.Is(err, zip.ErrChecksum):
			reason = "the part fails its checksum"
		case errors.Is(err, io.ErrUnexpectedEOF):
			reason = "the part is cut short"
		}
		return n, &DamagedError{Part: p.f.Name, Offset: p.n, Reason: reason, Err: err}
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

// resolve turns a relationship's target into a part name: relative to the
// folder of the part the relationship belongs to, or absolute from the root.
func resolve(source, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if strings.Contains(target, "%") {
		target = percentDecode(target)
	}
	if !strings.HasPrefix(target, "/") {
		target = path.Dir("/"+source) + "/" + target
	}
	return strings.TrimPrefix(path.Clean(target), "/")
}

func percentDecode(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if h, ok := unhex(s[i+1]); ok {
				if l, ok := unhex(s[i+2]); ok {
					out = append(out, h<<4|l)
					i += 2
					continue
				}
			}
		}
		out = append(out, s[i])
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
