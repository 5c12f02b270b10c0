package score

import (
	"fmt"
	"strings"
)

// Caps on how many names a line of wards without data shows: a nationwide run
// may lack thousands, and the terminal needs the picture, not the whole list.
const (
	maxNamesPerDistrict = 10
	maxDistricts        = 20
)

// NotSubmittedText says which wards sent no data, grouped by district where the
// list has districts: "Chưa có số liệu của 3 phường: quận Ninh Kiều: Cái Khế,
// An Hòa; quận Bình Thủy: Trà Nóc". Empty when every ward sent data.
func (s Summary) NotSubmittedText() string {
	refs := s.NotSubmitted
	if len(refs) == 0 {
		return ""
	}
	var groups []string
	var names []string
	more := 0
	flush := func(district string) {
		if len(names) == 0 {
			return
		}
		g := strings.Join(names, ", ")
		if more > 0 {
			g += fmt.Sprintf(" và %d phường khác", more)
		}
		if district != "" {
			g = "quận " + district + ": " + g
		}
		groups = append(groups, g)
		names, more = nil, 0
	}
	for i, r := range refs {
		if i > 0 && r.District != refs[i-1].District {
			flush(refs[i-1].District)
		}
		if len(names) < maxNamesPerDistrict {
			names = append(names, r.Name)
		} else {
			more++
		}
	}
	flush(refs[len(refs)-1].District)
	tail := ""
	if len(groups) > maxDistricts {
		tail = fmt.Sprintf("; … và %d quận khác", len(groups)-maxDistricts)
		groups = groups[:maxDistricts]
	}
	return fmt.Sprintf("Chưa có số liệu của %d phường: %s%s.", len(refs), strings.Join(groups, "; "), tail)
}
