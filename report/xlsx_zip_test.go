package report

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// zipParts writes parts through canonicalZip in the given order, each in pieces
// the way io.Copy hands them over.
func zipParts(t *testing.T, order []string, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := newCanonicalZip(&buf, nil)
	for _, name := range order {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		body := parts[name]
		for len(body) > 0 {
			n := min(len(body), 7)
			if _, err := io.WriteString(w, body[:n]); err != nil {
				t.Fatal(err)
			}
			body = body[n:]
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCanonicalZip(t *testing.T) {
	parts := map[string]string{
		contentTypes:               `<Types><Default Extension="xml" ContentType="a"/><Default Extension="png" ContentType="b"/><Override PartName="/x"/></Types>`,
		"xl/worksheets/sheet2.xml": strings.Repeat("<row><c><v>1</v></c></row>", 5000),
		"xl/worksheets/sheet1.xml": "<worksheet/>",
		"_rels/.rels":              "",
		"xl/workbook.xml":          "<workbook>Tổng hợp</workbook>",
	}
	a := zipParts(t, []string{"xl/worksheets/sheet2.xml", contentTypes, "xl/workbook.xml", "_rels/.rels", "xl/worksheets/sheet1.xml"}, parts)
	b := zipParts(t, []string{"_rels/.rels", "xl/worksheets/sheet1.xml", "xl/workbook.xml", contentTypes, "xl/worksheets/sheet2.xml"}, parts)
	if !bytes.Equal(a, b) {
		t.Error("the same parts in another order give other bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC and size
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		want := parts[f.Name]
		if f.Name == contentTypes {
			want = `<Types><Default Extension="png" ContentType="b"/><Default Extension="xml" ContentType="a"/><Override PartName="/x"/></Types>`
		}
		if string(got) != want {
			t.Errorf("%s: %.80q, want %.80q", f.Name, got, want)
		}
		if f.ModifiedDate != 0 || f.ModifiedTime != 0 {
			t.Errorf("%s carries a timestamp %v", f.Name, f.Modified)
		}
	}
	want := []string{contentTypes, "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("part order (-want +got):\n%s", diff)
	}
}
