package plan

import "testing"

func TestPlanTarget(t *testing.T) {
	pl := Default()
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

// TestPlanTargetWithoutDistricts: since 1/7/2025 the map has no districts, and
// phase 1's target is the city's ten.
func TestPlanTargetWithoutDistricts(t *testing.T) {
	pl := Default()
	if p := pl.Target(2025, 0, 31); p.Min != 10 || p.Max != 10 {
		t.Errorf("2025 on the 31 wards: %d–%d, want 10", p.Min, p.Max)
	}
	if p := pl.Target(2027, 0, 31); p.Min != 22 || p.Max != 24 {
		t.Errorf("2027 on the 31 wards: %d–%d, want 22–24", p.Min, p.Max)
	}
	if p := pl.Target(2029, 0, 31); p.Min != 31 || p.Max != 31 {
		t.Errorf("2029 on the 31 wards: %d–%d, want every ward", p.Min, p.Max)
	}
}
