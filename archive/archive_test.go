package archive

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dean/criteria"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// The archive stores what it is given; its tests need inputs, not rules.
const testCriteria = `version: "test-1"
source: "thử nghiệm"
areas:
  - id: "1"
    name: Nhóm thử
    criteria:
      - id: TC01
        name: Tiêu chí thử
        inputs:
          - {id: co_khong, kind: bool, label: Có hay không}
          - {id: so_vu, kind: count, label: Số vụ, yoy: true}
          - {id: tong_so, kind: count, label: Tổng số}
`

var (
	ctx      = context.Background()
	at       = time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	caiKhe   = units.Ward{Code: "31117", Name: "Cái Khế", District: "Ninh Kiều"}
	tanAn    = units.Ward{Code: "31135", Name: "Tân An", District: "Ninh Kiều"}
	ninhKieu = units.Ward{Code: "31135", Name: "Ninh Kiều"}
)

func testSet(t testing.TB) *criteria.Set {
	t.Helper()
	set, err := criteria.Parse([]byte(testCriteria), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func open(t testing.TB) *Archive {
	t.Helper()
	a, err := Open(filepath.Join(t.TempDir(), "dean.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// record is a ward's submission as a form would give it: so_vu blank last year.
func record(t testing.TB, period, list string, w units.Ward, file string, now int64) Record {
	t.Helper()
	w.List = list
	s := submission.Submission{Ward: w, Period: period, Table: 7, CodeAt: submission.Ref{Col: 2, Row: 1},
		Source: submission.Source{File: file, SHA256: "sha-" + file, Sheet: w.Name}}
	cell := func(col, row int, v int64, ok bool) submission.Cell {
		return submission.Cell{At: submission.Ref{Col: col, Row: row}, Num: score.Num{V: v, OK: ok}, Filled: ok}
	}
	s.Entries = []submission.Entry{
		{ID: "co_khong", At: submission.Ref{Col: 2, Row: 8}, Now: cell(5, 8, 1, true), Prev: cell(6, 8, 0, false)},
		{ID: "SO_VU", At: submission.Ref{Col: 2, Row: 9}, Now: cell(5, 9, now, true), Prev: cell(6, 9, 0, false)},
		{ID: "tong_so", At: submission.Ref{Col: 2, Row: 10}, Now: cell(5, 10, 0, false), Prev: cell(6, 10, 0, false)},
	}
	set := testSet(t)
	vals, _ := submission.Check(set, s)
	return NewRecord(set, period, s, vals)
}

func card(passed int) score.Card {
	v := score.Fail
	if passed == 1 {
		v = score.Pass
	}
	return score.Card{Passed: passed, Total: 1, Model: passed == 1, Criteria: []score.Criterion{{ID: "TC01", Verdict: v}}}
}

func imp(file string, recs ...Record) Import {
	im := Import{File: file, SHA256: "sha-" + file, Size: 100, Records: recs, At: at,
		Criteria: Criteria{YAML: []byte(testCriteria), Version: "test-1", Params: map[string]string{"p": "6 %"}, IDs: []string{"TC01"}}}
	for range recs {
		im.Cards = append(im.Cards, card(1))
	}
	return im
}

func TestImportStoresValuesAsGiven(t *testing.T) {
	a := open(t)
	r := record(t, "2024", "can-tho-2022", caiKhe, "nk.xlsx", 12)
	out, err := a.Import(ctx, imp("nk.xlsx", r))
	if err != nil || out.Stored != 1 || out.Unchanged || len(out.Conflicts) > 0 {
		t.Fatalf("import: %+v, %v", out, err)
	}
	got, err := a.Current(ctx, "2024")
	if err != nil || len(got) != 1 {
		t.Fatalf("current: %v, %v", got, err)
	}
	want := r
	want.ID, want.ImportedAt = got[0].ID, at
	if diff := cmp.Diff(want, got[0]); diff != "" {
		t.Errorf("stored record (-want +got):\n%s", diff)
	}
	// A blank value stays missing; it is never 0.
	if v := got[0].Values[2]; v.Input != "tong_so" || v.Now.OK {
		t.Errorf("blank tong_so stored as %+v", v)
	}
	if diff := cmp.Diff(r.ScoreValues(), got[0].ScoreValues()); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if err := a.Integrity(); err != nil {
		t.Error(err)
	}
}

func TestReimportSameBytesChangesNothing(t *testing.T) {
	a := open(t)
	r := record(t, "2024", "can-tho-2022", caiKhe, "nk.xlsx", 12)
	if _, err := a.Import(ctx, imp("nk.xlsx", r)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, a)
	again := imp("ban-sao.xlsx", r)
	again.SHA256 = "sha-nk.xlsx" // the same bytes under another name
	out, err := a.Import(ctx, again)
	if err != nil || !out.Unchanged || out.Earlier.Name != "nk.xlsx" || !out.Earlier.At.Equal(at) {
		t.Fatalf("re-import: %+v, %v", out, err)
	}
	if diff := cmp.Diff(before, dump(t, a)); diff != "" {
		t.Errorf("archive changed (-before +after):\n%s", diff)
	}
}

func TestAnotherFileForAStoredWardIsRefusedUnlessReplace(t *testing.T) {
	a := open(t)
	first := record(t, "2024", "can-tho-2022", caiKhe, "nk.xlsx", 12)
	if _, err := a.Import(ctx, imp("nk.xlsx", first)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, a)
	second := record(t, "2024", "can-tho-2022", caiKhe, "nk-sua.xlsx", 10)
	out, err := a.Import(ctx, imp("nk-sua.xlsx", second))
	if err != nil || out.Stored != 0 || len(out.Conflicts) != 1 || out.Conflicts[0].Stored.Source.File != "nk.xlsx" {
		t.Fatalf("conflicting import: %+v, %v", out, err)
	}
	if diff := cmp.Diff(before, dump(t, a)); diff != "" {
		t.Errorf("a refused import changed the archive (-before +after):\n%s", diff)
	}

	im := imp("nk-sua.xlsx", second)
	im.Replace = true
	out, err = a.Import(ctx, im)
	if err != nil || out.Stored != 1 || len(out.Replaced) != 1 || out.Replaced[0].Source.File != "nk.xlsx" {
		t.Fatalf("replacing import: %+v, %v", out, err)
	}
	cur, _ := a.Current(ctx, "2024")
	if len(cur) != 1 || cur[0].Source.File != "nk-sua.xlsx" || cur[0].Values[1].Now.V != 10 {
		t.Errorf("current after replace: %+v", cur)
	}
	hist, _ := a.History(ctx, "2024")
	if len(hist) != 2 || !hist[0].Superseded || hist[0].Values[1].Now.V != 12 || hist[1].Superseded {
		t.Errorf("history after replace keeps the earlier submission, superseded: %+v", hist)
	}
	if err := a.Integrity(); err != nil {
		t.Error(err)
	}
}

// TestSameCodeOnTwoListsIsTwoWards: 31135 was Tân An until 30/6/2025 and is Ninh
// Kiều since; a code alone never identifies a ward.
func TestSameCodeOnTwoListsIsTwoWards(t *testing.T) {
	a := open(t)
	old := record(t, "2025-H1", "can-tho-2022", tanAn, "a.xlsx", 5)
	nw := record(t, "2025-H1", "can-tho-2025", ninhKieu, "b.xlsx", 7)
	for _, im := range []Import{imp("a.xlsx", old), imp("b.xlsx", nw)} {
		if out, err := a.Import(ctx, im); err != nil || out.Stored != 1 {
			t.Fatalf("import %s: %+v, %v", im.File, out, err)
		}
	}
	cur, _ := a.Current(ctx, "2025-H1")
	if len(cur) != 2 || cur[0].Ward.Name != "Tân An" || cur[1].Ward.Name != "Ninh Kiều" {
		t.Errorf("current: %+v", cur)
	}
}

func TestFailedImportLeavesNothing(t *testing.T) {
	a := open(t)
	if _, err := a.Import(ctx, imp("a.xlsx", record(t, "2024", "l", caiKhe, "a.xlsx", 1))); err != nil {
		t.Fatal(err)
	}
	before := dump(t, a)
	boom := errors.New("ổ đĩa đầy")
	beforeCommit = func() error { return boom }
	defer func() { beforeCommit = nil }()
	if _, err := a.Import(ctx, imp("b.xlsx", record(t, "2024", "l", tanAn, "b.xlsx", 2))); !errors.Is(err, boom) {
		t.Fatalf("import: %v, want %v", err, boom)
	}
	if diff := cmp.Diff(before, dump(t, a)); diff != "" {
		t.Errorf("a failed import changed the archive (-before +after):\n%s", diff)
	}
}

// TestKilledImportLeavesTheArchiveAsItWas kills a process in the middle of an
// import, after it has written its rows and before it commits.
func TestKilledImportLeavesTheArchiveAsItWas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dean.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Import(ctx, imp("a.xlsx", record(t, "2024", "l", caiKhe, "a.xlsx", 1))); err != nil {
		t.Fatal(err)
	}
	before := dump(t, a)
	a.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImportThenHang$")
	cmd.Env = append(os.Environ(), "DEAN_ARCHIVE_HELPER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf) // the helper says when its rows are written
	if !strings.Contains(string(buf[:n]), "written") {
		cmd.Process.Kill()
		t.Fatalf("helper said %q", buf[:n])
	}
	cmd.Process.Kill()
	cmd.Wait()

	a, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.Integrity(); err != nil {
		t.Error(err)
	}
	if diff := cmp.Diff(before, dump(t, a)); diff != "" {
		t.Errorf("a killed import changed the archive (-before +after):\n%s", diff)
	}
}

func TestHelperImportThenHang(t *testing.T) {
	path := os.Getenv("DEAN_ARCHIVE_HELPER")
	if path == "" {
		t.Skip("run by TestKilledImportLeavesTheArchiveAsItWas")
	}
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	beforeCommit = func() error {
		os.Stdout.WriteString("written\n")
		time.Sleep(time.Minute)
		return nil
	}
	var recs []Record
	for i := range 200 {
		w := units.Ward{Code: fmt.Sprintf("9%04d", i), Name: "P"}
		recs = append(recs, record(t, "2024", "l", w, "b.xlsx", int64(i)))
	}
	a.Import(ctx, imp("b.xlsx", recs...))
}

func TestNewerArchiveIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dean.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if _, err := Open(path); !errors.Is(err, ErrNewer) {
		t.Errorf("open: %v, want ErrNewer", err)
	}
}

func TestNotAnArchive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dean.db")
	if err := os.WriteFile(path, []byte("PK\x03\x04 not a database at all, a zip perhaps"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil {
		t.Error("a file that is not SQLite opened as an archive")
	}
}

func TestLatestResultAndRuns(t *testing.T) {
	a := open(t)
	if _, err := a.Import(ctx, imp("a.xlsx", record(t, "2024", "l", caiKhe, "a.xlsx", 1))); err != nil {
		t.Fatal(err)
	}
	cur, _ := a.Current(ctx, "2024")
	got, err := a.Latest(ctx, []int64{cur[0].ID})
	if err != nil || got[cur[0].ID].Result.Verdicts["TC01"] != score.Pass || got[cur[0].ID].Run.Kind != "import" {
		t.Fatalf("latest: %+v, %v", got, err)
	}
	rc := Criteria{YAML: []byte(testCriteria), Version: "test-1", Params: map[string]string{"p": "5 %"}, IDs: []string{"TC01"}}
	if _, err := a.SaveRun(ctx, Run{Kind: "rescore", Criteria: rc, At: at}, []Result{ResultOf(cur[0].ID, card(0))}); err != nil {
		t.Fatal(err)
	}
	got, _ = a.Latest(ctx, []int64{cur[0].ID})
	s := got[cur[0].ID]
	if s.Result.Verdicts["TC01"] != score.Fail || s.Run.Kind != "rescore" || s.Run.Criteria.Params["p"] != "5 %" || string(s.Run.Criteria.YAML) != testCriteria {
		t.Errorf("latest after rescore: %+v", s)
	}
}

func TestPeriodsInOrder(t *testing.T) {
	a := open(t)
	for i, p := range []string{"2025", "2024", "2025-H1", "2024-H1"} {
		w := units.Ward{Code: string(rune('1' + i)), Name: "P"}
		if _, err := a.Import(ctx, imp(p+".xlsx", record(t, p, "l", w, p+".xlsx", 1))); err != nil {
			t.Fatal(err)
		}
	}
	got, err := a.Periods(ctx)
	if diff := cmp.Diff([]string{"2024-H1", "2024", "2025-H1", "2025"}, got); diff != "" || err != nil {
		t.Errorf("periods (-want +got):\n%s%v", diff, err)
	}
}

// dump is every row of every table, to compare an archive before and after.
func dump(t testing.TB, a *Archive) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, table := range []string{"files", "submissions", "inputs", "vals", "criteria", "runs", "results"} {
		rows, err := a.db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, v := range vals {
				b.WriteString(strings.ReplaceAll(strings.TrimSpace(toString(v)), "\n", " "))
				b.WriteString("|")
			}
			out[table] = append(out[table], b.String())
		}
		rows.Close()
	}
	return out
}

func toString(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(x)
	}
	return fmt.Sprint(v)
}

func TestScores(t *testing.T) {
	a := open(t)
	im := imp("a.xlsx", record(t, "2024", "l", caiKhe, "a.xlsx", 1), record(t, "2024", "l", tanAn, "a.xlsx", 2))
	if _, err := a.Import(ctx, im); err != nil {
		t.Fatal(err)
	}
	cur, _ := a.Current(ctx, "2024")
	official := im.Criteria
	other := Criteria{YAML: official.YAML, Version: "test-1", Params: map[string]string{"p": "5 %"}, IDs: []string{"TC01"}}
	// A stored rescore with other thresholds, for the first ward only.
	if _, err := a.SaveRun(ctx, Run{Kind: "rescore", Criteria: other, At: at}, []Result{ResultOf(cur[0].ID, card(0))}); err != nil {
		t.Fatal(err)
	}
	got, complete, err := a.Scores(ctx, "2024", official)
	if err != nil || !complete || len(got) != 2 {
		t.Fatalf("scores %+v, %v, %v", got, complete, err)
	}
	if got[0].Ward.Code != "31117" || got[0].Passed != 1 || got[1].Ward.Code != "31135" || got[1].Passed != 1 {
		t.Errorf("a rescore with other thresholds stood in for the official result: %+v", got)
	}
	got, complete, err = a.Scores(ctx, "2024", other)
	if err != nil || complete || len(got) != 1 || got[0].Ward.Code != "31117" || got[0].Passed != 0 {
		t.Errorf("under the other thresholds: %+v, complete %v, %v; want 31117 at 0 and incomplete", got, complete, err)
	}
	// The latest run with the same criteria and thresholds counts.
	if _, err := a.SaveRun(ctx, Run{Kind: "rescore", Criteria: official, At: at}, []Result{ResultOf(cur[1].ID, card(0))}); err != nil {
		t.Fatal(err)
	}
	got, _, _ = a.Scores(ctx, "2024", official)
	if len(got) != 2 || got[0].Passed != 1 || got[1].Passed != 0 {
		t.Errorf("the latest run counts: %+v", got)
	}
}
