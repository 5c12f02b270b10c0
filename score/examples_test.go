package score_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/score"
)

func TestExamplesOfTheTestSetPass(t *testing.T) {
	for _, f := range score.CheckExamples(testSet(t)) {
		t.Errorf("testdata/criteria.yaml:%d: %s", f.Line, f)
	}
}

// TestExampleFailuresNameWhatBroke: a threshold moved past an example's boundary
// fails that example, by name and line, with the engine's own explanation.
func TestExampleFailuresNameWhatBroke(t *testing.T) {
	set := testSet(t)
	if err := set.Set("giam_toi_pham_ttxh", "7%"); err != nil {
		t.Fatal(err)
	}
	if err := set.Set("tai_pham_duoi", "1,6%"); err != nil {
		t.Fatal(err)
	}
	got := score.CheckExamples(set)
	want := []score.ExampleFailure{
		{Criterion: "TC02", Example: "tái phạm đúng 1,5 % thì không đạt", Line: 61, ID: "nguoi_tai_pham", Want: score.Fail, Got: score.Pass,
			Explanation: "3/200 = 1,5 % (yêu cầu < 1,6 %)"},
		{Criterion: "TC03", Example: "giảm đúng 6 % thì đạt", Line: 97, ID: "toi_pham_ttxh", Want: score.Pass, Got: score.Fail,
			Explanation: "94 so với 100 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 7 %)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	if s, want := got[1].String(), `TC03, ví dụ "giảm đúng 6 % thì đạt": toi_pham_ttxh cần Đạt, kết quả Không đạt — 94 so với 100 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 7 %)`; s != want {
		t.Errorf("String:\n got %s\nwant %s", s, want)
	}
}

// TestExampleOfACriterion: an example may expect the criterion's own verdict;
// a failure lists the indicators that did not pass.
func TestExampleOfACriterion(t *testing.T) {
	set := testSet(t)
	set.Criteria()[0].Examples[1].Expect[1].Verdict = score.Pass.String() // TC01 is missing data there
	got := score.CheckExamples(set)
	if len(got) != 1 || got[0].ID != "TC01" || got[0].Got != score.Missing {
		t.Fatalf("got %v", got)
	}
	if want := "dang_bo_htxs: Thiếu dữ liệu; vi_pham_quy_tac_ung_xu: Thiếu dữ liệu"; got[0].Explanation[:len(want)] != want {
		t.Errorf("explanation: %q", got[0].Explanation)
	}
}
