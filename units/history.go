package units

import "strings"

// History writes a new ward's predecessors as reports and forms print them: "gồm
// phường Thới Bình, Tân An (cũ), Xuân Khánh". An old name that now names a ward of
// the new list is marked "(cũ)"; a unit taken in part, "(một phần)"; each kind of
// unit is named once, phường first, then thị trấn, xã, đặc khu, each in table
// order: "gồm phường An Bình (cũ), Long Tuyền (cũ, một phần), xã Mỹ Khánh". ok is
// false when the table does not know the ward.
func (m *Merger) History(ward Key) (text string, ok bool) {
	links := m.Predecessors(ward)
	if len(links) == 0 {
		return "", false
	}
	var groups []string
	for _, k := range kinds {
		var names []string
		for _, l := range links {
			if l.OldKind == k {
				names = append(names, l.oldName())
			}
		}
		if len(names) > 0 {
			groups = append(groups, strings.ToLower(k)+" "+strings.Join(names, ", "))
		}
	}
	return "gồm " + strings.Join(groups, ", "), true
}

// Fate writes what became of an old unit: "nay thuộc phường Ninh Kiều", "nay thuộc
// phường Tân An (mới)", "nay một phần thuộc phường Thốt Nốt, một phần thuộc phường
// Thuận Hưng", or, for a ward the table does not list, that this is not known.
func (m *Merger) Fate(old Key) string {
	links, known := m.Successors(old)
	if !known {
		return "chưa rõ nay thuộc phường nào: bảng sáp nhập không có đơn vị này"
	}
	if len(links) == 1 && links[0].Whole {
		return "nay thuộc " + links[0].NewLabel()
	}
	parts := make([]string, len(links))
	for i, l := range links {
		parts[i] = "một phần thuộc " + l.NewLabel()
	}
	text := "nay " + strings.Join(parts, ", ")
	if len(links) == 1 {
		text += " (phần còn lại không có trong bảng sáp nhập)"
	}
	return text
}

// NewLabel names the new ward: "phường Ninh Kiều", "phường Tân An (mới)".
func (l Link) NewLabel() string {
	if l.NewNameWasAnother {
		return "phường " + l.NewName + " (mới)"
	}
	return "phường " + l.NewName
}

// OldLabel names the old unit with its kind and marks: "phường Tân An (cũ)",
// "phường Bùi Hữu Nghĩa (một phần)", "xã Mỹ Khánh".
func (l Link) OldLabel() string { return strings.ToLower(l.OldKind) + " " + l.oldName() }

func (l Link) oldName() string {
	var marks []string
	if l.NameReused {
		marks = append(marks, "cũ")
	}
	if !l.Whole {
		marks = append(marks, "một phần")
	}
	if len(marks) == 0 {
		return l.OldName
	}
	return l.OldName + " (" + strings.Join(marks, ", ") + ")"
}
