package score

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"dean/criteria"
)

// Ward is one ward's identity and its card.
type Ward struct {
	List     string `json:"list"` // the units list the code belongs to: a code alone is ambiguous across 1/7/2025
	Code     string `json:"code"`
	Name     string `json:"name"`
	District string `json:"district"`
	Card
}

// Info names the criteria set a result was scored against.
type Info struct {
	Version string            `json:"version"`
	Source  string            `json:"source"`
	Params  map[string]string `json:"params,omitempty"` // thresholds in force, as written
	// Departures say how the criteria in force depart from those bundled with
	// dean: a result re-scored with other thresholds or rules can never pass for
	// the official one. Empty for the bundled criteria.
	Departures []Departure `json:"departures,omitempty"`
}

// Departure is one way the criteria in force differ from the bundled ones.
type Departure struct {
	Param   string `json:"param,omitempty"`   // a threshold's name, when it is one
	Label   string `json:"label,omitempty"`   // what the threshold is
	Value   string `json:"value,omitempty"`   // in force ("5 %")
	Bundled string `json:"bundled,omitempty"` // in the bundled criteria ("6 %")
	Text    string `json:"text"`              // the sentence outputs print
}

// Result is a whole run over many wards; its JSON is the stable contract of
// `dean score --format json`.
type Result struct {
	Criteria Info    `json:"criteria"`
	Period   string  `json:"period"`
	Wards    []Ward  `json:"wards"`
	Summary  Summary `json:"summary"`
}

// Summary is the city's picture: how many wards met how many criteria.
type Summary struct {
	Wards      int `json:"wards"`
	ModelWards int `json:"model_wards"`
	// Distribution counts wards by criteria passed, keyed by the count ("12": 3).
	Distribution map[string]int `json:"distribution"`
	// NotSubmitted are the wards of the units list with no data for the period,
	// in the list's order.
	NotSubmitted []WardRef `json:"not_submitted"`
}

// WardRef names a ward of the units list.
type WardRef struct {
	List     string `json:"list"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	District string `json:"district,omitempty"`
}

// Summarize counts wards and the distribution of criteria met.
func Summarize(wards []Ward) Summary {
	s := Summary{Wards: len(wards), Distribution: map[string]int{}, NotSubmitted: []WardRef{}}
	for _, w := range wards {
		s.Distribution[strconv.Itoa(w.Passed)]++
		if w.Model {
			s.ModelWards++
		}
	}
	return s
}

// Levels lists the distribution's keys from fewest criteria met to most.
func (s Summary) Levels() []int {
	var ks []int
	for k := range s.Distribution {
		n, _ := strconv.Atoi(k)
		ks = append(ks, n)
	}
	sort.Ints(ks)
	return ks
}

// Sentence writes the distribution the way the Đề án does: "3 phường đạt 12/22 tiêu
// chí; 3 phường đạt 13/22 tiêu chí; … và 3 phường đạt 20/22 tiêu chí".
func (s Summary) Sentence(total int) string {
	levels := s.Levels()
	var b strings.Builder
	for i, k := range levels {
		switch {
		case i == 0:
		case i == len(levels)-1:
			b.WriteString(" và ")
		default:
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%d phường đạt %d/%d tiêu chí", s.Distribution[strconv.Itoa(k)], k, total)
	}
	return b.String()
}

// HasDistricts tells whether any ward has a district: the lists from 1/7/2025
// have none, and then no output shows the column.
func (r Result) HasDistricts() bool {
	for _, w := range r.Wards {
		if w.District != "" {
			return true
		}
	}
	return false
}

// InfoOf names the set and the thresholds in force, and how they depart from
// base, the bundled criteria (nil: not compared).
func InfoOf(set, base *criteria.Set) Info {
	ps := map[string]string{}
	for _, p := range set.Params {
		ps[p.Name] = p.Text()
	}
	info := Info{Version: set.Version, Source: set.Source, Params: ps}
	if base == nil {
		return info
	}
	ch := criteria.Compare(set, base)
	lines := ch.Lines()
	// Lines gives the set-wide sentences first, then one a threshold, in order.
	general := len(lines) - len(ch.Params)
	for i, l := range lines {
		d := Departure{Text: l}
		if i >= general {
			p := ch.Params[i-general]
			d.Param, d.Label, d.Value, d.Bundled = p.Name, p.Label, p.Used, p.Base
		}
		info.Departures = append(info.Departures, d)
	}
	return info
}
