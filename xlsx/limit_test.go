package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// countingReaderAt counts the bytes read from a file: refusing fast means
// reading little of it.
type countingReaderAt struct {
	r *bytes.Reader
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

// bombSheet is a sheet part that inflates to about size bytes: one row with a
// long run of spaces, which deflate squeezes a thousandfold.
func bombSheet(size int) string {
	return `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>` + strings.Repeat(" ", size) + `</row></sheetData></worksheet>`
}

func TestRefusesWhatDeclaresTooMuch(t *testing.T) {
	data := rawBook{sheets: []rawSheet{{name: "S", xml: bombSheet(32 << 20)}}}.zip(t)
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes zipped", len(data))
	}
	r := &countingReaderAt{r: bytes.NewReader(data)}
	_, err := OpenReaderAt(r, int64(len(data)), Options{MaxUnzipped: 1 << 20})
	var tl *TooLargeError
	if !errors.As(err, &tl) || !tl.Declared || tl.Limit != 1<<20 {
		t.Fatalf("Open: %v, want a TooLargeError on the declared sizes", err)
	}
	if r.n > 64<<10 {
		t.Errorf("read %d bytes of the file to refuse it", r.n)
	}
}

// lyingZip zips the parts of a workbook, declaring for the sheet a size far
// below what it inflates to.
func lyingZip(t *testing.T, sheetSize int, declared uint64) []byte {
	t.Helper()
	honest := rawBook{sheets: []rawSheet{{name: "S", xml: bombSheet(sheetSize)}}}.zip(t)
	zr, err := zip.NewReader(bytes.NewReader(honest), int64(len(honest)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.DefaultCompression)
		fw.Write(body)
		fw.Close()
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: uint64(len(body))}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			h.UncompressedSize64 = declared
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRefusesWhatLiesAboutItsSize(t *testing.T) {
	data := lyingZip(t, 32<<20, 1000)
	r := &countingReaderAt{r: bytes.NewReader(data)}
	b, err := OpenReaderAt(r, int64(len(data)), Options{MaxUnzipped: 1 << 20})
	if err != nil {
		t.Fatal(err) // the sizes declared are small
	}
	rows, err := b.Rows(0)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
	}
	var d *DamagedError
	if !errors.As(rows.Err(), &d) || !strings.Contains(d.Reason, "more than the zip declares") || d.Sheet != "S" {
		t.Fatalf("reading: %v, want damage for the lie", rows.Err())
	}
	if b.Unzipped() > 1<<20 || r.n > 1<<20 {
		t.Errorf("inflated %d bytes and read %d to refuse a lie of 32 MiB", b.Unzipped(), r.n)
	}
}

// TestCountsWhatItInflates: the limit holds across parts and reads, and on the
// bytes that come out whatever the zip declares.
func TestCountsWhatItInflates(t *testing.T) {
	data := rawBook{sheets: []rawSheet{{name: "S", xml: bombSheet(100 << 10)}}}.zip(t)
	b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{MaxUnzipped: 250 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var tl *TooLargeError
	for i := 0; ; i++ {
		rows, err := b.Rows(0)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			rows.Close()
		}
		if errors.As(err, &tl) {
			if i != 2 || tl.Part != "xl/worksheets/sheet1.xml" {
				t.Errorf("refused on read %d: %v", i+1, err)
			}
			break
		}
		if err != nil || i > 2 {
			t.Fatalf("read %d: %v", i+1, err)
		}
	}
	if b.Unzipped() > 250<<10+1 {
		t.Errorf("inflated %d bytes with a limit of %d", b.Unzipped(), 250<<10)
	}

	// Below archive/zip, which checks sizes too: a part that inflates more
	// than declared is cut at the limit.
	b = &Book{opts: Options{MaxUnzipped: 1000}}
	p := &partReader{b: b, rc: io.NopCloser(strings.NewReader(strings.Repeat("x", 5000))), f: &zip.File{FileHeader: zip.FileHeader{Name: "p", UncompressedSize64: 10}}}
	n, err := io.Copy(io.Discard, p)
	if !errors.As(err, &tl) || tl.Part != "p" || n > 1001 || b.Unzipped() > 1001 {
		t.Errorf("read %d bytes (%d counted): %v", n, b.Unzipped(), err)
	}
}

func TestBoundsElements(t *testing.T) {
	long := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("x", 3<<20) + `</t></is></c></row>`
	data := rawBook{sheets: []rawSheet{{name: "S", xml: long}}}.zip(t)
	b, err := OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{MaxElement: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := b.Rows(0)
	for rows.Next() {
	}
	var d *DamagedError
	if !errors.As(rows.Err(), &d) || !strings.Contains(d.Reason, "longer than the limit") {
		t.Fatalf("reading: %v, want damage for the long text", rows.Err())
	}
	if c := cap(rows.s.buf); c > 1<<20 {
		t.Errorf("window of %d bytes with a limit of %d", c, 1<<20)
	}
	// With room enough the same text reads.
	b, _ = OpenReaderAt(bytes.NewReader(data), int64(len(data)), Options{MaxElement: 4 << 20})
	rows, _ = b.Rows(0)
	if !rows.Next() || len(rows.Row().Cells[0].Value) != 3<<20 {
		t.Errorf("long text not read: %v", rows.Err())
	}
}
