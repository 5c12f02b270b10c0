package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dean/period"
)

func TestParseMetaDefaults(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"empty file", ""},
		{"only a comment", "# nothing yet\n"},
		{"blank values keep defaults", "issuer: \"\"\nplace: \"  \"\nrecipients: []\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMeta([]byte(tc.yaml), "report.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(DefaultMeta(), m); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseMetaPartial(t *testing.T) {
	m, err := ParseMeta([]byte("number: \"07\"\nsigner:\n  name: Nguyễn Văn A\n"), "report.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if m.Number != "07" || m.Signer.Name != "Nguyễn Văn A" || m.Signer.Title != "GIÁM ĐỐC" || m.Issuer != DefaultMeta().Issuer {
		t.Errorf("got %+v", m)
	}
}

func TestParseMetaErrorsNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown key", "place: Cần Thơ\nsigner_name: A\n", "report.yaml: dòng 2: khóa \"signer_name\""},
		{"bad date", "window:\n  from: 15/11/2025\n  to: 2026-05-14\n", "report.yaml:1: window: from \"15/11/2025\""},
		{"window backwards", "window: {from: 2026-05-14, to: 2025-11-15}\n", "trước ngày bắt đầu"},
		{"not yaml", "issuer: [\n", "report.yaml:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMeta([]byte(tc.yaml), "report.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// The shipped example parses, sets every field, and its window comment is the
// default window made explicit.
func TestExampleMeta(t *testing.T) {
	data, err := os.ReadFile("report.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ParseMeta(data, "report.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if m.Number != "03" || m.Signer.Authority != "KT. GIÁM ĐỐC" || len(m.Directions) != 3 || len(m.Recipients) != 4 {
		t.Errorf("example: %+v", m)
	}
	if !strings.HasPrefix(m.Basis, "Thực hiện Đề án số 03/ĐA-UBND") || strings.Contains(m.Basis, "\n") {
		t.Errorf("basis folded wrongly: %q", m.Basis)
	}
	uncommented := strings.ReplaceAll(string(data), "# window:", "window:")
	uncommented = strings.ReplaceAll(uncommented, "#   from", "  from")
	uncommented = strings.ReplaceAll(uncommented, "#   to", "  to")
	m, err = ParseMeta([]byte(uncommented), "report.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, _ := period.Parse("2026-H1")
	want := period.Window{From: time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 6, 14, 0, 0, 0, 0, time.UTC)}
	if got := m.WindowFor(p); got != want {
		t.Errorf("window %v, want %v", got, want)
	}
	if got := DefaultMeta().WindowFor(p); got != p.DefaultWindow() {
		t.Errorf("default window %v", got)
	}
}

func TestPlaceDate(t *testing.T) {
	for _, tc := range []struct {
		d    time.Time
		want string
	}{
		{time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC), "Cần Thơ, ngày 15 tháng 5 năm 2026"},
		{time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC), "Cần Thơ, ngày 05 tháng 02 năm 2026"},
		{time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC), "Cần Thơ, ngày 15 tháng 11 năm 2026"},
	} {
		if got := placeDate("Cần Thơ", tc.d); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// "- Lưu: VT." unquoted is a mapping in YAML; users write it so.
func TestRecipientWithColon(t *testing.T) {
	m, err := ParseMeta([]byte("recipients:\n  - Công an các quận;\n  - Lưu: VT, PV01.\n"), "report.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Công an các quận;", "Lưu: VT, PV01."}, m.Recipients); diff != "" {
		t.Error(diff)
	}
}
