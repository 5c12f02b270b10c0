package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The JSON of dean score is the interface other programs read: a golden file pins
// it on the bundled data, and docs/score.schema.json describes it, so a renamed,
// dropped or added field fails here before it fails a user.

func TestScoreJSONGolden(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(append([]string{"score", "--format", "json"}, bundled(t)...), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	golden(t, "testdata/score-can-tho-2022.json", out.Bytes())
	validate(t, out.Bytes())
}

func TestRescoredJSONDisclosesAndValidates(t *testing.T) {
	var out, errOut bytes.Buffer
	args := append([]string{"score", "--format", "json", "--set", "giam_toi_pham_ttxh=5%"}, bundled(t)...)
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	validate(t, out.Bytes())
	var res struct {
		Criteria struct {
			Departures []struct{ Param, Value, Bundled string }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	d := res.Criteria.Departures
	if len(d) != 1 || d[0].Param != "giam_toi_pham_ttxh" || d[0].Value != "5 %" || d[0].Bundled != "6 %" {
		t.Errorf("departures %+v", d)
	}
}

// TestSchemaCatchesARename: the schema test can fail.
func TestSchemaCatchesARename(t *testing.T) {
	doc, err := os.ReadFile("testdata/score-can-tho-2022.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, rename := range [][2]string{{`"model_wards"`, `"modelWards"`}, {`"explanation"`, `"explain"`}, {`"list"`, `"danh_muc"`}} {
		if err := check(t, bytes.Replace(doc, []byte(rename[0]), []byte(rename[1]), 1)); err == nil {
			t.Errorf("%s renamed %s passes the schema", rename[0], rename[1])
		}
	}
}

func validate(t *testing.T, doc []byte) {
	t.Helper()
	if err := check(t, doc); err != nil {
		t.Errorf("output does not follow docs/score.schema.json: %v", err)
	}
}

func check(t *testing.T, doc []byte) error {
	t.Helper()
	c := jsonschema.NewCompiler()
	f, err := os.Open("../../docs/score.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schema, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("score.schema.json", schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("score.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(v)
}
