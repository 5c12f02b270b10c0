package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// golden compares got with testdata/name, or rewrites it when DEAN_UPDATE=1. A
// missing golden file fails: it is written only on request.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if os.Getenv("DEAN_UPDATE") == "1" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (create it with DEAN_UPDATE=1 go test ./report/)", path, err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got); rewrite with DEAN_UPDATE=1 if intended:\n%s", path, diff)
	}
}

func TestBuildGolden(t *testing.T) {
	for _, tc := range []struct {
		name, period string
		levels       map[int]int
	}{
		{"report-2022.txt", "2022", deAnLevels}, // phase 1: its target is due in 2025
		{"report-2026-H1.txt", "2026-H1", deAnLevels},
		{"report-2026.txt", "2026", levels2026},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name, Build(fixture(t, tc.period, tc.levels)).Text())
		})
	}
}

// A report on the map from 1/7/2025: no districts, so no district table, no
// per-district target and no quận in the text; two wards sent nothing.
func TestBuildGoldenNewMap(t *testing.T) {
	in := withoutData(fixtureOn(t, newMap(t), "2026", levelsNewMap), "31174", "31183")
	in.Meta = DefaultMeta() // as dean passes it without report.yaml
	in.Meta.Number = "03"
	doc := Build(in)
	golden(t, "report-2026-new-map.txt", doc.Text())
	text := doc.Text()
	for _, no := range []string{"quận", "Quận"} {
		if i := strings.Index(text, no); i >= 0 {
			t.Errorf("a report on a map without districts speaks of %q: …%s…", no, text[max(0, i-80):min(len(text), i+80)])
		}
	}
}

// levels2026 has model wards, so the list of model wards and the plan's
// comparison show real counts.
var levels2026 = map[int]int{22: 12, 21: 4, 20: 6, 19: 8, 18: 6, 17: 6}

// The distribution sentence is the Đề án's own (section I.2), word for word.
func TestDistributionSentenceMatchesDeAn(t *testing.T) {
	doc := Build(fixture(t, "2026-H1", deAnLevels))
	want := "3 phường đạt 12/22 tiêu chí; 3 phường đạt 13/22 tiêu chí; 3 phường đạt 14/22 tiêu chí; 9 phường đạt 15/22 tiêu chí; 7 phường đạt 16/22 tiêu chí; 5 phường đạt 17/22 tiêu chí; 4 phường đạt 18/22 tiêu chí; 5 phường đạt 19/22 tiêu chí và 3 phường đạt 20/22 tiêu chí."
	seed, err := os.ReadFile("../docs/de-an-03-DA-UBND-2022-can-tho.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(seed), want) {
		t.Fatalf("the expected sentence is not in the Đề án any more: %q", want)
	}
	if !strings.Contains(doc.Text(), "Đối chiếu với Bộ tiêu chí, có: "+want) {
		t.Errorf("distribution sentence not found; want %q", want)
	}
}
