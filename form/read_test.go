package form

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"dean/criteria"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// stripFile checks that every problem names path and removes it, so expected
// problems do not depend on the temporary directory.
func stripFile(t *testing.T, ps []Problem, path string) []Problem {
	t.Helper()
	for i := range ps {
		if ps[i].File != path {
			t.Errorf("problem %v: file %q, want %q", ps[i], ps[i].File, path)
		}
		ps[i].File = ""
	}
	return ps
}

func TestReadBlankTemplate(t *testing.T) {
	path := writeForm(t, t.TempDir(), "ninh-kieu.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: p2022})
	sheets, problems := readAll([]string{path}, readOpts{Cells: true, Set: testSet, Units: testUnits, Period: &p2022})
	if len(sheets) != 2 || sheets[0].Ward != caiKhe || sheets[1].Ward != anHoa {
		t.Fatalf("sheets: %+v", sheets)
	}
	var want []Problem
	for _, s := range sheets {
		if s.Period != "2022" || len(s.Values) != 0 || len(s.Cells) != len(testSet.Inputs()) {
			t.Errorf("sheet %s: period %q, %d values, %d cells", s.Sheet, s.Period, len(s.Values), len(s.Cells))
		}
		// One line per blank sheet, not one per cell: the district has not started.
		blank := 0
		for _, in := range testSet.Inputs() {
			blank++
			if in.YoY {
				blank++
			}
		}
		first := s.Cells[testSet.Inputs()[0].ID][0]
		want = append(want, Problem{File: path, Sheet: s.Sheet, Cell: first, Msg: fmt.Sprintf("trang chưa điền số liệu: cả %d ô cần điền đều trống", blank), Missing: true})
	}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestReadFilledByWrite(t *testing.T) {
	want := goodValues(testSet)
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: want}})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if diff := cmp.Diff(want, sheets[0].Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if sheets[0].Cells != nil {
		t.Error("cell references returned without ReadOptions.Cells")
	}
}

func TestReadFilledByExcelize(t *testing.T) {
	want := goodValues(testSet)
	cells := blankCells(t)
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
	edit(t, path, func(f *excelize.File) {
		for _, in := range testSet.Inputs() {
			r := want[in.ID]
			if in.Kind == criteria.Bool {
				must(t, f.SetCellStr("Cái Khế", cells[in.ID][0], "Có"))
			} else {
				must(t, f.SetCellInt("Cái Khế", cells[in.ID][0], r.Now.V))
			}
			if in.YoY {
				must(t, f.SetCellInt("Cái Khế", cells[in.ID][1], r.Prev.V))
			}
		}
	})
	sheets, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if diff := cmp.Diff(want, sheets[0].Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

// TestReadBadInput starts from a good form for Cái Khế and changes one thing.
func TestReadBadInput(t *testing.T) {
	const s = "Cái Khế"
	c := blankCells(t)
	now := func(id string) string { return c[id][0] }
	prev := func(id string) string { return c[id][1] }
	col := func(ref, col string) string { return col + ref[1:] } // same row, another column
	good := goodValues(testSet)
	tests := []struct {
		name   string
		change func(f *excelize.File)
		want   []Problem
		values map[string]score.Reading // expected readings (zero Reading: left out)
		noWard bool                     // the sheet is not returned
		period string
	}{
		{
			name:   "yes/no cell with other text",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, now("dang_bo_htxs"), "có lẽ")) },
			want:   []Problem{{Sheet: s, Cell: now("dang_bo_htxs"), Input: "dang_bo_htxs", Msg: `"có lẽ" không hợp lệ: hãy chọn Có hoặc Không trong danh sách`}},
			values: map[string]score.Reading{"dang_bo_htxs": {}},
		},
		{
			name: "Không đạt reads 0, x reads 1, no diacritics",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, now("dang_bo_htxs"), "Không đạt"))
				must(t, f.SetCellStr(s, now("ubnd_tap_the_ldxs"), "x"))
				must(t, f.SetCellStr(s, now("phuong_an_toan_antt"), "khong"))
				must(t, f.SetCellBool(s, now("cap_tham_muu_tot"), true))
			},
			values: map[string]score.Reading{"dang_bo_htxs": {Now: score.N(0)}, "ubnd_tap_the_ldxs": {Now: score.N(1)},
				"phuong_an_toan_antt": {Now: score.N(0)}, "cap_tham_muu_tot": {Now: score.N(1)}},
		},
		{
			name:   "negative count",
			change: func(f *excelize.File) { must(t, f.SetCellInt(s, now("vu_dua_xe"), -3)) },
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: `"-3" là số âm: hãy ghi số nguyên không âm`}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "fractional count typed as text",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, now("vu_dua_xe"), "5,5")) },
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: `"5,5" không phải là số nguyên: hãy ghi số nguyên không âm`}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "fractional count in a number cell",
			change: func(f *excelize.File) { must(t, f.SetCellFloat(s, now("vu_dua_xe"), 2.5, -1, 64)) },
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: `"2,5" không phải là số nguyên: hãy ghi số nguyên không âm`}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "1.234 in a number cell is a fraction, not 1234",
			change: func(f *excelize.File) { must(t, f.SetCellFloat(s, now("vu_dua_xe"), 1.234, -1, 64)) },
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: `"1,234" không phải là số nguyên: hãy ghi số nguyên không âm`}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "text instead of a count",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, now("vu_dua_xe"), "khoảng 5")) },
			want:   []Problem{{Sheet: s, Cell: now("vu_dua_xe"), Input: "vu_dua_xe", Msg: `"khoảng 5" không phải là số: hãy ghi số nguyên không âm, ví dụ 12 hoặc 1.234`}},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name: "counts typed as text with Vietnamese separators",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, now("ho_tong_so"), "1.234"))
				must(t, f.SetCellStr(s, now("vu_dua_xe"), "5,0"))
				must(t, f.SetCellStr(s, now("doi_tuong_dua_xe"), "1 234"))
			},
			values: map[string]score.Reading{"ho_tong_so": {Now: score.N(1234)}, "vu_dua_xe": {Now: score.N(5)}, "doi_tuong_dua_xe": {Now: score.N(1234)}},
		},
		{
			name: `number formatted "#,##0" reads as the number`,
			change: func(f *excelize.File) {
				st, err := f.NewStyle(&excelize.Style{NumFmt: 3})
				must(t, err)
				must(t, f.SetCellInt(s, now("ho_tong_so"), 1234567))
				must(t, f.SetCellStyle(s, now("ho_tong_so"), now("ho_tong_so"), st))
			},
			values: map[string]score.Reading{"ho_tong_so": {Now: score.N(1234567)}},
		},
		{
			name: "formula uses its cached value",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("vu_dua_xe"), 7))
				must(t, f.SetCellFormula(s, now("vu_dua_xe"), "3+4"))
			},
			values: map[string]score.Reading{"vu_dua_xe": {Now: score.N(7)}},
		},
		{
			name: "part larger than its whole",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("tin_bao_tiep_nhan"), 10))
				must(t, f.SetCellInt(s, now("tin_bao_xu_ly"), 12))
			},
			want: []Problem{{Sheet: s, Cell: now("tin_bao_xu_ly"), Input: "tin_bao_xu_ly",
				Msg: fmt.Sprintf("số liệu (12) lớn hơn số liệu của tin_bao_tiep_nhan ở ô %s (10): đây là một phần của tin_bao_tiep_nhan nên không thể lớn hơn", now("tin_bao_tiep_nhan"))}},
			values: map[string]score.Reading{"tin_bao_xu_ly": {}, "tin_bao_tiep_nhan": {Now: score.N(10)}},
		},
		{
			name: "part equal to its whole",
			change: func(f *excelize.File) {
				must(t, f.SetCellInt(s, now("tin_bao_xu_ly"), good["tin_bao_tiep_nhan"].Now.V))
			},
			values: map[string]score.Reading{"tin_bao_xu_ly": good["tin_bao_tiep_nhan"]},
		},
		{
			name:   "last year given where not asked",
			change: func(f *excelize.File) { must(t, f.SetCellInt(s, col(now("tin_bao_xu_ly"), "F"), 5)) },
			want: []Problem{{Sheet: s, Cell: col(now("tin_bao_xu_ly"), "F"), Input: "tin_bao_xu_ly",
				Msg: `chỉ số này không so sánh với cùng kỳ: số liệu ở cột "Cùng kỳ năm trước" không được dùng, hãy để trống`}},
			values: map[string]score.Reading{"tin_bao_xu_ly": good["tin_bao_xu_ly"]},
		},
		{
			name: "empty cells are missing data",
			change: func(f *excelize.File) {
				must(t, f.SetCellStr(s, now("cbcs_tong_so"), " "))
				must(t, f.SetCellValue(s, prev("toi_pham_ttxh"), nil))
			},
			want: []Problem{
				{Sheet: s, Cell: now("cbcs_tong_so"), Input: "cbcs_tong_so", Msg: "thiếu số liệu kỳ này", Missing: true},
				{Sheet: s, Cell: prev("toi_pham_ttxh"), Input: "toi_pham_ttxh", Msg: "thiếu số liệu cùng kỳ năm trước", Missing: true},
			},
			values: map[string]score.Reading{"cbcs_tong_so": {}, "toi_pham_ttxh": {Now: good["toi_pham_ttxh"].Now}},
		},
		{
			name:   "unknown input id",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, col(now("vu_dua_xe"), "B"), "vu_dua_xe_2")) },
			want: []Problem{
				{Sheet: s, Input: "vu_dua_xe", Msg: "không có dòng nào cho chỉ số này (Số vụ đua xe trái phép xảy ra trên địa bàn)"},
				{Sheet: s, Cell: col(now("vu_dua_xe"), "B"), Msg: `mã chỉ số "vu_dua_xe_2" không có trong bộ tiêu chí phiên bản 5764-2021.1`},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}},
		},
		{
			name:   "duplicated input id",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, col(now("vu_dua_xe"), "B"), "doi_tuong_dua_xe")) },
			want: []Problem{
				{Sheet: s, Input: "vu_dua_xe", Msg: "không có dòng nào cho chỉ số này (Số vụ đua xe trái phép xảy ra trên địa bàn)"},
				{Sheet: s, Cell: col(now("vu_dua_xe"), "B"), Input: "doi_tuong_dua_xe",
					Msg: fmt.Sprintf("chỉ số lặp lại, đã có ở dòng %s: số liệu của chỉ số này không được dùng", now("doi_tuong_dua_xe")[1:])},
			},
			values: map[string]score.Reading{"vu_dua_xe": {}, "doi_tuong_dua_xe": {}},
		},
		{
			name:   "ward code missing but the name identifies the ward",
			change: func(f *excelize.File) { must(t, f.SetCellValue(s, "B1", nil)) },
			want:   []Problem{{Sheet: s, Cell: "B1", Msg: "thiếu mã phường (theo tên phường, đây là phường Cái Khế, mã 31117)"}},
		},
		{
			name:   "ward code not in the units list",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B1", "99999")) },
			want:   []Problem{{Sheet: s, Cell: "B1", Msg: `mã phường "99999" không có trong danh mục đơn vị can-tho-2022 (42 phường)`}},
			noWard: true,
		},
		{
			name:   "ward code and name disagree",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B2", "An Hòa")) },
			want:   []Problem{{Sheet: s, Cell: "B2", Msg: `tên phường "An Hòa" không khớp với mã phường 31117 (theo danh mục là phường Cái Khế)`}},
		},
		{
			name:   "ward name in other case matches",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B2", " cái  KHẾ ")) },
		},
		{
			name:   "district disagrees",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B3", "Cái Răng")) },
			want:   []Problem{{Sheet: s, Cell: "B3", Msg: `quận "Cái Răng" không khớp với mã phường 31117 (theo danh mục là quận Ninh Kiều)`}},
		},
		{
			name:   "period as a code",
			change: func(f *excelize.File) { must(t, f.SetCellInt(s, "B4", 2022)) },
		},
		{
			name:   "another period",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", "6 tháng đầu năm 2022")) },
			want:   []Problem{{Sheet: s, Cell: "B4", Msg: "biểu mẫu của kỳ 6 tháng đầu năm 2022, đang đánh giá kỳ năm 2022: số liệu ở trang này không được dùng"}},
			values: map[string]score.Reading{},
			period: "2022-H1",
		},
		{
			name:   "unreadable period",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B4", "quý 3")) },
			want:   []Problem{{Sheet: s, Cell: "B4", Msg: `kỳ báo cáo "quý 3" không hợp lệ: viết 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm): số liệu ở trang này không được dùng`}},
			period: "none",
			values: map[string]score.Reading{},
		},
		{
			name:   "form for another criteria version",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B5", "5764-2021.0")) },
			want: []Problem{{Sheet: s, Cell: "B5",
				Msg: "biểu mẫu lập theo bộ tiêu chí phiên bản 5764-2021.0, đang dùng phiên bản 5764-2021.1: hãy lập lại biểu mẫu bằng dean template"}},
			values: map[string]score.Reading{},
		},
		{
			name:   "no header row",
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "B7", "Mã")) },
			want:   []Problem{{Sheet: s, Msg: `không tìm thấy dòng tiêu đề của bảng số liệu (dòng có ô "Mã chỉ số") trong 30 dòng đầu`}},
			values: map[string]score.Reading{},
		},
		{
			name:   `header without "Kỳ này"`,
			change: func(f *excelize.File) { must(t, f.SetCellStr(s, "E7", "Số liệu")) },
			want:   []Problem{{Sheet: s, Cell: "B7", Msg: `dòng tiêu đề (dòng 7) không có cột "Kỳ này"`}},
			values: map[string]score.Reading{},
		},
		{
			name:   `header without "Cùng kỳ năm trước"`,
			change: func(f *excelize.File) { must(t, f.SetCellValue(s, "F7", nil)) },
			want:   []Problem{{Sheet: s, Cell: "B7", Msg: `dòng tiêu đề (dòng 7) không có cột "Cùng kỳ năm trước"`}},
			values: map[string]score.Reading{"toi_pham_ttxh": {Now: good["toi_pham_ttxh"].Now}, "tu_diem_phuc_tap": {Now: good["tu_diem_phuc_tap"].Now},
				"nguoi_nghien": {Now: good["nguoi_nghien"].Now}, "truy_bat_dau_thu": {Now: good["truy_bat_dau_thu"].Now}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sheets := readEdited(t, tt.change, tt.want)
			if tt.noWard {
				if len(sheets) != 0 {
					t.Errorf("sheet returned for an unknown ward: %+v", sheets)
				}
				return
			}
			if len(sheets) != 1 || sheets[0].Ward != caiKhe {
				t.Fatalf("sheets: %+v", sheets)
			}
			wantPeriod := "2022"
			switch tt.period {
			case "":
			case "none":
				wantPeriod = ""
			default:
				wantPeriod = tt.period
			}
			if sheets[0].Period != wantPeriod {
				t.Errorf("period %q, want %q", sheets[0].Period, wantPeriod)
			}
			want := goodValuesWith(tt.values)
			if tt.values != nil && len(tt.values) == 0 {
				want = score.Values{}
			}
			if diff := cmp.Diff(want, sheets[0].Values); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadHandsOnEverySheet: Read passes on every ward sheet it identifies, the
// same ward in two files included (which counts is assess's to decide), and a
// byte-identical copy of a file is read once.
func TestReadHandsOnEverySheet(t *testing.T) {
	dir := t.TempDir()
	a := writeForm(t, dir, "a.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: goodValues(testSet)}})
	b := writeForm(t, dir, "b.xlsx", Options{Wards: []units.Ward{caiKhe, anHoa}, Period: p2022})
	copyA := filepath.Join(dir, "copy.xlsx")
	data, err := os.ReadFile(a)
	must(t, err)
	must(t, os.WriteFile(copyA, data, 0o644))
	var seen []string
	var mu sync.Mutex
	problems := Read([]string{a, b, copyA}, ReadOptions{Set: testSet, Units: testUnits, Period: &p2022}, func(s submission.Submission) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, filepath.Base(s.Source.File)+":"+s.Ward.Code+":"+s.Source.SHA256[:8])
	})
	slices.Sort(seen)
	sum := func(p string) string {
		data, err := os.ReadFile(p)
		must(t, err)
		return fmt.Sprintf("%x", sha256.Sum256(data))[:8]
	}
	want := []string{"a.xlsx:31117:" + sum(a), "b.xlsx:31117:" + sum(b), "b.xlsx:31120:" + sum(b)}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("sheets handed on (-want +got):\n%s", diff)
	}
	wantP := []Problem{{File: copyA, Msg: "tệp giống hệt tệp " + a + " (cùng nội dung từng byte): chỉ đọc một lần", Warning: true, Pos: submission.Pos{File: 2}}}
	if diff := cmp.Diff(wantP, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestReadPanicsOnTheCallersGoroutine: a panic while reading one file (here from
// the callback, standing in for a bug of ours) reaches the caller, whose recover
// reports it as the program's error; it is never blamed on the file.
func TestReadPanicsOnTheCallersGoroutine(t *testing.T) {
	dir := t.TempDir()
	bad := writeForm(t, dir, "bad.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
	good := writeForm(t, dir, "good.xlsx", Options{Wards: []units.Ward{anHoa}, Period: p2022})
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	Read([]string{bad, good}, ReadOptions{Set: testSet, Units: testUnits, Period: &p2022}, func(s submission.Submission) {
		if s.Ward == caiKhe {
			panic("boom")
		}
	})
	t.Error("Read returned after a panic")
}

func TestPartlyInvalidBlankSheetKeepsEveryCell(t *testing.T) {
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022})
	edit(t, path, func(f *excelize.File) { f.SetCellValue("Cái Khế", "E10", "có lẽ") })
	_, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	if len(problems) < 10 {
		t.Errorf("a sheet with a typed but invalid cell was collapsed to %d problems: %v", len(problems), problems)
	}
}

// goodValuesWith is the good values with some changed: a zero Reading means the
// input is left out.
func goodValuesWith(changes score.Values) score.Values {
	want := goodValues(testSet)
	for id, r := range changes {
		if r == (score.Reading{}) {
			delete(want, id)
		} else {
			want[id] = r
		}
	}
	return want
}

func TestFormulaWithoutResultIsNotAnEmptyCell(t *testing.T) {
	vals := goodValues(testSet)
	delete(vals, "vu_dua_xe")
	path := writeForm(t, t.TempDir(), "f.xlsx", Options{Wards: []units.Ward{caiKhe}, Period: p2022,
		Values: map[string]score.Values{caiKhe.Code: vals}})
	edit(t, path, func(f *excelize.File) { f.SetCellFormula("Cái Khế", "E43", "2+3") })
	_, problems := readAll([]string{path}, readOpts{Set: testSet, Units: testUnits, Period: &p2022})
	want := []Problem{{File: path, Sheet: "Cái Khế", Cell: "E43", Input: "vu_dua_xe",
		Msg: "ô có công thức nhưng chưa có kết quả tính (tệp được lưu bởi chương trình không tính công thức): hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại"}}
	if diff := cmp.Diff(want, problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
