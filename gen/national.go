package gen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"

	"dean/criteria"
	"dean/form"
	"dean/score"
	"dean/units"
)

// Syllables for invented place names. Pairs of them read like real Vietnamese
// place names, and some are.
var (
	provinceFirst  = []string{"Bình", "Hòa", "Tân", "Phú", "Long", "Vĩnh", "Đông", "Tây", "Quảng", "Thanh", "Hà", "Hải", "Kiên", "Lâm", "Sơn", "Trà", "Gia", "Mỹ", "Cao", "Ninh", "Đức"}
	provinceSecond = []string{"Giang", "Định", "Thuận", "Hưng", "Phước", "Yên", "Châu", "Khánh", "Điền", "Xuyên", "Lộc", "Dương", "Nguyên", "Trị", "Tiến", "Lạng", "Ngãi"}
	wardFirst      = []string{"An", "Bình", "Hòa", "Tân", "Phú", "Long", "Thạnh", "Mỹ", "Phước", "Vĩnh", "Đông", "Tây", "Nam", "Bắc", "Trung", "Hưng", "Thuận", "Quang", "Đức", "Thới", "Xuân", "Hiệp", "Lộc", "Khánh", "Thắng", "Thành", "Hải", "Sơn", "Lạc", "Ninh", "Cẩm", "Định", "Hiếu", "Nghĩa", "Quới", "Tường", "Yên", "Châu", "Phong", "Hồng"}
	wardSecond     = []string{"An", "Bình", "Hòa", "Phú", "Lợi", "Thạnh", "Hưng", "Lộc", "Khánh", "Thới", "Tây", "Đông", "Nam", "Bắc", "Trung", "Thuận", "Long", "Mỹ", "Phước", "Xuân", "Điền", "Sơn", "Hải", "Thọ", "Quý", "Nghĩa", "Tiến", "Hội", "Phát", "Lạc", "Kiên", "Cường", "Hiệp", "Định", "Hà", "Linh", "Thủy", "Ninh", "Giang", "Quang"}
)

// nationalRate is how many wards in a thousand fail each criterion: the three the
// Đề án names at about Cần Thơ's rates, the others by weight so that a typical ward
// meets 15–18 of 22.
func nationalRate(id string) int64 {
	switch id {
	case "TC03":
		return 240
	case "TC04":
		return 100
	case "TC05":
		return 950
	}
	for _, w := range weights {
		if w.id == id {
			return w.w * 46
		}
	}
	return 0
}

// National invents a country: n wards in the given number of provinces (3.321 in
// 34 since the 2025 reorganisation), with unique codes, names unique within their
// province, and values failing each criterion at a believable rate.
func National(set *criteria.Set, n, provinces int) (*units.List, map[string]score.Values, error) {
	if provinces < 1 || n < provinces {
		return nil, nil, fmt.Errorf("gen: cần ít nhất một phường cho mỗi tỉnh (%d phường, %d tỉnh)", n, provinces)
	}
	var buf bytes.Buffer
	if err := writeCSV(&buf, nationalUnits(n, provinces)); err != nil {
		return nil, nil, err
	}
	list, err := units.Parse(&buf, "national.csv")
	if err != nil {
		return nil, nil, err
	}
	vals := map[string]score.Values{}
	for i, u := range list.Wards {
		w := base(i)
		for _, c := range set.Criteria() {
			if pick(i, "fail/"+c.ID, 0, 999) < nationalRate(c.ID) {
				fail(w, c.ID, int(pick(i, "way/"+c.ID, 0, 11)))
			} else if c.ID == "TC05" {
				w.set("xe_o_to_tuan_tra", pick(i, "xe", 1, 2))
			}
		}
		if err := check(set, w.v); err != nil {
			return nil, nil, fmt.Errorf("%s %s: %w", u.Code, u.Name, err)
		}
		vals[u.Code] = w.v
	}
	return list, vals, nil
}

// nationalUnits names the provinces and their wards. Province sizes vary around
// the mean in pairs (one above, the next as far below), so that any first half of
// the provinces holds about half the wards.
func nationalUnits(n, provinces int) []units.Ward {
	var ws []units.Ward
	usedProvince := map[string]bool{}
	p := 0
	for k := range provinces {
		size := n / provinces
		if k < n%provinces {
			size++
		}
		swing := (k/2*17)%31 - 15 // the pair's swing, both signs
		if swing < 0 {
			swing = -swing
		}
		swing = min(swing, n/provinces/3)
		if k%2 == 0 && k+1 < provinces {
			size += swing
		} else if k%2 == 1 {
			size -= swing
		}
		var name string
		for {
			name = provinceFirst[p%len(provinceFirst)] + " " + provinceSecond[(p*7)%len(provinceSecond)]
			p++
			if !usedProvince[form.Slug(name)] && !sameSyllables(name) {
				break
			}
		}
		usedProvince[form.Slug(name)] = true
		district := fmt.Sprintf("%02d", 2*(k+1))
		ws = append(ws, wardsOf(name, district, k, size, len(ws))...)
	}
	return ws
}

func wardsOf(province, code string, k, size, first int) []units.Ward {
	var ws []units.Ward
	used := map[string]bool{}
	combos := len(wardFirst) * len(wardSecond)
	q := k * 101
	for j := range size {
		var name string
		for {
			q = (q + 619) % combos // 619 is prime to combos: every pair comes round once
			name = wardFirst[q/len(wardSecond)] + " " + wardSecond[q%len(wardSecond)]
			if !used[form.Slug(name)] && !sameSyllables(name) {
				break
			}
		}
		used[form.Slug(name)] = true
		ws = append(ws, units.Ward{
			Code:         fmt.Sprintf("%05d", 10000+3*(first+j)),
			Name:         name,
			DistrictCode: code,
			District:     province,
		})
	}
	return ws
}

func sameSyllables(name string) bool {
	a, b, _ := bytes.Cut([]byte(name), []byte(" "))
	return string(a) == string(b)
}

// WriteUnitsCSV writes a units list in the format units.Parse reads.
func WriteUnitsCSV(w io.Writer, l *units.List) error { return writeCSV(w, l.Wards) }

func writeCSV(w io.Writer, wards []units.Ward) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"ma_phuong", "ten_phuong", "ma_quan", "ten_quan"})
	for _, u := range wards {
		cw.Write([]string{u.Code, u.Name, u.DistrictCode, u.District})
	}
	cw.Flush()
	return cw.Error()
}
