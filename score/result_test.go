package score

import "testing"

func TestSentenceReadsLikeTheDeAn(t *testing.T) {
	var wards []Ward
	for passed, n := range map[int]int{12: 3, 13: 3, 20: 3, 15: 9} {
		for range n {
			wards = append(wards, Ward{Card: Card{Passed: passed, Total: 22}})
		}
	}
	got := Summarize(wards).Sentence(22)
	want := "3 phường đạt 12/22 tiêu chí; 3 phường đạt 13/22 tiêu chí; 9 phường đạt 15/22 tiêu chí và 3 phường đạt 20/22 tiêu chí"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if one := Summarize(wards[:1]).Sentence(22); one != "1 phường đạt 12/22 tiêu chí" && one != "1 phường đạt 13/22 tiêu chí" && one != "1 phường đạt 20/22 tiêu chí" && one != "1 phường đạt 15/22 tiêu chí" {
		t.Errorf("one level: %q", one)
	}
}
