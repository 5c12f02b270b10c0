package xlsx

// readStyles reads the number format of every cell style (cellXfs), with the
// custom formats (numFmts) they refer to. Other parts of styles.xml (fonts,
// fills, the xfs of named styles, differential formats) do not matter here.
func (b *Book) readStyles(part string) error {
	custom := map[int]*NumFormat{}
	var ids []int
	section := ""
	err := b.walk(part, func(s *scanner, depth int) error {
		switch depth {
		case 2:
			section = ""
			if n := string(s.name); n == "numFmts" || n == "cellXfs" {
				section = n
			}
		case 3:
			switch {
			case section == "numFmts" && string(s.name) == "numFmt":
				v, _ := s.attr("numFmtId")
				id, ok := parseUint(v)
				if !ok {
					return s.fail("a number format without a valid numFmtId")
				}
				code, _, err := s.attrString("formatCode")
				if err != nil {
					return err
				}
				custom[id] = &NumFormat{ID: id, Code: code, Class: Classify(code)}
			case section == "cellXfs" && string(s.name) == "xf":
				// Excel applies numFmtId whatever applyNumberFormat says.
				id := 0
				if v, ok := s.attr("numFmtId"); ok {
					if id, ok = parseUint(v); !ok {
						return s.fail("a cell style with an invalid numFmtId")
					}
				}
				ids = append(ids, id)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.xfs = make([]*NumFormat, len(ids))
	for i, id := range ids {
		if f, ok := custom[id]; ok {
			b.xfs[i] = f
		} else {
			b.xfs[i] = builtinFormat(id)
		}
	}
	return nil
}

// format is the number format of a cell style; an index the styles do not
// have (which Excel would not write) shows as General.
func (b *Book) format(style int) *NumFormat {
	if style >= 0 && style < len(b.xfs) {
		return b.xfs[style]
	}
	return generalFormat
}
