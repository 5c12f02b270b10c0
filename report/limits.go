package report

import (
	"fmt"
	"sort"
	"strings"

	"dean/score"
)

// lowest is how many criteria part II names as the weakest.
const lowest = 5

// limitsSection is part II: the criteria fewest wards pass, and the wards one or two
// criteria short of the standard with exactly what each still misses.
func limitsSection(in Input, st stats) Section {
	s := Section{Heading: "HẠN CHẾ, TỒN TẠI"}
	add := func(b ...Block) { s.Blocks = append(s.Blocks, b...) }
	n := len(st.wards)

	add(heading(1, "1. Các tiêu chí có tỷ lệ đạt thấp nhất"))
	cs := append([]criterionStat(nil), st.criteria...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Pass < cs[j].Pass })
	var weak []criterionStat
	for _, c := range cs {
		if len(weak) < lowest && c.Pass < n {
			weak = append(weak, c)
		}
	}
	if len(weak) == 0 {
		add(para("Tất cả các phường đều đạt từng tiêu chí của Bộ tiêu chí."))
	}
	for _, c := range weak {
		t := fmt.Sprintf("- %s (%s): %s/%s phường đạt (%s); %s phường không đạt", c.ID, c.Name, num(c.Pass), num(n), share(c.Pass, n), num(c.Fail))
		if c.Missing > 0 {
			t += fmt.Sprintf(", %s phường thiếu số liệu", num(c.Missing))
		}
		add(para(t + "."))
	}

	lo, hi := st.total-2, st.total-1
	add(heading(1, fmt.Sprintf("2. Các phường gần đạt chuẩn (%d - %d/%d tiêu chí)", lo, hi, st.total)))
	var near []score.Ward
	for _, w := range st.wards {
		if w.Passed >= lo && w.Passed <= hi {
			near = append(near, w)
		}
	}
	// Closest first, then in the units' order: the ward to help first leads.
	sort.SliceStable(near, func(i, j int) bool { return near[i].Passed > near[j].Passed })
	if len(near) == 0 {
		add(para(fmt.Sprintf("Không có phường nào đạt %d hoặc %d/%d tiêu chí.", lo, hi, st.total)))
	} else {
		add(para(fmt.Sprintf("Có %s phường đạt từ %d/%d tiêu chí trở lên nhưng chưa đạt chuẩn; các tiêu chí còn thiếu của từng phường như sau:", num(len(near)), lo, st.total)))
	}
	for i, w := range near {
		add(heading(2, fmt.Sprintf("%s %s: đạt %d/%d tiêu chí", letter(i), upperFirst(wardName(w)), w.Passed, w.Total)))
		for _, c := range w.Criteria {
			if c.Verdict == score.Pass {
				continue
			}
			add(para(fmt.Sprintf("- %s (%s) – %s: %s.", c.ID, c.Name, strings.ToLower(c.Verdict.Text()), missText(in, c))))
		}
	}
	return s
}

// missText lists the indicators that keep a criterion from passing.
func missText(in Input, c score.Criterion) string {
	var parts []string
	for _, ind := range c.Indicators {
		if ind.Verdict == score.Fail || ind.Verdict == score.Missing {
			parts = append(parts, indicatorText(in, ind))
		}
	}
	return strings.Join(parts, "; ")
}
