package assess

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/criteria"
	"dean/period"
	"dean/score"
	"dean/submission"
	"dean/units"
)

func testSet(t *testing.T) *criteria.Set {
	t.Helper()
	data, err := os.ReadFile("../submission/testdata/criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := criteria.Parse(data, "criteria.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// sub is a submission of ward w from file f, sheet s, with so_vu now (last year 50).
func sub(w units.Ward, period string, f, s int, soVu int64) submission.Submission {
	cell := func(col, row int, n int64) submission.Cell {
		return submission.Cell{At: submission.Ref{Col: col, Row: row}, Num: score.N(n), Filled: true}
	}
	return submission.Submission{Ward: w, Period: period, CodeAt: submission.Ref{Col: 2, Row: 1}, Table: 7,
		Source: submission.Source{File: "f" + string(rune('0'+f)) + ".xlsx", Sheet: w.Name, FileIndex: f, SheetIndex: s},
		Entries: []submission.Entry{
			{ID: "co_khong", At: submission.Ref{Col: 2, Row: 8}, Now: cell(5, 8, 1)},
			{ID: "so_vu", At: submission.Ref{Col: 2, Row: 9}, Now: cell(5, 9, soVu), Prev: cell(6, 9, 50)},
			{ID: "ho_so", At: submission.Ref{Col: 2, Row: 10}, Now: cell(5, 10, 100)},
			{ID: "dung_han", At: submission.Ref{Col: 2, Row: 11}, Now: cell(5, 11, 100)},
			{ID: "truoc_han", At: submission.Ref{Col: 2, Row: 12}, Now: cell(5, 12, 20)},
		}}
}

func bundled(t *testing.T, id string) *units.List {
	l, ok := units.Named(id)
	if !ok {
		t.Fatalf("no list %s", id)
	}
	return l
}

func ward(t *testing.T, l *units.List, code string) units.Ward {
	w, ok := l.ByCode(code)
	if !ok {
		t.Fatalf("%s not in %s", code, l.ID)
	}
	return w
}

func TestAssess(t *testing.T) {
	set := testSet(t)
	old := bundled(t, "can-tho-2022")
	caiKhe, anHoa, tanAn := ward(t, old, "31117"), ward(t, old, "31120"), ward(t, old, "31135")
	a := New(Options{Set: set})
	// Added in any order, from many goroutines: the result does not depend on it.
	a.Add(sub(tanAn, "2024", 1, 1, 47))
	a.Add(sub(caiKhe, "2024", 2, 1, 40)) // the same ward again, later: refused
	a.Add(sub(caiKhe, "2024", 0, 2, 47))
	a.Add(sub(anHoa, "2024", 0, 1, 49)) // down 2 %: TC01 fails
	as := a.Finish()
	var got []string
	for _, w := range as.Result.Wards {
		got = append(got, w.Code+" "+w.Card.Criteria[0].Verdict.String())
	}
	if diff := cmp.Diff([]string{"31117 pass", "31120 fail", "31135 pass"}, got); diff != "" {
		t.Errorf("wards in the list's order (-want +got):\n%s", diff)
	}
	if as.Units == nil || as.Units.ID != "can-tho-2022" || as.Result.Period != "2024" {
		t.Errorf("units %v, period %q: want the bundled list the wards belong to, and the period they state", as.Units, as.Result.Period)
	}
	want := []submission.Problem{{File: "f2.xlsx", Sheet: "Cái Khế", Cell: "B1",
		Msg: `phường Cái Khế (mã 31117) đã có ở tệp f0.xlsx, trang "Cái Khế": mỗi phường chỉ nhập ở một trang, số liệu ở trang này không được dùng`,
		Pos: submission.Pos{File: 2, Sheet: 1, Row: 1, Col: 2}}}
	if diff := cmp.Diff(want, as.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if n := len(as.Result.Summary.NotSubmitted); n != 42-3 {
		t.Errorf("%d wards without data, want 39", n)
	}
}

func TestAssessPeriods(t *testing.T) {
	set := testSet(t)
	nw := bundled(t, "can-tho-2025")
	ninhKieu := ward(t, nw, "31135")
	a := New(Options{Set: set})
	a.Add(sub(ninhKieu, "2025", 0, 1, 47))
	a.Add(sub(ward(t, nw, "31147"), "2026-H1", 0, 2, 47))
	as := a.Finish()
	if diff := cmp.Diff([]string{"2025", "2026-H1"}, as.Periods); diff != "" || as.Result.Period != "" {
		t.Errorf("periods (-want +got):\n%s; result's %q", diff, as.Result.Period)
	}
	// A submission whose values were not read (another period) counts as none.
	p := period.Period{Year: 2025}
	a = New(Options{Set: set, Period: &p})
	s := sub(ninhKieu, "2024", 0, 1, 47)
	s.Unread = true
	a.Add(s)
	as = a.Finish()
	found := false
	for _, r := range as.Result.Summary.NotSubmitted {
		found = found || r.Code == "31135"
	}
	if !found || as.Units.ID != "can-tho-2025" {
		t.Errorf("Ninh Kiều, whose form was for another period, is not named as without data: %+v", as.Result.Summary.NotSubmitted)
	}
}

// TestCompare: what a new threshold flips, ward by ward and criterion by
// criterion, with the indicator that changed in both explanations.
func TestCompare(t *testing.T) {
	set := testSet(t)
	old := bundled(t, "can-tho-2022")
	scoreWith := func(s *criteria.Set) []Ward {
		a := New(Options{Set: s})
		a.Add(sub(ward(t, old, "31117"), "2024", 0, 1, 47)) // down 6 %
		a.Add(sub(ward(t, old, "31120"), "2024", 0, 2, 40)) // down 20 %
		return a.Finish().Wards
	}
	before := scoreWith(set)
	stricter := testSet(t)
	if err := stricter.SetAssignment("giam=10%"); err != nil {
		t.Fatal(err)
	}
	ch := Compare("2024", before, scoreWith(stricter))
	if len(ch.Flips) != 1 || len(ch.Wards) != 1 {
		t.Fatalf("changes %+v", ch)
	}
	f := ch.Flips[0]
	if f.Code != "31117" || f.List != "can-tho-2022" || f.Criterion != "TC01" || f.Before.String() != "pass" || f.After.String() != "fail" ||
		f.BeforeText != "so_vu: 47 so với 50 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 6 %)" ||
		f.AfterText != "so_vu: 47 so với 50 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 10 %)" {
		t.Errorf("flip %+v", f)
	}
	if w := ch.Wards[0]; w.Before.Passed != 1 || w.After.Passed != 0 || !w.Before.Model || w.After.Model {
		t.Errorf("ward change %+v", w)
	}
}
