package score

import (
	"fmt"
	"strings"
	"testing"
)

func TestNotSubmittedText(t *testing.T) {
	ref := func(d string, names ...string) []WardRef {
		var rs []WardRef
		for _, n := range names {
			rs = append(rs, WardRef{Name: n, District: d})
		}
		return rs
	}
	many := func(d string, n int) []WardRef {
		var names []string
		for i := range n {
			names = append(names, fmt.Sprintf("P%d", i+1))
		}
		return ref(d, names...)
	}
	for _, tt := range []struct {
		name string
		refs []WardRef
		want string
	}{
		{"every ward sent data", nil, ""},
		{"grouped by district", append(ref("Ninh Kiều", "Cái Khế", "An Hòa"), ref("Bình Thủy", "Trà Nóc")...),
			"Chưa có số liệu của 3 phường: quận Ninh Kiều: Cái Khế, An Hòa; quận Bình Thủy: Trà Nóc."},
		{"a list without districts", ref("", "Ninh Kiều", "Tân An"), "Chưa có số liệu của 2 phường: Ninh Kiều, Tân An."},
		{"ten names a district at most", many("Ô Môn", 12),
			"Chưa có số liệu của 12 phường: quận Ô Môn: P1, P2, P3, P4, P5, P6, P7, P8, P9, P10 và 2 phường khác."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Summary{NotSubmitted: tt.refs}).NotSubmittedText(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	t.Run("twenty districts at most", func(t *testing.T) {
		var refs []WardRef
		for i := range 25 {
			refs = append(refs, ref(fmt.Sprintf("Q%d", i), "P")...)
		}
		got := Summary{NotSubmitted: refs}.NotSubmittedText()
		if !strings.HasSuffix(got, "quận Q19: P; … và 5 quận khác.") || strings.Contains(got, "Q20") {
			t.Errorf("got %q", got)
		}
	})
}
