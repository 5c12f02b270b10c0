package score_test

import (
	"fmt"

	"dean"
	"dean/score"
)

func ExampleEvaluate() {
	set, err := dean.DefaultSet()
	if err != nil {
		panic(err)
	}
	card := score.Evaluate(set, score.Values{
		"toi_pham_ttxh": {Prev: score.N(50), Now: score.N(47)}, // exactly −6 %
	})
	tc10 := card.Criteria[9]
	fmt.Println(tc10.ID, tc10.Verdict)
	fmt.Println(tc10.Indicators[1].Explanation)
	// Output:
	// TC10 missing
	// 47 so với 50 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 6 %)
}
