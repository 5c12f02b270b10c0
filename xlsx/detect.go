package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"unicode/utf16"
)

// Format is what a file is, as far as a spreadsheet reader cares.
type Format uint8

const (
	FormatUnknown   Format = iota // none of the below: binary of some other kind
	FormatEmpty                   // zero bytes
	FormatXLSX                    // a zip holding a spreadsheet workbook (xlsx, xlsm)
	FormatZip                     // a zip holding something else (docx, an archive), or one whose directory cannot be read
	FormatODS                     // an OpenDocument spreadsheet (LibreOffice's .ods)
	FormatXLS                     // an OLE2 compound file holding an Excel 97–2003 workbook
	FormatEncrypted               // an OLE2 compound file holding an encrypted (password-protected) OOXML package
	FormatCFB                     // another OLE2 compound file (.doc, or one whose directory cannot be read)
	FormatText                    // plain text: CSV, TSV, HTML or XML saved under a spreadsheet's name
	FormatXLSB                    // a binary Excel workbook (.xlsb): a zip, but no XML to read
)

var formatNames = [...]string{"unknown binary file", "empty file", "xlsx workbook", "zip archive without a workbook",
	"OpenDocument spreadsheet (.ods)", "Excel 97-2003 workbook (.xls)", "encrypted (password-protected) workbook",
	"OLE2 compound file", "text file", "binary Excel workbook (.xlsb)"}

func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown format"
}

// sniffLen is how much of the head Sniff looks at.
const sniffLen = 512

var (
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	odsMime  = []byte("application/vnd.oasis.opendocument.spreadsheet")
)

// Sniff tells the format from the first bytes of a file (512 are enough). A zip
// is FormatZip unless its first entry shows an OpenDocument spreadsheet (which
// must store its mimetype first); telling an xlsx from another zip takes its
// directory: see Detect. An OLE2 compound file is FormatCFB, whose directory
// tells an .xls from an encrypted workbook.
func Sniff(head []byte) Format {
	switch {
	case len(head) == 0:
		return FormatEmpty
	case bytes.HasPrefix(head, cfbMagic):
		return FormatCFB
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		// Local header: name length at 26, extra length at 28, name at 30.
		if len(head) >= 30 {
			n, x := int(binary.LittleEndian.Uint16(head[26:])), int(binary.LittleEndian.Uint16(head[28:]))
			if n == len("mimetype") && len(head) >= 30+n && string(head[30:30+n]) == "mimetype" &&
				len(head) > 30+n+x && bytes.HasPrefix(head[30+n+x:], odsMime) {
				return FormatODS
			}
		}
		return FormatZip
	case bytes.HasPrefix(head, []byte("PK\x05\x06")), bytes.HasPrefix(head, []byte("PK\x07\x08")):
		return FormatZip
	case isText(head):
		return FormatText
	}
	return FormatUnknown
}

// isText accepts UTF-8 and the 8-bit code pages alike (a CSV saved in
// Windows-1258 is still text), and UTF-16 with a byte-order mark: what it
// refuses is NUL and the control characters text does not use.
func isText(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B {
			return false
		}
	}
	return true
}

// Detect tells the format of a file from its first bytes and, for a zip, its
// directory (without inflating anything larger than an ODS mimetype entry); for
// an OLE2 compound file, from its directory. The error is an I/O error of r,
// never a judgement on the content.
func Detect(r io.ReaderAt, size int64) (Format, error) {
	head := make([]byte, min(size, sniffLen))
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return FormatUnknown, err
	}
	switch f := Sniff(head); f {
	case FormatZip:
		zr, err := zip.NewReader(r, size)
		if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
			return FormatZip, nil
		}
		return zipFormat(zr), nil
	case FormatCFB:
		return cfbFormat(r, size), nil
	default:
		return f, nil
	}
}

// zipFormat tells an xlsx from an ODS or another zip by the entries it holds.
func zipFormat(zr *zip.Reader) Format {
	hasWorkbook, hasBinary := false, false
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		switch {
		case name == "mimetype" && f.UncompressedSize64 <= 128:
			if rc, err := f.Open(); err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 128))
				rc.Close()
				if bytes.HasPrefix(bytes.TrimSpace(b), odsMime) {
					return FormatODS
				}
			}
		case name == "xl/workbook.xml", strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, "/workbook.xml"):
			hasWorkbook = true
		case name == "xl/workbook.bin":
			hasBinary = true
		}
	}
	switch {
	case hasWorkbook:
		return FormatXLSX
	case hasBinary:
		return FormatXLSB
	}
	// A workbook part under another name is found through the package's
	// relationships, which the reader follows; Open says if it is missing.
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "_rels/.rels") || strings.EqualFold(f.Name, "[Content_Types].xml") {
			return packageFormat(zr)
		}
	}
	return FormatZip
}

// packageFormat looks into the content types of an OPC package (a zip with
// [Content_Types].xml) for a spreadsheet.
func packageFormat(zr *zip.Reader) Format {
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "[Content_Types].xml") || f.UncompressedSize64 > 1<<20 {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return FormatZip
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		rc.Close()
		if bytes.Contains(b, []byte("spreadsheetml.sheet.main")) || bytes.Contains(b, []byte("ms-excel.sheet.macroEnabled.main")) ||
			bytes.Contains(b, []byte("spreadsheetml.template.main")) {
			return FormatXLSX
		}
	}
	return FormatZip
}

// cfbFormat walks the directory of an OLE2 compound file (at most a few hundred
// entries) for the stream that tells an Excel 97–2003 workbook ("Workbook",
// "Book") from an encrypted OOXML package ("EncryptedPackage").
func cfbFormat(r io.ReaderAt, size int64) Format {
	var hdr [512]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return FormatCFB
	}
	shift := binary.LittleEndian.Uint16(hdr[0x1E:])
	if shift != 9 && shift != 12 {
		return FormatCFB
	}
	secSize := int64(1) << shift
	perFAT := uint32(secSize / 4)
	difat := func(i uint32) (uint32, bool) { // the i-th FAT sector, from the header's DIFAT
		if i >= 109 {
			return 0, false
		}
		return binary.LittleEndian.Uint32(hdr[0x4C+4*i:]), true
	}
	next := func(sec uint32) (uint32, bool) {
		fs, ok := difat(sec / perFAT)
		if !ok || fs >= 0xFFFFFFFA {
			return 0, false
		}
		var b [4]byte
		if _, err := r.ReadAt(b[:], (int64(fs)+1)*secSize+int64(sec%perFAT)*4); err != nil {
			return 0, false
		}
		return binary.LittleEndian.Uint32(b[:]), true
	}
	sec := binary.LittleEndian.Uint32(hdr[0x30:])
	buf := make([]byte, secSize)
	var name [32]uint16
	for range 64 {
		if sec >= 0xFFFFFFFA || (int64(sec)+2)*secSize > size {
			break
		}
		if _, err := r.ReadAt(buf, (int64(sec)+1)*secSize); err != nil {
			break
		}
		for e := 0; e+128 <= len(buf); e += 128 {
			n := int(binary.LittleEndian.Uint16(buf[e+0x40:]))/2 - 1
			if n <= 0 || n > 31 {
				continue
			}
			for i := range n {
				name[i] = binary.LittleEndian.Uint16(buf[e+2*i:])
			}
			switch string(utf16.Decode(name[:n])) {
			case "EncryptedPackage", "EncryptionInfo":
				return FormatEncrypted
			case "Workbook", "Book":
				return FormatXLS
			}
		}
		var ok bool
		if sec, ok = next(sec); !ok {
			break
		}
	}
	return FormatCFB
}
