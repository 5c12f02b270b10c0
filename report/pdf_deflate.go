package report

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// fpdf compresses each page with a new zlib writer, about 1 MB of tables
// allocated and cleared per page: for the nationwide report's 3.300 pages that
// was 4 GB of garbage and some 5 s of CPU, two thirds of it the collector's.
// So dean has fpdf write its pages plain and deflates them here, with one
// writer, into the very bytes fpdf would have written (TestDeflateAsFpdf holds
// it to that).

// pdfDeflater receives the PDF fpdf writes with compression off and writes it
// to w with its pages' content streams deflated. fpdf writes the whole document in one
// call, which is then rewritten in place of being copied; flush handles any
// other way of writing.
type pdfDeflater struct {
	w       io.Writer
	pending []byte
	done    bool
}

func (d *pdfDeflater) Write(p []byte) (int, error) {
	if d.done {
		return 0, errors.New("pdf: dữ liệu sau khi tài liệu đã kết thúc")
	}
	if len(d.pending) == 0 && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		d.done = true
		return len(p), deflateStreams(d.w, p)
	}
	d.pending = append(d.pending, p...)
	return len(p), nil
}

func (d *pdfDeflater) flush() error {
	if d.done {
		return nil
	}
	if len(d.pending) == 0 {
		return errors.New("pdf: không có tài liệu")
	}
	d.done = true
	return deflateStreams(d.w, d.pending)
}

// deflateStreams writes doc, as written by fpdf, with each page's content
// stream deflated as fpdf deflates it, and the cross-reference table and
// startxref moved to match. Any other object is copied as it is.
func deflateStreams(w io.Writer, doc []byte) error {
	xref, err := startXref(doc)
	if err != nil {
		return err
	}
	offsets, trailer, err := readXref(doc, xref)
	if err != nil {
		return err
	}
	// Objects in the order they lie in the file, which is not their numbers'.
	var order []int
	for n, off := range offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 || offsets[order[0]] >= xref {
		return errors.New("pdf: không có đối tượng nào trước bảng tham chiếu")
	}

	spans := make([][]byte, len(offsets))
	for i, n := range order {
		end := xref
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		spans[n] = doc[offsets[n]:end]
	}
	contents := pageContents(spans)

	out := &countingWriter{w: bufio.NewWriterSize(w, 64<<10)}
	out.Write(doc[:offsets[order[0]]])
	moved := make([]int, len(offsets))
	var z pageZip
	for _, n := range order {
		obj := spans[n]
		moved[n] = out.n
		data, ok := plainStream(obj, n)
		if !ok || !contents[n] {
			out.Write(obj)
			continue
		}
		packed, err := z.deflate(data)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, len(packed))
		out.Write(packed)
		out.Write([]byte("\nendstream\nendobj\n"))
	}
	at := out.n
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range moved[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "%d\n%%%%EOF\n", at)
	if out.err != nil {
		return out.err
	}
	return out.w.(*bufio.Writer).Flush()
}

// pageContents returns the numbers of the objects that pages name as their
// contents: the streams fpdf compresses (others, such as fonts' ToUnicode
// maps, it writes plain either way). Streams are not searched: their text is
// the document's.
func pageContents(spans [][]byte) map[int]bool {
	contents := map[int]bool{}
	for n, obj := range spans {
		if obj == nil || !bytes.Contains(obj, []byte("<</Type /Page\n")) {
			continue
		}
		if _, ok := plainStream(obj, n); ok {
			continue
		}
		_, ref, ok := bytes.Cut(obj, []byte("/Contents "))
		if !ok {
			continue
		}
		num, _, _ := bytes.Cut(ref, []byte(" 0 R"))
		if c, err := strconv.Atoi(string(num)); err == nil && c > 0 && c < len(spans) {
			contents[c] = true
		}
	}
	return contents
}

// startXref returns the offset that the last lines, "startxref", the offset and
// "%%EOF", give.
func startXref(doc []byte) (int, error) {
	const tail = "%%EOF\n"
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	if i < 0 || !bytes.HasSuffix(doc, []byte(tail)) {
		return 0, errors.New("pdf: thiếu startxref")
	}
	num := doc[i+len("startxref\n") : len(doc)-len(tail)]
	n, err := strconv.Atoi(string(bytes.TrimSuffix(num, []byte("\n"))))
	if err != nil || n <= 0 || n >= i {
		return 0, fmt.Errorf("pdf: startxref %q không hợp lệ", num)
	}
	return n, nil
}

// readXref reads the one-section table fpdf writes at xref: the offset of each
// object by number (0 for the free object 0), and what follows the table up to
// and including "startxref\n".
func readXref(doc []byte, xref int) (offsets []int, trailer []byte, err error) {
	rest := doc[xref:]
	head, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || string(head) != "xref" {
		return nil, nil, errors.New("pdf: không thấy bảng tham chiếu ở vị trí startxref")
	}
	head, rest, _ = bytes.Cut(rest, []byte("\n"))
	var first, count int
	if _, err := fmt.Sscanf(string(head), "%d %d", &first, &count); err != nil || first != 0 || count < 1 {
		return nil, nil, fmt.Errorf("pdf: đầu bảng tham chiếu %q không hợp lệ", head)
	}
	const entry = 20 // "0000012345 00000 n \n"
	if count > len(rest)/entry {
		return nil, nil, errors.New("pdf: bảng tham chiếu bị cắt")
	}
	offsets = make([]int, count)
	for n := 1; n < count; n++ {
		e := rest[n*entry : (n+1)*entry]
		if string(e[10:]) != " 00000 n \n" {
			return nil, nil, fmt.Errorf("pdf: dòng tham chiếu %q không hợp lệ", e)
		}
		if offsets[n], err = strconv.Atoi(string(e[:10])); err != nil || offsets[n] >= xref {
			return nil, nil, fmt.Errorf("pdf: dòng tham chiếu %q không hợp lệ", e)
		}
	}
	trailer = rest[count*entry:]
	end := bytes.LastIndex(trailer, []byte("startxref\n"))
	if end < 0 {
		return nil, nil, errors.New("pdf: thiếu startxref")
	}
	return offsets, trailer[:end+len("startxref\n")], nil
}

// plainStream returns the data of obj when obj is object n written by fpdf's
// putstream with compression off: "n 0 obj", "<</Length L>>", "stream", the L
// bytes, "endstream", "endobj", each ending a line, and nothing else.
func plainStream(obj []byte, n int) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(obj, fmt.Appendf(nil, "%d 0 obj\n<</Length ", n))
	if !ok {
		return nil, false
	}
	num, rest, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	if !ok {
		return nil, false
	}
	l, err := strconv.Atoi(string(num))
	if err != nil || l < 0 || l > len(rest) {
		return nil, false
	}
	if string(rest[l:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[:l], true
}

// pageZip deflates as fpdf does (zlib, best speed) with one writer for all.
type pageZip struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

func (z *pageZip) deflate(data []byte) ([]byte, error) {
	z.buf.Reset()
	if z.zw == nil {
		z.zw, _ = zlib.NewWriterLevel(&z.buf, zlib.BestSpeed) // a valid level never fails
	} else {
		z.zw.Reset(&z.buf)
	}
	if _, err := z.zw.Write(data); err != nil {
		return nil, err
	}
	if err := z.zw.Close(); err != nil {
		return nil, err
	}
	return z.buf.Bytes(), nil
}

// countingWriter counts what it writes and keeps the first error.
type countingWriter struct {
	w   io.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}
