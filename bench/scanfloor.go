package bench

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
)

// ScanFloor is the least any xlsx reader must do: inflate every worksheet of
// the files and pull each cell's reference and raw value out of the XML with a
// byte scan — no shared strings, styles or types, no checks. It returns the
// number of cells; files are read in parallel as Floor reads them.
func ScanFloor(files []string) (int, error) {
	return parallel(files, scanFile)
}

func scanFile(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	var buf bytes.Buffer
	cells, sum := 0, 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return cells, err
		}
		buf.Reset()
		_, err = buf.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return cells, err
		}
		n, s := scanCells(buf.Bytes())
		cells, sum = cells+n, sum+s
	}
	if sum < 0 { // keeps the scan from being optimised away
		return 0, io.ErrUnexpectedEOF
	}
	return cells, nil
}

var (
	cellOpen  = []byte("<c ")
	refAttr   = []byte(` r="`)
	valueOpen = []byte("<v>")
)

// scanCells finds each <c r="..."> and its <v>...</v>, and returns how many
// cells it found and the total length of their references and values.
func scanCells(b []byte) (cells, sum int) {
	for {
		i := bytes.Index(b, cellOpen)
		if i < 0 {
			return cells, sum
		}
		b = b[i+len(cellOpen)-1:]
		end := bytes.IndexByte(b, '>')
		if end < 0 {
			return cells, sum
		}
		cells++
		if j := bytes.Index(b[:end], refAttr); j >= 0 {
			ref := b[j+len(refAttr):]
			if k := bytes.IndexByte(ref, '"'); k >= 0 {
				sum += k
			}
		}
		selfClosed := b[end-1] == '/'
		b = b[end+1:]
		if selfClosed {
			continue
		}
		// The value, if any, comes before the cell's end tag.
		close := bytes.Index(b, []byte("</c>"))
		if close < 0 {
			return cells, sum
		}
		if j := bytes.Index(b[:close], valueOpen); j >= 0 {
			if k := bytes.IndexByte(b[j+len(valueOpen):close], '<'); k >= 0 {
				sum += k
			}
		}
		b = b[close+4:]
	}
}
