package score

import (
	"bytes"
	"encoding/json"
	"os"
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
