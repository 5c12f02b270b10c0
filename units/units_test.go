package units

import (
	"testing"
)

func TestDefaultHas42WardsIn5Districts(t *testing.T) {
	l := Default()
	if len(l.Wards) != 42 {
		t.Fatalf("wards: got %d, want 42", len(l.Wards))
	}
	want := map[string]int{"Ninh Kiều": 11, "Bình Thủy": 8, "Cái Răng": 7, "Ô Môn": 7, "Thốt Nốt": 9}
	for d, n := range want {
		if got := len(l.District(d)); got != n {
			t.Errorf("%s: got %d wards, want %d", d, got, n)
		}
	}
	if got := len(l.District("916")); got != 11 {
		t.Errorf("district by code 916: got %d, want 11", got)
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Thạnh Hoà", "Thạnh Hòa", true},
		{"thới  bình", "Thới Bình", true},
		{"Tho\u0302\u0301t No\u0302\u0301t", "Thốt Nốt", true}, // decomposed input
		{"Hòa", "Hóa", false},
		{"An Hòa", "An Hoà", true},
		{"Thuỷ", "Thủy", true},
		{"Cái Khế", "Cai Khe", false},
	}
	for _, tt := range tests {
		if got := NameKey(tt.a) == NameKey(tt.b); got != tt.same {
			t.Errorf("NameKey(%q) == NameKey(%q): got %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

func TestDistrictWithoutDiacritics(t *testing.T) {
	l := Default()
	for _, name := range []string{"Ninh Kieu", "o mon", "THOT NOT"} {
		if len(l.District(name)) == 0 {
			t.Errorf("%q: no wards", name)
		}
	}
	if got := len(l.District("O Mon")); got != 7 {
		t.Errorf("O Mon: %d wards, want 7", got)
	}
}
