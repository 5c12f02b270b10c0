package xlsx

import (
	"io"
	"strings"
)

// Relationship types end with these names, whichever namespace (transitional or
// strict) they come from.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relChartsheet     = "/chartsheet"
	relStyles         = "/styles"
	relSharedStrings  = "/sharedStrings"
)

type relationship struct {
	id, typ, target string
	external        bool
}

// load reads what every sheet needs: the workbook part, its relationships,
// styles and shared strings.
func (b *Book) load() error {
	wb := "xl/workbook.xml"
	if b.has("_rels/.rels") {
		rels, err := b.readRels("_rels/.rels", "")
		if err != nil {
			return err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relOfficeDocument) && !r.external {
				wb = r.target
				break
			}
		}
	}
	if !b.has(wb) {
		return &FormatError{FormatZip}
	}
	refs, err := b.readWorkbook(wb)
	if err != nil {
		return err
	}
	relsPart := relsOf(wb)
	var rels []relationship
	if b.has(relsPart) {
		if rels, err = b.readRels(relsPart, wb); err != nil {
			return err
		}
	}
	byID := make(map[string]relationship, len(rels))
	stylesPart, sstPart := "", ""
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case r.external:
		case strings.HasSuffix(r.typ, relStyles):
			stylesPart = r.target
		case strings.HasSuffix(r.typ, relSharedStrings):
			sstPart = r.target
		}
	}
	// Writers that leave out a relationship still put the parts where Excel does.
	if stylesPart == "" && b.has("xl/styles.xml") {
		stylesPart = "xl/styles.xml"
	}
	if sstPart == "" && b.has("xl/sharedStrings.xml") {
		sstPart = "xl/sharedStrings.xml"
	}
	for i, ref := range refs {
		sh := &b.sheets[i]
		r, ok := byID[ref]
		switch {
		case !ok || r.external || !b.has(r.target):
			sh.Type = OtherSheet
		case strings.HasSuffix(r.typ, relWorksheet):
			sh.Part = r.target
		case strings.HasSuffix(r.typ, relChartsheet):
			sh.Type, sh.Part = Chartsheet, r.target
		default:
			sh.Type, sh.Part = OtherSheet, r.target
		}
	}
	if stylesPart != "" {
		if err := b.readStyles(stylesPart); err != nil {
			return err
		}
	}
	if sstPart != "" {
		if err := b.readSharedStrings(sstPart); err != nil {
			return err
		}
	}
	return nil
}

// relsOf is the relationships part of a part: xl/_rels/workbook.xml.rels.
func relsOf(part string) string {
	dir, file := "", part
	if i := strings.LastIndexByte(part, '/'); i >= 0 {
		dir, file = part[:i+1], part[i+1:]
	}
	return dir + "_rels/" + file + ".rels"
}

// scanPart starts reading a small part, with a window no larger than the part.
func (b *Book) scanPart(name string) (*scanner, *partReader, error) {
	p, err := b.open(name)
	if err != nil {
		return nil, nil, err
	}
	s := &scanner{}
	s.buf = make([]byte, min(max(int(min(p.f.UncompressedSize64, 1<<30))+1, 512), initialWindow, b.opts.MaxElement))
	s.reset(p, p.f.Name, "", b.opts.MaxElement)
	return s, p, nil
}

// walk calls fn for every start and empty tag of a part, with its depth (the
// root element is at depth 1).
func (b *Book) walk(name string, fn func(s *scanner, depth int) error) error {
	s, p, err := b.scanPart(name)
	if err != nil {
		return err
	}
	defer p.Close()
	depth := 0
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
			err = fn(s, depth)
		case tokEmpty:
			err = fn(s, depth+1)
		case tokEnd:
			depth--
		}
		if err != nil {
			return err
		}
	}
}

func (b *Book) readRels(part, source string) ([]relationship, error) {
	var rels []relationship
	err := b.walk(part, func(s *scanner, depth int) error {
		if depth != 2 || string(s.name) != "Relationship" {
			return nil
		}
		var r relationship
		var err error
		if r.id, _, err = s.attrString("Id"); err != nil {
			return err
		}
		if r.typ, _, err = s.attrString("Type"); err != nil {
			return err
		}
		target, _, err := s.attrString("Target")
		if err != nil {
			return err
		}
		mode, _, err := s.attrString("TargetMode")
		if err != nil {
			return err
		}
		r.external = strings.EqualFold(mode, "External")
		r.target = resolve(source, target)
		rels = append(rels, r)
		return nil
	})
	return rels, err
}

// readWorkbook reads the sheets and the date system; it returns each sheet's
// relationship id.
func (b *Book) readWorkbook(part string) ([]string, error) {
	var refs []string
	err := b.walk(part, func(s *scanner, depth int) error {
		switch {
		case depth == 2 && string(s.name) == "workbookPr":
			v, _, err := s.attrString("date1904")
			b.date1904 = v == "1" || v == "true"
			return err
		case depth == 3 && string(s.name) == "sheet":
			var sh Sheet
			var err error
			if sh.Name, _, err = s.attrString("name"); err != nil {
				return err
			}
			state, _, err := s.attrString("state")
			if err != nil {
				return err
			}
			switch state {
			case "hidden":
				sh.State = Hidden
			case "veryHidden":
				sh.State = VeryHidden
			}
			id := ""
			for _, a := range s.attrs {
				// r:id, whatever the prefix of the relationships namespace.
				if n := s.attrName(a); string(localName(n)) == "id" && len(localName(n)) < len(n) {
					d, err := s.decode(nil, s.attrValue(a))
					if err != nil {
						return err
					}
					id = string(d)
				}
			}
			b.sheets = append(b.sheets, sh)
			refs = append(refs, id)
		}
		return nil
	})
	return refs, err
}
