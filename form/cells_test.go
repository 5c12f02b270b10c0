package form

import (
	"testing"

	"dean/submission"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		numeric bool
		want    int64
		msg     string
	}{
		{"plain", "12", false, 12, ""},
		{"zero", "0", false, 0, ""},
		{"spaces around", "  7 ", false, 7, ""},
		{"dot groups thousands", "1.234", false, 1234, ""},
		{"dots group millions", "1.234.567", false, 1234567, ""},
		{"space groups thousands", "1 234", false, 1234, ""},
		{"non-breaking space groups thousands", "1\u00a0234", false, 1234, ""},
		{"comma decimal zero", "5,0", false, 5, ""},
		{"grouped with zero decimals", "1.234,00", false, 1234, ""},
		{"number cell raw", "1234", true, 1234, ""},
		{"number cell float noise", "3.0000000000000004", true, 3, ""},
		{"number cell exponent", "1.5E+3", true, 1500, ""},
		{"dot decimal zero", "5.0", false, 5, ""},
		{"minus zero", "-0", false, 0, ""},
		{"comma fraction", "5,5", false, 0, `"5,5" không phải là số nguyên: hãy ghi số nguyên không âm`},
		{"dot fraction, quoted as typed", "5.5", false, 0, `"5.5" không phải là số nguyên: hãy ghi số nguyên không âm`},
		{"comma and three digits is ambiguous", "1,234", false, 0, `"1,234" không rõ là số nào: một nghìn thì ghi 1.000; số đếm không có phần thập phân`},
		{"one thousand the English way is ambiguous", "1,000", false, 0, `"1,000" không rõ là số nào: một nghìn thì ghi 1.000; số đếm không có phần thập phân`},
		{"number cell 1.234 is a fraction, shown with a comma", "1.234", true, 0, `"1,234" không phải là số nguyên: hãy ghi số nguyên không âm`},
		{"typed text is exact, no formula noise", "0,0000000001", false, 0, `"0,0000000001" không phải là số nguyên: hãy ghi số nguyên không âm`},
		{"a formula's float noise is a whole number", "3.0000000000000004", false, 3, ""},
		{"negative", "-3", false, 0, `"-3" là số âm: hãy ghi số nguyên không âm`},
		{"unicode minus", "−3", false, 0, `"−3" là số âm: hãy ghi số nguyên không âm`},
		{"negative fraction", "-2,5", false, 0, `"-2,5" là số âm: hãy ghi số nguyên không âm`},
		{"text", "khoảng 5", false, 0, `"khoảng 5" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`},
		{"english grouping", "1,234.5", false, 0, `"1,234.5" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`},
		{"bad grouping", "12.34.5", false, 0, `"12.34.5" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`},
		{"error value", "#DIV/0!", false, 0, `"#DIV/0!" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`},
		{"too large", "99999999999999999999", false, 0, `"99999999999999999999" quá lớn: số đếm phải nhỏ hơn 1.000.000.000.000.000; hãy kiểm tra lại số liệu`},
		{"huge exponent", "1E+999999", true, 0, `"1E+999999" quá lớn: số đếm phải nhỏ hơn 1.000.000.000.000.000; hãy kiểm tra lại số liệu`},
		{"long text is cut", "một câu rất dài mà cán bộ gõ vào ô số liệu thay vì một con số", false, 0,
			`"một câu rất dài mà cán bộ gõ vào ô số li…" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msg := parseCount(tt.in, tt.numeric)
			if got != tt.want || msg != tt.msg {
				t.Errorf("parseCount(%q, %v) = %d, %q; want %d, %q", tt.in, tt.numeric, got, msg, tt.want, tt.msg)
			}
		})
	}
}

func TestParseBool(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"Có", 1}, {"có", 1}, {"CÓ", 1}, {"co", 1}, {"Đạt", 1}, {"dat", 1}, {" đạt ", 1},
		{"x", 1}, {"X", 1}, {"1", 1}, {"TRUE", 1}, {"true", 1},
		{"Không", 0}, {"không", 0}, {"khong", 0}, {"KHÔNG", 0}, {"Không đạt", 0}, {"không  đạt", 0},
		{"khong dat", 0}, {"0", 0}, {"FALSE", 0}, {"false", 0},
		// Decomposed (NFD) text, as some Mac keyboards type it.
		{"Co\u0301", 1}, {"Kho\u0302ng", 0},
	} {
		got, msg := parseBool(tt.in)
		if got != tt.want || msg != "" {
			t.Errorf("parseBool(%q) = %d, %q; want %d", tt.in, got, msg, tt.want)
		}
	}
	for _, in := range []string{"có lẽ", "2", "yes", "Đ", "-"} {
		want := submission.Quote(in) + " không hợp lệ: hãy chọn Có hoặc Không trong danh sách"
		if _, msg := parseBool(in); msg != want {
			t.Errorf("parseBool(%q) message %q; want %q", in, msg, want)
		}
	}
}
