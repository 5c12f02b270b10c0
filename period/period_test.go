package period

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in, code, label string
		ok              bool
	}{
		{"2026-H1", "2026-H1", "6 tháng đầu năm 2026", true},
		{"2026-h1", "2026-H1", "6 tháng đầu năm 2026", true},
		{"2022", "2022", "năm 2022", true},
		{"Năm 2022", "2022", "năm 2022", true},
		{"6 tháng đầu năm 2026", "2026-H1", "6 tháng đầu năm 2026", true},
		{"2026-H2", "", "", false},
		{"22", "", "", false},
		{"1999", "", "", false},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Parse(%q): err = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && (p.String() != tt.code || p.Label() != tt.label) {
			t.Errorf("Parse(%q) = %q %q, want %q %q", tt.in, p, p.Label(), tt.code, tt.label)
		}
	}
}

func TestDueAndWindow(t *testing.T) {
	h1, _ := Parse("2026-H1")
	if got := h1.Due().Format("2006-01-02"); got != "2026-05-15" {
		t.Errorf("H1 due %s", got)
	}
	if got := h1.DefaultWindow().String(); got != "từ ngày 15/11/2025 đến ngày 14/05/2026" {
		t.Errorf("H1 window %s", got)
	}
	y, _ := Parse("2026")
	if got := y.DefaultWindow().String(); got != "từ ngày 15/11/2025 đến ngày 14/11/2026" {
		t.Errorf("year window %s", got)
	}
}

func TestUnitsByDueDate(t *testing.T) {
	tests := []struct{ period, list string }{
		{"2022", "can-tho-2022"},
		{"2024", "can-tho-2022"},
		{"2025-H1", "can-tho-2022"}, // due 15/5/2025
		{"2025", "can-tho-2025"},    // due 15/11/2025
		{"2027-H1", "can-tho-2025"},
		{"2030", "can-tho-2025"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.period)
		if err != nil {
			t.Fatal(err)
		}
		l, err := p.Units()
		if err != nil || l.ID != tt.list {
			t.Errorf("%s: %v %v, want %s", tt.period, l, err, tt.list)
		}
	}
}
