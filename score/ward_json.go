package score

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// appendWard writes a ward as json.Encoder with SetIndent(prefix, "  ") and
// SetEscapeHTML(false) would, byte for byte, without reflection or the indent
// pass: a nationwide result is tens of megabytes of the same few shapes. Tests
// hold it to the encoder.
func appendWard(b []byte, w Ward, prefix string) []byte {
	in1, in2, in3, in4, in5 := prefix+"  ", prefix+"    ", prefix+"      ", prefix+"        ", prefix+"          "
	b = append(b, "{\n"...)
	b = field(b, in1, "list", w.List, true)
	b = field(b, in1, "code", w.Code, true)
	b = field(b, in1, "name", w.Name, true)
	b = field(b, in1, "district", w.District, true)
	b = append(b, in1...)
	b = append(b, `"passed": `...)
	b = strconv.AppendInt(b, int64(w.Passed), 10)
	b = append(b, ",\n"...)
	b = append(b, in1...)
	b = append(b, `"total": `...)
	b = strconv.AppendInt(b, int64(w.Total), 10)
	b = append(b, ",\n"...)
	b = append(b, in1...)
	b = append(b, `"model": `...)
	b = strconv.AppendBool(b, w.Model)
	b = append(b, ",\n"...)
	b = append(b, in1...)
	b = append(b, `"criteria": `...)
	b = appendArray(b, len(w.Criteria), w.Criteria == nil, in1, func(b []byte, i int) []byte {
		c := w.Criteria[i]
		b = append(b, "{\n"...)
		b = field(b, in3, "id", c.ID, true)
		b = field(b, in3, "name", c.Name, true)
		b = field(b, in3, "result", c.Verdict.String(), true)
		b = append(b, in3...)
		b = append(b, `"indicators": `...)
		b = appendArray(b, len(c.Indicators), c.Indicators == nil, in3, func(b []byte, j int) []byte {
			ind := c.Indicators[j]
			wd := ind.fact.words(ind.set)
			b = append(b, "{\n"...)
			b = field(b, in5, "id", ind.ID, true)
			b = field(b, in5, "result", ind.Verdict.String(), true)
			b = field(b, in5, "actual", wd.actual, true)
			b = field(b, in5, "target", wd.target, true)
			b = field(b, in5, "explanation", wd.explain, false)
			b = append(b, in4...)
			return append(b, '}')
		})
		b = append(b, '\n')
		b = append(b, in2...)
		return append(b, '}')
	})
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// appendArray writes n elements, each on its own line one level in; null for a
// nil slice and [] for an empty one, as the encoder does.
func appendArray(b []byte, n int, isNil bool, indent string, elem func([]byte, int) []byte) []byte {
	switch {
	case isNil:
		return append(b, "null"...)
	case n == 0:
		return append(b, "[]"...)
	}
	b = append(b, "[\n"...)
	for i := range n {
		b = append(b, indent...)
		b = append(b, "  "...)
		b = elem(b, i)
		if i < n-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	b = append(b, indent...)
	return append(b, ']')
}

func field(b []byte, indent, name, value string, comma bool) []byte {
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, `": `...)
	b = appendString(b, value)
	if comma {
		b = append(b, ',')
	}
	return append(b, '\n')
}

// appendString quotes s as the encoder does with HTML left alone. Text that
// needs no escape (the usual case) is copied; anything else goes to the encoder.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return appendEncoded(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return appendEncoded(b, s) // invalid UTF-8, or escaped by the encoder
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func appendEncoded(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
