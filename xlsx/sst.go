package xlsx

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// sharedStrings holds the shared strings end to end in one buffer, so that
// cells refer to them without a string per cell or per entry.
type sharedStrings struct {
	data []byte
	ends []int // string i is data[ends[i-1]:ends[i]]
}

func (t *sharedStrings) get(i int) ([]byte, bool) {
	if i < 0 || i >= len(t.ends) {
		return nil, false
	}
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.data[start:t.ends[i]:t.ends[i]], true
}

// readSharedStrings reads each string item (si): its text (t), or the text of
// its rich-text runs (r/t) one after another; phonetic runs (rPh) are left out,
// as Excel shows them only above the text.
func (b *Book) readSharedStrings(part string) error {
	s, p, err := b.scanPart(part)
	if err != nil {
		return err
	}
	defer p.Close()
	t := &b.sst
	depth, start := 0, -1
	for {
		k, err := s.next()
		if err == io.EOF {
			if depth > 0 {
				return s.noEOF(err)
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			depth++
			name := string(s.name)
			switch {
			case depth == 2 && name == "si":
				start = len(t.data)
			case start >= 0 && depth == 3 && name == "rPh":
				if err := s.skip(); err != nil {
					return err
				}
				depth--
			case start >= 0 && name == "t" && (depth == 3 || depth == 4):
				if t.data, err = readText(s, t.data, "t"); err != nil {
					return err
				}
				depth--
			}
		case tokEmpty:
			if depth == 1 && string(s.name) == "si" {
				t.ends = append(t.ends, len(t.data))
			}
		case tokEnd:
			if depth == 2 && start >= 0 {
				if err := s.endOf("si"); err != nil {
					return err
				}
				t.data = append(t.data[:start], unescapeX(t.data[start:])...)
				t.ends = append(t.ends, len(t.data))
				start = -1
			}
			depth--
		}
	}
}

// readText appends the text of an element (t or v) whose start tag was just
// read, up to and including its end tag; the text of any element inside it is
// left out.
func readText(s *scanner, dst []byte, name string) ([]byte, error) {
	for {
		var err error
		if dst, err = s.text(dst); err != nil {
			return dst, err
		}
		k, err := s.next()
		if err != nil {
			return dst, s.noEOF(err)
		}
		switch k {
		case tokEnd:
			return dst, s.endOf(name)
		case tokStart:
			if err := s.skip(); err != nil {
				return dst, err
			}
		}
	}
}

var underscoreX = []byte("_x")

// unescapeX decodes, in place, the _xHHHH_ escapes with which Excel writes the
// characters XML cannot hold (control characters); _x005F_ is how it escapes a
// literal underscore before such a sequence. An escape of a lone surrogate is
// dropped.
func unescapeX(b []byte) []byte {
	i := bytes.Index(b, underscoreX)
	if i < 0 {
		return b
	}
	w := i
	for i < len(b) {
		if b[i] == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if r, ok := hex4(b[i+2 : i+6]); ok {
				if r == '_' {
					b[w] = '_'
					w++
				} else if utf8.ValidRune(r) {
					w += utf8.EncodeRune(b[w:], r)
				}
				i += 7
				continue
			}
		}
		b[w] = b[i]
		w++
		i++
	}
	return b[:w]
}

func hex4(b []byte) (rune, bool) {
	r := rune(0)
	for _, c := range b {
		d, ok := unhex(c)
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}
