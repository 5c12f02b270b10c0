package score

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dean/criteria"
)

// TestAppendWardIsTheEncoder holds the hand-written ward JSON to encoding/json
// with the same indent, on real cards and on text that needs escaping.
func TestAppendWardIsTheEncoder(t *testing.T) {
	data, err := os.ReadFile("testdata/criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := criteria.Parse(data, "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	full := Values{}
	for i, in := range set.Inputs() {
		full[in.ID] = Reading{Now: N(int64(i % 3)), Prev: N(int64(i % 4))}
	}
	tricky := `"Quote" \ back <tag> & amp` + "\x01\t\n\u2028\u2029 ≥ — \xff end"
	wards := []Ward{
		{List: "l", Code: "1", Name: "Cái Khế", District: "Ninh Kiều", Card: Evaluate(set, full)},
		{List: "l", Code: "2", Name: tricky, District: "", Card: Evaluate(set, Values{})},
		{List: tricky, Code: tricky, Name: "x", Card: Card{Criteria: []Criterion{{ID: "TC01", Name: tricky}, {ID: "TC02", Indicators: []Indicator{}}}}},
		{Code: "4"},
	}
	for i, w := range wards {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(w); err != nil {
			t.Fatal(err)
		}
		got := appendWard(nil, w, "    ")
		if !bytes.Equal(bytes.TrimSuffix(want.Bytes(), []byte("\n")), got) {
			t.Errorf("ward %d:\n got %s\nwant %s", i, got, want.Bytes())
		}
	}
}

// FuzzAppendString holds appendString to the encoder it stands in for, on any
// text: quotes, backslashes, control bytes, invalid UTF-8, U+2028/U+2029.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "Cái Khế", `a"b\c`, "tab\there", "\x00\x1f", "\xff\xfe", "x\u2028y\u2029", "\ufffd", "<b>&amp;</b>", "Ninh Kiều\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendString(nil, s)); got != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("appendString(%q) = %s, the encoder gives %s", s, got, want.String())
		}
	})
}
