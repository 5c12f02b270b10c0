package report

import (
	"strings"
	"testing"
)

// During phase 1 the report states the phase's goal and deadline, what has been
// achieved and what remains in the time left; no year of phase 1 is "short".
func TestPlanTextPhase1(t *testing.T) {
	for _, tc := range []struct {
		period string
		levels map[int]int
		want   string
	}{
		{"2022", deAnLevels, "Mục tiêu giai đoạn 1: 10 phường đạt chuẩn đến hết năm 2025 (mỗi quận 02 phường). Đến nay, toàn thành phố có 0 phường đạt chuẩn; 0/5 quận đã đạt mục tiêu 02 phường; còn 10 phường cần xây dựng đạt chuẩn trong 03 năm còn lại (2023 - 2025)."},
		{"2024-H1", deAnLevels, "còn 10 phường cần xây dựng đạt chuẩn trong 6 tháng cuối năm 2024 và năm 2025."},
		{"2023-H1", deAnLevels, "trong 6 tháng cuối năm 2023 và 02 năm 2024 - 2025."},
		{"2025", deAnLevels, "trong thời gian còn lại của năm 2025."},
		{"2024", levels2026, "Đến nay, toàn thành phố có 12 phường đạt chuẩn; 4/5 quận đã đạt mục tiêu 02 phường; còn 1 phường cần xây dựng đạt chuẩn trong năm 2025."},
	} {
		t.Run(tc.period, func(t *testing.T) {
			text := Build(fixture(t, tc.period, tc.levels)).Text()
			if !strings.Contains(text, tc.want) {
				t.Errorf("plan text lacks %q", tc.want)
			}
			i, j := strings.Index(text, "4. Tiến độ"), strings.Index(text, "II. HẠN CHẾ")
			if i < 0 || j < i {
				t.Fatal("no plan section")
			}
			for _, bad := range []string{"Lũy kế", "lũy kế", "thiếu", "tối thiểu", "(!)"} {
				if strings.Contains(text[i:j], bad) {
					t.Errorf("phase 1 reads as a shortfall (%q):\n%s", bad, text[i:j])
				}
			}
		})
	}
}
