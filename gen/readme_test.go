package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// storyRows are the README's table rows: per period, the list, wards, model
// wards and how many wards met how many criteria (3×12: three wards met 12).
func storyRows(t *testing.T) []string {
	var rows []string
	for _, f := range scoredHistory(t) {
		count := map[int]int{}
		for _, c := range f.cards {
			count[c.Passed]++
		}
		var levels []int
		for k := range count {
			levels = append(levels, k)
		}
		slices.Sort(levels)
		var dist []string
		for _, k := range levels {
			dist = append(dist, fmt.Sprintf("%d×%d", count[k], k))
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %d | %d | %s |", f.Period, f.Units.ID, len(f.Units.Wards), count[22], strings.Join(dist, ", ")))
	}
	return rows
}

func registerRows(t *testing.T) []string {
	rs, err := Register()
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, y := range []int{2023, 2024, 2025, 2026} {
		var names []string
		for _, r := range rs {
			if r.Year == y {
				names = append(names, r.Ward.Name)
			}
		}
		rows = append(rows, fmt.Sprintf("| %d | %d | %s |", y, len(names), strings.Join(names, ", ")))
	}
	return rows
}

// TestReadmeTellsTheStory: testdata/history/README.md gives the numbers the
// data has.
func TestReadmeTellsTheStory(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "history", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range append(storyRows(t), registerRows(t)...) {
		if !strings.Contains(string(data), row+"\n") {
			t.Errorf("testdata/history/README.md lacks the row\n%s", row)
		}
	}
}
