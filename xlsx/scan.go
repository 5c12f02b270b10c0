package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// The scanner reads the XML of one part through a window that slides over it:
// enough for what the reader needs of OOXML (elements, attributes, text,
// entities and character references, CDATA, comments, processing instructions)
// and no more. It keeps no stack of open elements, so nesting costs nothing,
// and the window only grows while a single tag or text run does not fit in it,
// up to a limit. Names are compared by their local part: the reader does not
// resolve namespace prefixes, so <x:c> is a c.

type tokKind uint8

const (
	tokStart tokKind = iota + 1 // <a ...>
	tokEnd                      // </a>
	tokEmpty                    // <a .../>
)

// attr is an attribute of the current tag, by its place in the window.
type attr struct{ n0, n1, v0, v1 int32 }

type scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread bytes are buf[pos:end]
	off      int64 // offset in the part of buf[0]
	max      int   // the window never grows past this
	eof      bool  // r is exhausted
	rerr     error // sticky read error other than io.EOF
	part     string
	sheet    string

	// The current tag, in the window: valid until the next read.
	name  []byte // local name
	attrs []attr
}

// initialWindow is enough for the whole of most form sheets.
const initialWindow = 64 << 10

func (s *scanner) reset(r io.Reader, part, sheet string, max int) {
	if cap(s.buf) == 0 {
		s.buf = make([]byte, min(initialWindow, max))
	}
	s.buf = s.buf[:min(cap(s.buf), max)]
	*s = scanner{r: r, buf: s.buf, max: max, part: part, sheet: sheet, attrs: s.attrs[:0]}
}

var (
	utf16LE = []byte{0xFF, 0xFE}
	utf16BE = []byte{0xFE, 0xFF}
)

// errShort says that the token at pos does not end inside the window.
var errShort = errors.New("short")

func (s *scanner) fail(reason string) *DamagedError {
	return &DamagedError{Part: s.part, Sheet: s.sheet, Offset: s.off + int64(s.pos), Reason: reason}
}

// more reads more of the part into the window, keeping buf[pos:end]. It reports
// whether anything was read; when not, s.rerr or s.eof says why.
func (s *scanner) more() bool {
	if s.eof || s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.off += int64(s.pos)
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.max {
			s.rerr = s.fail("an XML tag or text is longer than the limit")
			return false
		}
		nb := make([]byte, min(2*len(s.buf), s.max))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	first := s.off == 0 && s.end == 0
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if first && n > 0 && (bytes.HasPrefix(s.buf[:s.end], utf16LE) || bytes.HasPrefix(s.buf[:s.end], utf16BE)) {
			// Excel writes UTF-8 only; read as bytes, UTF-16 would look like
			// a part with no elements.
			s.rerr = s.fail("the XML is in UTF-16")
			return false
		}
		switch {
		case err == io.EOF:
			s.eof = true
			return n > 0
		case err != nil:
			s.rerr = err
			return n > 0
		case n > 0:
			return true
		}
	}
}

// short is the error for a token cut off by the end of the part.
func (s *scanner) short() error {
	if s.rerr != nil {
		return s.rerr
	}
	return s.fail("the XML ends in the middle of a tag or element")
}

// next moves to the next element tag, skipping text, comments, processing
// instructions and CDATA sections between tags. At the end of the part it
// returns io.EOF.
func (s *scanner) next() (tokKind, error) {
	for {
		i := 0
		if s.pos >= s.end || s.buf[s.pos] != '<' {
			i = bytes.IndexByte(s.buf[s.pos:s.end], '<')
		}
		if i < 0 {
			s.pos = s.end
			if !s.more() {
				if s.rerr != nil {
					return 0, s.rerr
				}
				return 0, io.EOF
			}
			continue
		}
		s.pos += i
		k, err := s.tag()
		if err == errShort {
			if !s.more() {
				return 0, s.short()
			}
			continue
		}
		if err != nil {
			return 0, err
		}
		if k != 0 {
			return k, nil
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// localName strips a namespace prefix.
func localName(b []byte) []byte {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == ':' {
			return b[i+1:]
		}
	}
	return b
}

var (
	cdataOpen   = []byte("<![CDATA[")
	cdataClose  = []byte("]]>")
	commentOpen = []byte("<!--")
	commentEnd  = []byte("-->")
	piEnd       = []byte("?>")
)

// tag reads the markup at pos ('<'). It returns 0 for markup that is not an
// element tag (comment, processing instruction, CDATA) after skipping it, and
// errShort, without moving, when the markup does not end inside the window.
func (s *scanner) tag() (tokKind, error) {
	b := s.buf[s.pos:s.end]
	if len(b) < 2 {
		return 0, errShort
	}
	switch b[1] {
	case '/':
		j := bytes.IndexByte(b, '>')
		if j < 0 {
			return 0, errShort
		}
		n := b[2:j]
		for len(n) > 0 && isSpace(n[len(n)-1]) {
			n = n[:len(n)-1]
		}
		if len(n) == 0 {
			return 0, s.fail("an end tag without a name")
		}
		s.name, s.attrs = localName(n), s.attrs[:0]
		s.pos += j + 1
		return tokEnd, nil
	case '?':
		j := bytes.Index(b, piEnd)
		if j < 0 {
			return 0, errShort
		}
		s.pos += j + 2
		return 0, nil
	case '!':
		return 0, s.skipBang(b)
	}
	p := 1
	for p < len(b) && !isSpace(b[p]) && b[p] != '/' && b[p] != '>' {
		p++
	}
	if p == len(b) {
		return 0, errShort
	}
	if p == 1 {
		return 0, s.fail("a tag without a name")
	}
	name := b[1:p]
	s.attrs = s.attrs[:0]
	for {
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, errShort
		}
		switch b[p] {
		case '>':
			s.name = localName(name)
			s.pos += p + 1
			return tokStart, nil
		case '/':
			if p+1 >= len(b) {
				return 0, errShort
			}
			if b[p+1] != '>' {
				return 0, s.fail("a stray '/' in a tag")
			}
			s.name = localName(name)
			s.pos += p + 2
			return tokEmpty, nil
		}
		q := p
		for p < len(b) && b[p] != '=' && !isSpace(b[p]) && b[p] != '>' && b[p] != '/' {
			p++
		}
		an := b[q:p]
		if len(an) == 0 {
			return 0, s.fail("an attribute without a name")
		}
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, errShort
		}
		if b[p] != '=' {
			return 0, s.fail("an attribute without a value")
		}
		p++
		for p < len(b) && isSpace(b[p]) {
			p++
		}
		if p >= len(b) {
			return 0, errShort
		}
		quote := b[p]
		if quote != '"' && quote != '\'' {
			return 0, s.fail("an attribute value without quotes")
		}
		// Values are mostly short: a loop beats a call to IndexByte.
		j := p + 1
		for j < len(b) && j < p+16 && b[j] != quote {
			j++
		}
		if j == p+16 {
			if k := bytes.IndexByte(b[j:], quote); k >= 0 {
				j += k
			} else {
				j = len(b)
			}
		}
		if j >= len(b) {
			return 0, errShort
		}
		base := int32(s.pos)
		s.attrs = append(s.attrs, attr{base + int32(q), base + int32(q+len(an)), base + int32(p+1), base + int32(j)})
		p = j + 1
	}
}

// skipBang skips a comment or a CDATA section met between elements. A DOCTYPE
// is refused: OOXML parts may not have one, and its entities are a way to
// amplify a small file.
func (s *scanner) skipBang(b []byte) error {
	open, end := commentOpen, commentEnd
	if !bytes.HasPrefix(b, commentOpen) {
		open, end = cdataOpen, cdataClose
	}
	if !bytes.HasPrefix(b, open) {
		if len(b) < len(open) && bytes.HasPrefix(open, b) || len(b) < len(commentOpen) && bytes.HasPrefix(commentOpen, b) {
			return errShort
		}
		return s.fail("a DOCTYPE or unknown markup")
	}
	j := bytes.Index(b[len(open):], end)
	if j < 0 {
		return errShort
	}
	s.pos += len(open) + j + len(end)
	return nil
}

// attr returns the value of the current tag's attribute with the given local
// name, undecoded.
func (s *scanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(localName(s.buf[a.n0:a.n1])) == name {
			return s.buf[a.v0:a.v1], true
		}
	}
	return nil, false
}

func (s *scanner) attrName(a attr) []byte  { return s.buf[a.n0:a.n1] }
func (s *scanner) attrValue(a attr) []byte { return s.buf[a.v0:a.v1] }

// attrString is an attribute's value decoded.
func (s *scanner) attrString(name string) (string, bool, error) {
	v, ok := s.attr(name)
	if !ok {
		return "", false, nil
	}
	if !needsDecode(v) {
		if !utf8.Valid(v) {
			return "", true, s.fail("an attribute is not UTF-8")
		}
		return string(v), true, nil
	}
	d, err := s.decode(nil, v)
	return string(d), true, err
}

// endOf checks that the end tag just read closes the element expected. Only
// the elements the reader takes values from are checked; the others are
// skipped by depth alone.
func (s *scanner) endOf(name string) error {
	if string(s.name) != name {
		return s.fail(fmt.Sprintf("<%s> closed by </%s>", name, s.name))
	}
	return nil
}

// skip skips the rest of the element whose start tag was just read.
func (s *scanner) skip() error {
	for depth := 1; depth > 0; {
		k, err := s.next()
		if err != nil {
			return s.noEOF(err)
		}
		switch k {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

// noEOF turns the end of the part inside an element into damage.
func (s *scanner) noEOF(err error) error {
	if err == io.EOF {
		return s.fail("the XML ends before its elements are closed")
	}
	return err
}

// text appends to dst the character data from pos to the next element tag,
// decoded: entities and character references replaced, CDATA sections taken as
// they are, comments and processing instructions left out, line ends
// normalised as XML requires.
func (s *scanner) text(dst []byte) ([]byte, error) {
	for {
		b := s.buf[s.pos:s.end]
		i := bytes.IndexByte(b, '<')
		if i < 0 || i+1 >= len(b) {
			if !s.more() {
				return dst, s.short()
			}
			continue
		}
		var err error
		if dst, err = s.decode(dst, b[:i]); err != nil {
			return dst, err
		}
		s.pos += i
		b = b[i:]
		switch b[1] {
		case '!':
			if !bytes.HasPrefix(b, cdataOpen) {
				if err := s.skipBang(b); err == errShort {
					if !s.more() {
						return dst, s.short()
					}
				} else if err != nil {
					return dst, err
				}
				continue
			}
			j := bytes.Index(b[len(cdataOpen):], cdataClose)
			if j < 0 {
				if !s.more() {
					return dst, s.short()
				}
				continue
			}
			dst = appendNewlines(dst, b[len(cdataOpen):len(cdataOpen)+j])
			s.pos += len(cdataOpen) + j + len(cdataClose)
		case '?':
			j := bytes.Index(b, piEnd)
			if j < 0 {
				if !s.more() {
					return dst, s.short()
				}
				continue
			}
			s.pos += j + 2
		default:
			return dst, nil
		}
	}
}

// needsDecode reports whether character data holds an entity, a character
// reference or a carriage return.
func needsDecode(b []byte) bool {
	for _, c := range b {
		if c == '&' || c == '\r' {
			return true
		}
	}
	return false
}

// decode appends character data to dst with entities and character references
// replaced and line ends normalised; it checks that the result is UTF-8.
func (s *scanner) decode(dst, src []byte) ([]byte, error) {
	start := len(dst)
	if !needsDecode(src) {
		dst = append(dst, src...)
	} else {
		for len(src) > 0 {
			i := 0
			for i < len(src) && src[i] != '&' && src[i] != '\r' {
				i++
			}
			dst = append(dst, src[:i]...)
			if i == len(src) {
				break
			}
			if src[i] == '\r' {
				dst = append(dst, '\n')
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				src = src[i+1:]
				continue
			}
			j := bytes.IndexByte(src[i:], ';')
			if j < 0 || j > 12 {
				return dst, s.fail("an '&' that starts no entity")
			}
			r, ok := entity(src[i+1 : i+j])
			if !ok {
				return dst, s.fail("an unknown entity or a bad character reference")
			}
			dst = utf8.AppendRune(dst, r)
			src = src[i+j+1:]
		}
	}
	if !utf8.Valid(dst[start:]) {
		return dst, s.fail("text that is not UTF-8")
	}
	return dst, nil
}

func appendNewlines(dst, src []byte) []byte {
	for {
		i := bytes.IndexByte(src, '\r')
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		dst = append(dst, '\n')
		if i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
}

// entity is the character an entity or character reference (without & and ;)
// stands for; references to characters XML does not allow are refused.
func entity(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	base, digits := 10, e[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	r := rune(0)
	for _, c := range digits {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*rune(base) + d
	}
	return r, xmlChar(r)
}

// xmlChar is XML 1.0's Char production.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
