package submission

import (
	"fmt"
	"strings"

	"dean/criteria"
	"dean/score"
)

// Prior is what dean already holds of a ward's same period a year earlier: each
// count's "Kỳ này" then, which is this year's "Cùng kỳ năm trước".
type Prior struct {
	Period string           // the period a year earlier ("2024")
	Values map[string]int64 // by input id; an input absent here is not known
	// Basis says where the values come from, for messages and notes: "tệp
	// nk.xlsx, trang Cái Khế", or "tổng của phường Thới Bình, Tân An (cũ), Xuân
	// Khánh" across the 2025 merger.
	Basis string
	// Partial names predecessors taken only in part, whose whole counts are in
	// the sum: the value is an upper bound the district should correct.
	Partial []string
	// Missing names predecessors dean holds nothing of for that period (a
	// commune never in its lists, a ward not imported): a sum without them
	// would understate, so Values is then empty.
	Missing []string
}

// CompareLastYear warns wherever a submission's "Cùng kỳ năm trước" differs from
// what dean holds of the year before, with both values and the cell. Nothing is
// refused: the archive may be the one that is wrong.
func CompareLastYear(set *criteria.Set, s Submission, vals score.Values, p Prior) []Problem {
	var ps []Problem
	for _, e := range s.Entries {
		in := set.Input(strings.ToLower(e.ID))
		if in == nil || !in.YoY || in.Kind != criteria.Count {
			continue
		}
		got := vals[in.ID].Prev
		want, known := p.Values[in.ID]
		if !got.OK || !known || got.V == want {
			continue
		}
		msg := fmt.Sprintf("cùng kỳ năm trước ghi %d, khác số liệu kỳ %s trong kho lưu trữ (%d, %s)", got.V, p.Period, want, p.Basis)
		if len(p.Partial) > 0 {
			msg += fmt.Sprintf("; số liệu kho gồm toàn bộ %s dù chỉ một phần sáp nhập vào phường này", strings.Join(p.Partial, ", "))
		}
		pr := s.at(e.Prev.At, e.At.Row, in.ID, msg+": hãy kiểm tra lại")
		pr.Warning = true
		ps = append(ps, pr)
	}
	return ps
}
