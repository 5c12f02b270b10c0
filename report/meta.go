package report

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"dean/period"
)

// Meta is what report.yaml says about the document itself: who issues it, its
// number, who signs it and who receives it. Every field has a default, so an empty
// or partial file still gives a complete report.
type Meta struct {
	Parent     string   // cơ quan chủ quản, e.g. "BỘ CÔNG AN"
	Issuer     string   // cơ quan ban hành, e.g. "CÔNG AN THÀNH PHỐ CẦN THƠ"
	Number     string   // số, e.g. "03"; empty leaves a blank to fill in by hand
	Symbol     string   // ký hiệu, e.g. "BC-CATP"
	Place      string   // địa danh, e.g. "Cần Thơ"
	Basis      string   // the opening sentence: what the report answers to
	Recipient  string   // who the report is addressed to, in its closing sentence
	Signer     Signer   // the signature block
	Recipients []string // nơi nhận
	Directions []string // phương hướng for the next period, one paragraph each
	Window     *period.Window
}

// Signer is the signature block: the authority line (e.g. "KT. GIÁM ĐỐC"), the
// signer's title and name.
type Signer struct {
	Authority, Title, Name string
}

// metaFile mirrors report.yaml; pointers tell "absent" from "empty".
type metaFile struct {
	Parent     *string     `yaml:"parent"`
	Issuer     *string     `yaml:"issuer"`
	Number     *string     `yaml:"number"`
	Symbol     *string     `yaml:"symbol"`
	Place      *string     `yaml:"place"`
	Basis      *string     `yaml:"basis"`
	Recipient  *string     `yaml:"recipient"`
	Signer     *signer     `yaml:"signer"`
	Recipients []yaml.Node `yaml:"recipients"`
	Directions string      `yaml:"directions"`
	Window     *window     `yaml:"window"`
}

type signer struct {
	Authority *string `yaml:"authority"`
	Title     *string `yaml:"title"`
	Name      *string `yaml:"name"`
}

type window struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// DefaultMeta is the metadata used for every field report.yaml leaves out, on
// a map with districts (quận), as before 1/7/2025. Build adapts the recipients
// and directions that are still these defaults to the report's map.
func DefaultMeta() Meta { return DefaultMetaFor(true) }

// DefaultMetaFor is the default metadata for a map with or without districts:
// without them (from 1/7/2025) the ward police and the wards' people's
// committees take the places of the districts'.
func DefaultMetaFor(hasDistricts bool) Meta {
	local := "quận"
	if !hasDistricts {
		local = "phường"
	}
	return Meta{
		Parent:    "BỘ CÔNG AN",
		Issuer:    "CÔNG AN THÀNH PHỐ CẦN THƠ",
		Symbol:    "BC-CATP",
		Place:     "Cần Thơ",
		Basis:     "Thực hiện Đề án số 03/ĐA-UBND ngày 15/6/2022 của Ủy ban nhân dân thành phố Cần Thơ về xây dựng “Công an phường điển hình, kiểu mẫu về an ninh, trật tự và văn minh đô thị” trên địa bàn thành phố Cần Thơ",
		Recipient: "Ủy ban nhân dân thành phố",
		Signer:    Signer{Title: "GIÁM ĐỐC"},
		Recipients: []string{
			"UBND thành phố (để báo cáo);",
			"Bộ Công an (Cục V05) (để báo cáo);",
			"Công an các " + local + ";",
			"Lưu: VT.",
		},
		Directions: []string{
			"Tiếp tục quán triệt, triển khai đồng bộ các nhiệm vụ, giải pháp của Đề án; tập trung chỉ đạo các phường còn thiếu tiêu chí khắc phục ngay các tiêu chí chưa đạt, ưu tiên các phường đã đạt từ 20/22 tiêu chí trở lên.",
			"Tham mưu Ủy ban nhân dân thành phố, Ủy ban nhân dân các " + local + " bố trí nguồn lực bảo đảm cơ sở vật chất, trang thiết bị, phương tiện cho Công an phường theo lộ trình của Đề án.",
			"Duy trì chế độ thông tin, báo cáo định kỳ 6 tháng (ngày 15 tháng 5) và 01 năm (ngày 15 tháng 11) theo quy định.",
		},
	}
}

// ParseMeta reads report.yaml. Absent fields take DefaultMeta's values; unknown
// keys and malformed dates are errors naming the file and line.
func ParseMeta(data []byte, file string) (Meta, error) {
	m := DefaultMeta()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return m, fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 { // an empty file: all defaults
		return m, nil
	}
	var f metaFile
	dec := doc.Content[0]
	if err := decodeStrict(dec, &f); err != nil {
		return m, fmt.Errorf("%s: %w", file, err)
	}
	set := func(dst *string, src *string) {
		if src != nil && strings.TrimSpace(*src) != "" {
			*dst = clean(*src)
		}
	}
	set(&m.Parent, f.Parent)
	set(&m.Issuer, f.Issuer)
	set(&m.Symbol, f.Symbol)
	set(&m.Place, f.Place)
	set(&m.Basis, f.Basis)
	set(&m.Recipient, f.Recipient)
	if f.Number != nil { // an explicit empty number is allowed: filled in by hand
		m.Number = clean(*f.Number)
	}
	if f.Signer != nil {
		if f.Signer.Authority != nil { // "" removes the KT./TL. line
			m.Signer.Authority = clean(*f.Signer.Authority)
		}
		set(&m.Signer.Title, f.Signer.Title)
		set(&m.Signer.Name, f.Signer.Name)
	}
	if len(f.Recipients) > 0 {
		m.Recipients = nil
		for _, n := range f.Recipients {
			if r := clean(recipient(&n)); r != "" {
				m.Recipients = append(m.Recipients, r)
			}
		}
	}
	if ps := paragraphs(f.Directions); len(ps) > 0 {
		m.Directions = ps
	}
	if f.Window != nil {
		w, err := parseWindow(*f.Window)
		if err != nil {
			return m, fmt.Errorf("%s:%d: window: %w", file, windowLine(dec), err)
		}
		m.Window = &w
	}
	return m, nil
}

// recipient reads one "Nơi nhận" item. Unquoted, "- Lưu: VT." is a YAML mapping;
// it is read back as the line the user typed.
func recipient(n *yaml.Node) string {
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 {
		return n.Content[0].Value + ": " + n.Content[1].Value
	}
	return n.Value
}

func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("dòng %d: cần các mục dạng khóa: giá trị", n.Line)
	}
	allowed := map[string]bool{"parent": true, "issuer": true, "number": true, "symbol": true, "place": true,
		"basis": true, "recipient": true, "signer": true, "recipients": true, "directions": true, "window": true}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !allowed[k.Value] {
			errs = append(errs, fmt.Errorf("dòng %d: khóa %q không có trong report.yaml", k.Line, k.Value))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return n.Decode(v)
}

func windowLine(n *yaml.Node) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "window" {
			return n.Content[i].Line
		}
	}
	return n.Line
}

func parseWindow(w window) (period.Window, error) {
	from, err := time.Parse("2006-01-02", strings.TrimSpace(w.From))
	if err != nil {
		return period.Window{}, fmt.Errorf("from %q phải viết dạng YYYY-MM-DD", w.From)
	}
	to, err := time.Parse("2006-01-02", strings.TrimSpace(w.To))
	if err != nil {
		return period.Window{}, fmt.Errorf("to %q phải viết dạng YYYY-MM-DD", w.To)
	}
	if to.Before(from) {
		return period.Window{}, fmt.Errorf("ngày kết thúc %s trước ngày bắt đầu %s", w.To, w.From)
	}
	return period.Window{From: from, To: to}, nil
}

// WindowFor is the data window of a period: report.yaml's if it sets one, the
// period's default otherwise.
func (m Meta) WindowFor(p period.Period) period.Window {
	if m.Window != nil {
		return *m.Window
	}
	return p.DefaultWindow()
}

// paragraphs splits free text at blank lines and joins each paragraph's lines, so
// a YAML block scalar reads as the user wrote it.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = clean(strings.Join(strings.Fields(p), " ")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func clean(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }
