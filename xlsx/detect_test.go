package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
	"unicode/utf16"
)

// cfb is a compound file of three 512-byte sectors (header, FAT, directory)
// whose directory holds a root and one stream of the given name.
func cfb(stream string) []byte {
	b := make([]byte, 3*512)
	copy(b, cfbMagic)
	le := binary.LittleEndian
	le.PutUint16(b[0x1A:], 3)      // major version
	le.PutUint16(b[0x1C:], 0xFFFE) // byte order
	le.PutUint16(b[0x1E:], 9)      // 512-byte sectors
	le.PutUint32(b[0x2C:], 1)      // one FAT sector
	le.PutUint32(b[0x30:], 1)      // the directory starts at sector 1
	le.PutUint32(b[0x4C:], 0)      // the FAT is sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(b[0x4C+4*i:], 0xFFFFFFFF)
	}
	fat := b[512:]
	le.PutUint32(fat[0:], 0xFFFFFFFD) // sector 0: the FAT
	le.PutUint32(fat[4:], 0xFFFFFFFE) // sector 1: the end of the directory
	dir := b[1024:]
	for i, name := range []string{"Root Entry", stream} {
		e := dir[i*128:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = [...]byte{5, 2}[i]
	}
	return b
}

func zipWith(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		h := &zip.FileHeader{Name: entries[i], Method: zip.Deflate}
		if entries[i] == "mimetype" {
			h.Method = zip.Store // as ODF requires
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(entries[i+1]))
	}
	zw.Close()
	return buf.Bytes()
}

func TestDetect(t *testing.T) {
	xlsx := excelizeWorkbook(t, false)
	ods := zipWith(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>")
	odsLate := zipWith(t, "content.xml", "<x/>", "mimetype", "application/vnd.oasis.opendocument.spreadsheet")
	docx := zipWith(t, "[Content_Types].xml", `<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`, "word/document.xml", "<w:document/>")
	strict := zipWith(t, "[Content_Types].xml", `<Types><Override PartName="/wb.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`, "_rels/.rels", "")
	for _, tc := range []struct {
		name      string
		data      []byte
		sniff, is Format
	}{
		{"empty", nil, FormatEmpty, FormatEmpty},
		{"xlsx", xlsx, FormatZip, FormatXLSX},
		{"xlsx elsewhere", strict, FormatZip, FormatXLSX},
		{"xls", cfb("Workbook"), FormatCFB, FormatXLS},
		{"xls of Excel 5", cfb("Book"), FormatCFB, FormatXLS},
		{"encrypted", cfb("EncryptedPackage"), FormatCFB, FormatEncrypted},
		{"doc", cfb("WordDocument"), FormatCFB, FormatCFB},
		{"cut compound file", cfb("Workbook")[:600], FormatCFB, FormatCFB},
		{"ods", ods, FormatODS, FormatODS},
		{"ods, mimetype not first", odsLate, FormatZip, FormatODS},
		{"docx", docx, FormatZip, FormatZip},
		{"xlsb", zipWith(t, "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "\x83\x01\x00"), FormatZip, FormatXLSB},
		{"empty zip", zipWith(t), FormatZip, FormatZip},
		{"damaged zip", xlsx[:len(xlsx)/2], FormatZip, FormatZip},
		{"csv", []byte("Mã phường;Kỳ này\r\n31117;5\r\n"), FormatText, FormatText},
		{"csv in Windows-1258", []byte("M\xe3 ph\xfd\xf5\xf2ng,5\n"), FormatText, FormatText},
		{"utf-16 text", []byte("\xff\xfeM\x00a\x00"), FormatText, FormatText},
		{"html", []byte("<html><table><tr><td>1</td></tr></table></html>"), FormatText, FormatText},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}, FormatUnknown, FormatUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sniff(tc.data); got != tc.sniff {
				t.Errorf("Sniff = %v, want %v", got, tc.sniff)
			}
			got, err := Detect(bytes.NewReader(tc.data), int64(len(tc.data)))
			if err != nil || got != tc.is {
				t.Errorf("Detect = %v, %v; want %v", got, err, tc.is)
			}
			_, err = OpenReaderAt(bytes.NewReader(tc.data), int64(len(tc.data)), Options{})
			var fe *FormatError
			var de *DamagedError
			switch {
			case tc.is == FormatXLSX:
				if tc.name == "xlsx" && err != nil {
					t.Errorf("Open: %v", err)
				}
			case tc.name == "damaged zip":
				if !errors.As(err, &de) || de.Part != "" {
					t.Errorf("Open: %v, want damage to the zip", err)
				}
			case !errors.As(err, &fe) || fe.Format != tc.is || !errors.Is(err, ErrNotXLSX):
				t.Errorf("Open: %v, want a FormatError for %v", err, tc.is)
			}
		})
	}
}
