package form

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dean/units"
)

func names(files []File) []string {
	var ns []string
	for _, f := range files {
		ns = append(ns, f.Name)
	}
	return ns
}

func TestSplitByDistrict(t *testing.T) {
	files, err := SplitByDistrict(testUnits.Wards)
	if err != nil {
		t.Fatal(err)
	}
	// The names of the bundled forms, which deangen makes with Slug too.
	want := []string{"ninh-kieu.xlsx", "o-mon.xlsx", "binh-thuy.xlsx", "cai-rang.xlsx", "thot-not.xlsx"}
	if diff := cmp.Diff(want, names(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	n := 0
	for _, f := range files {
		for _, w := range f.Wards {
			if w.District != f.Wards[0].District {
				t.Errorf("%s holds %s of %s", f.Name, w.Name, w.District)
			}
		}
		n += len(f.Wards)
	}
	if n != len(testUnits.Wards) {
		t.Errorf("%d wards in the files, %d in the list", n, len(testUnits.Wards))
	}

	w := func(code, district, districtCode string) units.Ward {
		return units.Ward{Code: code, Name: "P" + code, District: district, DistrictCode: districtCode}
	}
	tests := []struct {
		name  string
		wards []units.Ward
		want  []string
		sizes []int
	}{
		{"one district, two spellings of its tone", []units.Ward{w("1", "Thạnh Hoà", "9"), w("2", "Thạnh Hòa", "9")},
			[]string{"thanh-hoa.xlsx"}, []int{2}},
		{"same name, two districts: codes added", []units.Ward{w("1", "Hòa An", "71"), w("2", "Hoà An", "72"), w("3", "Hòa Ân", "73")},
			[]string{"hoa-an-71.xlsx", "hoa-an-72.xlsx", "hoa-an-73.xlsx"}, []int{1, 1, 1}},
		{"a name without Latin letters is its code", []units.Ward{w("1", "一二", "8")}, []string{"8.xlsx"}, []int{1}},
		{"Windows' reserved names", []units.Ward{w("1", "Con", ""), w("2", "Nul", "")}, []string{"con-1.xlsx", "nul-1.xlsx"}, []int{1, 1}},
		{"same name, no codes", []units.Ward{w("1", "Phú Thứ", ""), w("2", "Phú Thứ", "x"), w("3", "Phu Thu", "")},
			[]string{"phu-thu.xlsx", "phu-thu-x.xlsx", "phu-thu-2.xlsx"}, []int{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := SplitByDistrict(tt.wards)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, names(files)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			var sizes []int
			for _, f := range files {
				sizes = append(sizes, len(f.Wards))
			}
			if diff := cmp.Diff(tt.sizes, sizes); diff != "" {
				t.Errorf("wards a file (-want +got):\n%s", diff)
			}
		})
	}

	_, err = SplitByDistrict([]units.Ward{caiKhe, {Code: "1", Name: "Mới"}, {Code: "2", Name: "Mới 2"}})
	var none *NoDistrictError
	if !errors.As(err, &none) || none.Count != 2 || none.First.Code != "1" {
		t.Errorf("wards without a district: %v", err)
	}
}

func TestSplitByWard(t *testing.T) {
	w := func(code, name string) units.Ward { return units.Ward{Code: code, Name: name} }
	files := SplitByWard([]units.Ward{caiKhe, w("A.1", "Xã Đông"), w("A-1", "Xã Đông"), w("9", "")})
	want := []string{"31117-cai-khe.xlsx", "a-1-xa-dong.xlsx", "a-1-xa-dong-2.xlsx", "9.xlsx"}
	if diff := cmp.Diff(want, names(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	for _, f := range files {
		if len(f.Wards) != 1 {
			t.Errorf("%s: %d wards", f.Name, len(f.Wards))
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Ninh Kiều": "ninh-kieu", "Bình Thủy": "binh-thuy", "Cái Răng": "cai-rang", "Ô Môn": "o-mon",
		"Thốt Nốt": "thot-not", "Đông Hải": "dong-hai", "ĐĂK LĂK": "dak-lak", "Bà Rịa - Vũng Tàu": "ba-ria-vung-tau",
		"  Quận 1 ": "quan-1", "Thạnh Hoà": "thanh-hoa", "A.1/B": "a-1-b", "": "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
