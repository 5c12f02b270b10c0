package report

import (
	"fmt"
	"strings"

	"dean/score"
)

// Caps on the wards without data named in the report's text: a nationwide run
// may lack thousands, and the sentence must stay a sentence. The workbook's
// sheet lists them all.
const (
	namesPerDistrict = 10
	districtsNamed   = 20
)

// notSubmittedText names the wards of the units list that sent no data,
// grouped by district where there are districts: "Các phường chưa có số liệu,
// chưa được đánh giá: phường Cái Khế, An Hòa (quận Ninh Kiều); phường Trà Nóc
// (quận Bình Thủy)." Empty when every ward sent data.
func notSubmittedText(refs []score.WardRef) string {
	if len(refs) == 0 {
		return ""
	}
	var groups []string
	for i := 0; i < len(refs); {
		j := i
		for j < len(refs) && refs[j].District == refs[i].District {
			j++
		}
		var names []string
		for _, r := range refs[i:min(j, i+namesPerDistrict)] {
			names = append(names, r.Name)
		}
		g := "phường " + joinVa(names, ", ")
		if more := j - i - len(names); more > 0 {
			g = "phường " + strings.Join(names, ", ") + fmt.Sprintf(" và %s phường khác", num(more))
		}
		if d := refs[i].District; d != "" {
			g += " (quận " + d + ")"
		}
		groups = append(groups, g)
		i = j
	}
	tail := ""
	if len(groups) > districtsNamed {
		tail = fmt.Sprintf("; các phường của %s quận khác", num(len(groups)-districtsNamed))
		groups = groups[:districtsNamed]
	}
	return "Các phường chưa có số liệu, chưa được đánh giá: " + strings.Join(groups, "; ") + tail + "."
}
