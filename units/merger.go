package units

import (
	"bytes"
	_ "embed"
	"io"
	"slices"
	"strings"
)

// Merger is a table of how the units of one list became the wards of the next:
// for each new ward, the old units it was formed from, each whole or in part.
type Merger struct {
	File  string
	Links []Link // in file order

	lists map[string]*List
	byNew map[Key][]int
	byOld map[Key][]int
	olds  []*List                     // the old lists the table refers to, in order of first mention
	names map[*List]map[string][]Ward // by NameKey
}

// Link is one row of a merger table: an old unit that went, whole or in part,
// into a new ward.
type Link struct {
	New     Key
	NewName string // "Ninh Kiều"
	Old     Key    // Old.List is "" when the old unit is in none of dean's lists
	OldName string // "Tân An", without its kind
	OldKind string // "Phường", "Xã", "Thị trấn" or "Đặc khu"
	Whole   bool   // "toàn bộ"; false: "một phần", the rest went elsewhere
	// NameReused: the old name now belongs to a ward of the new list (the same
	// or another one), so the old unit is written "Tân An (cũ)".
	NameReused bool
	// NewNameWasAnother: the new name was that of an old ward which is not among
	// the new ward's predecessors (Tân An was 31135, now in Ninh Kiều), so the new
	// ward is written "Tân An (mới)".
	NewNameWasAnother bool
	Line              int
}

// Listed reports whether the old unit is in one of dean's lists. A commune (xã)
// outside the city's wards, say, is not: dean holds no history for it.
func (l Link) Listed() bool { return l.Old.List != "" }

//go:embed sap-nhap-2025.csv
var merger2025 []byte

// BundledMerger is the table of the 2025 merger in Cần Thơ: how the wards of
// can-tho-2022 (and the communes around them) became the 31 wards of can-tho-2025.
func BundledMerger() *Merger {
	m, err := ParseMerger(bytes.NewReader(merger2025), "sap-nhap-2025.csv", Bundled()...)
	if err != nil {
		panic(err) // the embedded table is tested
	}
	return m
}

// Predecessors returns the old units the new ward was formed from, in table order;
// none when the table does not know the ward.
func (m *Merger) Predecessors(ward Key) []Link {
	return m.links(m.byNew[ward])
}

// Successors returns the new wards an old ward went into. known is false when the
// table does not list the old ward: no successor is known and none is guessed. So
// it is for three wards of 2022 (An Nghiệp, An Cư, An Phú), merged before the March
// 2025 list the table starts from.
func (m *Merger) Successors(old Key) (links []Link, known bool) {
	is, ok := m.byOld[old]
	return m.links(is), ok
}

func (m *Merger) links(is []int) []Link {
	var ls []Link
	for _, i := range is {
		ls = append(ls, m.Links[i])
	}
	return ls
}

// Unmapped returns the wards of the table's old lists that the table does not
// list: their successors are unknown.
func (m *Merger) Unmapped() []Ward {
	var ws []Ward
	for _, l := range m.olds {
		for _, w := range l.Wards {
			if _, ok := m.byOld[w.Key()]; !ok {
				ws = append(ws, w)
			}
		}
	}
	return ws
}

// kinds of commune-level units, as the tables prefix their names, in the order
// History names them.
var kinds = []string{"Phường", "Thị trấn", "Xã", "Đặc khu"}

var kindKeys = func() []string {
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = NameKey(k)
	}
	return ks
}()

// splitKind cuts "Phường Tân An" into "Phường" and "Tân An".
func splitKind(s string) (kind, name string, ok bool) {
	words := strings.Fields(s)
	for i, k := range kinds {
		n := len(strings.Fields(k))
		if len(words) > n && NameKey(strings.Join(words[:n], " ")) == kindKeys[i] {
			return k, strings.Join(words[n:], " "), true
		}
	}
	return "", "", false
}

// ParseMerger reads a merger table: a CSV with the header
// ma_moi,ten_moi,ma_cu,ten_cu,pham_vi,danh_muc_moi,danh_muc_cu (other columns, such
// as ma_tinh, are ignored; "#" lines before the header are notes). Names carry their
// kind ("Phường Tân An", "Xã Mỹ Khánh"); pham_vi is "toàn bộ" or "một phần";
// danh_muc_moi names the list of the new ward, danh_muc_cu that of the old unit, or
// is empty when the old unit is in none of the lists. Every problem is reported with its
// line: codes not in the list a row names, names that differ from the list's, an old
// unit merged whole twice, a new ward without predecessors, an old list still in
// force when the new one starts.
func ParseMerger(r io.Reader, file string, lists ...*List) (*Merger, error) {
	t, err := readTable(r, file)
	if err != nil {
		return nil, err
	}
	ps := &problems{file: file}
	col := t.columns(ps, "ma_moi", "ten_moi", "ma_cu", "ten_cu", "pham_vi", "danh_muc_moi", "danh_muc_cu")
	for _, c := range col {
		if c < 0 {
			ps.add(t.line, "dòng tiêu đề phải có các cột ma_moi,ten_moi,ma_cu,ten_cu,pham_vi,danh_muc_moi,danh_muc_cu")
			return nil, ps.err()
		}
	}
	m := &Merger{File: file, lists: map[string]*List{}, byNew: map[Key][]int{}, byOld: map[Key][]int{},
		names: map[*List]map[string][]Ward{}}
	for _, l := range lists {
		m.lists[l.ID] = l
		byName := map[string][]Ward{}
		for _, w := range l.Wards {
			byName[NameKey(w.Name)] = append(byName[NameKey(w.Name)], w)
		}
		m.names[l] = byName
	}
	width := max(col[0], col[1], col[2], col[3], col[4], col[5], col[6]) + 1
	pairLine := map[[2]string]int{} // first row per old list, new list
	var newLists []*List
	for _, rec := range t.rows {
		if len(rec.fields) < width {
			ps.add(rec.line, "cần %d cột, có %d", width, len(rec.fields))
			continue
		}
		f := func(i int) string { return clean(rec.fields[col[i]]) }
		lk, ok := m.parseLink(ps, rec.line, f(0), f(1), f(2), f(3), f(4), f(5), f(6))
		if !ok {
			continue
		}
		pair := [2]string{lk.Old.List, lk.New.List}
		if _, seen := pairLine[pair]; !seen && lk.Old.List != "" {
			pairLine[pair] = rec.line
			m.checkDates(ps, rec.line, m.lists[lk.Old.List], m.lists[lk.New.List])
		}
		if nl := m.lists[lk.New.List]; !slices.Contains(newLists, nl) {
			newLists = append(newLists, nl)
		}
		m.add(ps, lk)
	}
	m.checkUnlisted(ps)
	m.checkComplete(ps, newLists)
	m.markNewNames()
	if err := ps.err(); err != nil {
		return nil, err
	}
	return m, nil
}

var wholeKey, partKey = NameKey("toàn bộ"), NameKey("một phần")

func (m *Merger) parseLink(ps *problems, line int, newCode, newName, oldCode, oldName, scope, newList, oldList string) (Link, bool) {
	lk := Link{New: Key{newList, newCode}, Old: Key{oldList, oldCode}, Line: line}
	ok := true
	if newCode == "" || oldCode == "" {
		ps.add(line, "thiếu mã đơn vị mới hoặc cũ")
		ok = false
	}
	switch NameKey(scope) {
	case wholeKey:
		lk.Whole = true
	case partKey:
	default:
		ps.add(line, "phạm vi %q không hợp lệ: ghi \"toàn bộ\" hoặc \"một phần\"", scope)
		ok = false
	}
	newKind, name, kindOK := splitKind(newName)
	lk.NewName = name
	if !kindOK {
		ps.add(line, "tên mới %q phải bắt đầu bằng loại đơn vị: Phường, Xã, Thị trấn hoặc Đặc khu", newName)
		ok = false
	}
	lk.OldKind, lk.OldName, kindOK = splitKind(oldName)
	if !kindOK {
		ps.add(line, "tên cũ %q phải bắt đầu bằng loại đơn vị: Phường, Xã, Thị trấn hoặc Đặc khu", oldName)
		ok = false
	}
	if !ok {
		return lk, false
	}
	nl, found := m.lists[newList]
	switch {
	case newList == "":
		ps.add(line, "thiếu danh mục mới (cột danh_muc_moi)")
		return lk, false
	case !found:
		ps.add(line, "không có danh mục %q (cột danh_muc_moi)", newList)
		return lk, false
	case !m.inList(ps, line, nl, newCode, newKind, lk.NewName):
		return lk, false
	}
	if oldList != "" {
		ol, found := m.lists[oldList]
		if !found {
			ps.add(line, "không có danh mục %q (cột danh_muc_cu)", oldList)
			return lk, false
		}
		if !m.inList(ps, line, ol, oldCode, lk.OldKind, lk.OldName) {
			return lk, false
		}
		if !slices.Contains(m.olds, ol) {
			m.olds = append(m.olds, ol)
		}
	}
	lk.NameReused = lk.OldKind == "Phường" && len(m.names[nl][NameKey(lk.OldName)]) > 0
	return lk, true
}

// inList checks that a unit the table names is the ward of that code in the list.
func (m *Merger) inList(ps *problems, line int, l *List, code, kind, name string) bool {
	w, found := l.ByCode(code)
	switch {
	case !found:
		ps.add(line, "mã %s không có trong danh mục %s", code, l.ID)
	case kind != "Phường":
		ps.add(line, "%s %s: danh mục %s chỉ có phường", kind, name, l.ID)
	case NameKey(w.Name) != NameKey(name):
		ps.add(line, "mã %s là phường %s trong danh mục %s, không phải %s", code, w.Name, l.ID, name)
	default:
		return true
	}
	return false
}

// checkDates: the old list must end before the new one starts.
func (m *Merger) checkDates(ps *problems, line int, old, next *List) {
	switch {
	case old.Valid.Until.IsZero():
		ps.add(line, "danh mục cũ %s không ghi ngày hết hiệu lực (hieu_luc_den)", old.ID)
	case next.Valid.From.IsZero():
		ps.add(line, "danh mục mới %s không ghi ngày bắt đầu hiệu lực (hieu_luc_tu)", next.ID)
	case !old.Valid.Until.Before(next.Valid.From):
		ps.add(line, "danh mục cũ %s còn hiệu lực đến hết %s, không trước ngày danh mục mới %s bắt đầu (%s)",
			old.ID, dmy(old.Valid.Until), next.ID, dmy(next.Valid.From))
	}
}

func (m *Merger) add(ps *problems, lk Link) {
	for _, i := range m.byOld[lk.Old] {
		prev := m.Links[i]
		switch {
		case prev.New == lk.New:
			ps.add(lk.Line, "trùng với dòng %d", prev.Line)
			return
		case NameKey(prev.OldName) != NameKey(lk.OldName) || prev.OldKind != lk.OldKind:
			ps.add(lk.Line, "mã cũ %s là %s %s ở dòng %d, ở đây là %s %s", lk.Old.Code, prev.OldKind, prev.OldName, prev.Line, lk.OldKind, lk.OldName)
			return
		case prev.Whole || lk.Whole:
			ps.add(lk.Line, "%s %s (mã %s) được sáp nhập vào hai phường mới (dòng %d và dòng này) nên phạm vi phải là \"một phần\" ở cả hai dòng",
				lk.OldKind, lk.OldName, lk.Old.Code, prev.Line)
			return
		}
	}
	m.byNew[lk.New] = append(m.byNew[lk.New], len(m.Links))
	m.byOld[lk.Old] = append(m.byOld[lk.Old], len(m.Links))
	m.Links = append(m.Links, lk)
}

func (m *Merger) markNewNames() {
	for i := range m.Links {
		lk := &m.Links[i]
		for _, l := range m.olds {
			for _, w := range m.names[l][NameKey(lk.NewName)] {
				predecessor := false
				for _, p := range m.Predecessors(lk.New) {
					predecessor = predecessor || p.Old == w.Key()
				}
				lk.NewNameWasAnother = lk.NewNameWasAnother || !predecessor
			}
		}
	}
}

// checkUnlisted: an old unit left without a list must not be a ward of an old list
// the table uses, or its history would be lost for want of a link.
func (m *Merger) checkUnlisted(ps *problems) {
	for _, lk := range m.Links {
		if lk.Listed() {
			continue
		}
		for _, l := range m.olds {
			if w, ok := l.ByCode(lk.Old.Code); ok && lk.OldKind == "Phường" && NameKey(w.Name) == NameKey(lk.OldName) {
				ps.add(lk.Line, "phường %s (mã %s) có trong danh mục %s: ghi %s ở cột danh_muc_cu", w.Name, w.Code, l.ID, l.ID)
			}
		}
	}
}

// checkComplete: every ward of a new list has its predecessors.
func (m *Merger) checkComplete(ps *problems, newLists []*List) {
	for _, l := range newLists {
		for _, w := range l.Wards {
			if len(m.byNew[w.Key()]) == 0 {
				ps.add(0, "phường %s (mã %s) của danh mục %s không có dòng nào trong bảng", w.Name, w.Code, l.ID)
			}
		}
	}
}
