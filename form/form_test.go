package form

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/units"
)

var (
	p2022     = period.Period{Year: 2022}
	testUnits = units.Default()
	// testSet is the tests' own criteria (testdata/criteria.yaml), so a change
	// to the bundled ones touches data, not the reader's tests.
	testSet = func() *criteria.Set {
		data, err := os.ReadFile("testdata/criteria.yaml")
		if err != nil {
			panic(err)
		}
		s, err := criteria.Parse(data, "testdata/criteria.yaml")
		if err != nil {
			panic(err)
		}
		return s
	}()
	caiKhe = ward("31117")
	anHoa  = ward("31120")
)

func ward(code string) units.Ward {
	w, ok := testUnits.ByCode(code)
	if !ok {
		panic(code)
	}
	return w
}

// goodValues is a full, valid set of values: Có for every yes/no input, and
// counts where every part is one less than its whole.
func goodValues(set *criteria.Set) score.Values {
	v := score.Values{}
	for i, in := range set.Inputs() {
		r := score.Reading{Now: score.N(1)}
		if in.Kind == criteria.Count {
			r.Now = score.N(int64(1000 + i))
		}
		if in.YoY {
			r.Prev = score.N(int64(2000 + i))
		}
		v[in.ID] = r
	}
	// A part may itself be a whole; a few passes settle chains of any real depth.
	for range 4 {
		for _, in := range set.Inputs() {
			if in.PartOf != "" {
				r := v[in.ID]
				r.Now = score.N(v[in.PartOf].Now.V - 1)
				v[in.ID] = r
			}
		}
	}
	return v
}

// writeForm writes a template into dir and returns its path.
func writeForm(t testing.TB, dir, name string, o Options) string {
	t.Helper()
	if o.Set == nil {
		o.Set = testSet
	}
	var buf bytes.Buffer
	if err := Write(&buf, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// edit changes a workbook in place, as a district officer would in Excel.
func edit(t *testing.T, path string, change func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	change(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// must fails the test on an excelize error inside an edit.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// blankCells reads a blank template for ward w and returns where each input's
// cells are, so tests name cells the way the reader reports them.
func blankCells(t *testing.T) map[string][2]string {
	t.Helper()
	path := writeForm(t, t.TempDir(), "blank.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
	sheets, _ := readAll([]string{path}, readOpts{Cells: true, Set: testSet, Units: testUnits})
	if len(sheets) != 1 {
		t.Fatalf("blank template: %d sheets", len(sheets))
	}
	return sheets[0].Cells
}

// readEdited writes Cái Khế's good 2022 form, lets change edit it as another
// program would, reads it back and checks the problems against want.
func readEdited(t *testing.T, change func(f *excelize.File), want []Problem) []Sheet {
	t.Helper()
	path := writeForm(t, t.TempDir(), "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	edit(t, path, change)
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if diff := cmp.Diff(want, stripFile(t, problems, path)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	return sheets
}
