package report

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestDeflateAsFpdf holds pdfDeflater to fpdf: the reports written with dean's
// compression must be, byte for byte, the ones fpdf writes with its own.
func TestDeflateAsFpdf(t *testing.T) {
	docs := map[string]Document{
		"2022":          Build(fixture(t, "2022", map[int]int{22: 5, 21: 10, 15: 27})),
		"2026-H1":       Build(fixture(t, "2026-H1", map[int]int{22: 42})),
		"không dữ liệu": Build(withoutData(fixture(t, "2022", map[int]int{22: 42}), "31117", "31120")),
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			f := layoutPDF(d)
			f.SetCompression(true)
			var want bytes.Buffer
			if err := f.Output(&want); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WritePDF(&got, d); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("dean's compression gives %d bytes, fpdf's %d; first difference at byte %d",
					got.Len(), want.Len(), firstDiff(got.Bytes(), want.Bytes()))
			}
			if n := bytes.Count(got.Bytes(), []byte("<</Filter /FlateDecode /Length ")); n != f.PageCount() {
				t.Errorf("%d pages compressed, want all %d", n, f.PageCount())
			}
		})
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestDeflateWrites covers the ways the document can reach pdfDeflater and the
// documents it refuses rather than write wrongly.
func TestDeflateWrites(t *testing.T) {
	f := layoutPDF(Build(fixture(t, "2022", map[int]int{22: 42})))
	var plain bytes.Buffer
	if err := f.Output(&plain); err != nil {
		t.Fatal(err)
	}
	doc := plain.Bytes()
	var whole bytes.Buffer
	if err := deflateStreams(&whole, doc); err != nil {
		t.Fatal(err)
	}

	t.Run("in pieces", func(t *testing.T) {
		var got bytes.Buffer
		d := &pdfDeflater{w: &got}
		for rest := doc; len(rest) > 0; {
			n := min(len(rest), 1000)
			if _, err := d.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := d.flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), whole.Bytes()) {
			t.Error("written in pieces, the document differs from written at once")
		}
	})

	for _, tt := range []struct {
		name string
		doc  []byte
		want string
	}{
		{"empty", nil, "startxref"},
		{"cut", doc[:len(doc)/2], "startxref"},
		{"no table", bytes.Replace(doc, []byte("\nxref\n"), []byte("\nxref \n"), 1), "bảng tham chiếu"},
		{"bad entry", bytes.Replace(doc, []byte(" 00000 n \n"), []byte(" 00000 f \n"), 1), "dòng tham chiếu"},
		{"bad startxref", badStartXref(doc), "startxref"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := deflateStreams(io.Discard, tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

func badStartXref(doc []byte) []byte {
	i := bytes.LastIndex(doc, []byte("startxref\n")) + len("startxref\n")
	return append(bytes.Clone(doc[:i]), "x\n%%EOF\n"...)
}

// FuzzDeflateStreams feeds damaged documents: deflateStreams refuses or
// rewrites them, never panics, and what it writes has its table where
// startxref says.
func FuzzDeflateStreams(f *testing.F) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	for range 2 {
		pdf.AddPage()
		pdf.SetFont("Helvetica", "", 12)
		pdf.Cell(40, 10, "Cai Khe")
	}
	var plain bytes.Buffer
	if err := pdf.Output(&plain); err != nil {
		f.Fatal(err)
	}
	f.Add(plain.Bytes())
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<>>\nstartxref\n59\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var out bytes.Buffer
		if err := deflateStreams(&out, doc); err != nil {
			return
		}
		at, err := startXref(out.Bytes())
		if err != nil {
			t.Fatalf("rewritten document: %v", err)
		}
		if !bytes.HasPrefix(out.Bytes()[at:], []byte("xref\n")) {
			t.Fatalf("startxref %d does not point at the table", at)
		}
	})
}
