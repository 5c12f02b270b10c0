package score_test

import (
	"fmt"

	"dean/criteria"
	"dean/score"
)

func ExampleEvaluate() {
	set, err := criteria.Parse([]byte(`
version: "1"
params:
  giam_toi_pham_ttxh: 6%
areas:
  - id: "5"
    name: Phòng, chống tội phạm
    criteria:
      - id: TC10
        name: Kiềm chế, kéo giảm tội phạm
        inputs:
          - id: toi_pham_ttxh
            kind: count
            unit: vụ
            yoy: true
            label: Số vụ phạm tội về trật tự xã hội
            rule: {decrease_at_least: giam_toi_pham_ttxh, if_last_year_zero: {equal: 0}}
`), "criteria.yaml")
	if err != nil {
		panic(err)
	}
	card := score.Evaluate(set, score.Values{
		"toi_pham_ttxh": {Prev: score.N(50), Now: score.N(47)}, // exactly −6 %
	})
	tc10 := card.Criteria[0]
	fmt.Println(tc10.ID, tc10.Verdict)
	fmt.Println(tc10.Indicators[0].Explanation())
	// Output:
	// TC10 pass
	// 47 so với 50 cùng kỳ: giảm 6 % (yêu cầu giảm ≥ 6 %)
}
