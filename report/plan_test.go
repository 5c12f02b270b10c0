package report

import (
	"strings"
	"testing"
)

func TestPlanTarget(t *testing.T) {
	pl := DefaultPlan()
	for _, tc := range []struct {
		name            string
		year            int
		phase, min, max int
	}{
		{"phase 1 sets its end target every year", 2024, 1, 10, 10},
		{"end of phase 1: two per district", 2025, 1, 10, 10},
		{"first year of phase 2: six to seven more", 2026, 2, 16, 17},
		{"2029", 2029, 2, 34, 38},
		{"2030: every ward, though 10+6·5 is only 40", 2030, 2, 42, 42},
		{"after the plan: still every ward", 2031, 2, 42, 42},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := pl.Target(tc.year, 5, 42)
			if p.Phase != tc.phase || p.Min != tc.min || p.Max != tc.max {
				t.Errorf("Target(%d) = phase %d, %d–%d; want phase %d, %d–%d", tc.year, p.Phase, p.Min, p.Max, tc.phase, tc.min, tc.max)
			}
		})
	}
	p := pl.Target(2026, 5, 42)
	p.Actual = 12
	if p.Shortfall() != 4 {
		t.Errorf("shortfall %d, want 4", p.Shortfall())
	}
	p.Actual = 17
	if p.Shortfall() != 0 {
		t.Errorf("shortfall %d, want 0", p.Shortfall())
	}
	if got := pl.Target(2026, 5, 12); got.Max != 12 {
		t.Errorf("target exceeds the wards there are: %+v", got)
	}
}

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
