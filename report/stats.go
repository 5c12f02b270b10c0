package report

import (
	"dean/score"
)

// stats are the counts every part of the report draws on.
type stats struct {
	wards     []score.Ward
	total     int // criteria in the set (22)
	cityWards int // wards in the city: the units list's, or those scored
	// districted is whether the map has districts (quận): the lists before
	// 1/7/2025. Without them there is no table, target or word about quận.
	districted bool
	districts  []districtStat // empty when !districted
	criteria   []criterionStat
	summary    score.Summary
	model      []score.Ward
	missing    int // wards with at least one criterion lacking data
	passed     int // criteria met, summed over wards
}

type districtStat struct {
	Name                           string
	Wards, Listed, Model, Criteria int // Criteria: criteria met, summed over wards
	Missing                        int // wards with at least one criterion lacking data
}

type criterionStat struct {
	ID, Name                string
	Pass, Fail, Missing, NA int
}

func newStats(in Input) stats {
	st := stats{wards: in.Result.Wards, total: len(in.Criteria.Criteria()), districted: hasDistricts(in)}
	st.summary = score.Summarize(st.wards)
	byName := map[string]int{}
	add := func(name string) int {
		i, ok := byName[name]
		if !ok {
			i = len(st.districts)
			byName[name] = i
			st.districts = append(st.districts, districtStat{Name: name})
		}
		return i
	}
	if in.Units != nil {
		for _, w := range in.Units.Wards {
			if st.districted {
				st.districts[add(w.District)].Listed++
			}
		}
		st.cityWards = len(in.Units.Wards)
	}
	for _, c := range in.Criteria.Criteria() {
		st.criteria = append(st.criteria, criterionStat{ID: c.ID, Name: c.Name})
	}
	for _, w := range st.wards {
		d := &districtStat{} // counted for no district on a map without them
		if st.districted {
			d = &st.districts[add(w.District)]
		}
		d.Wards++
		d.Criteria += w.Passed
		st.passed += w.Passed
		if w.Model {
			d.Model++
			st.model = append(st.model, w)
		}
		if len(w.With(score.Missing)) > 0 {
			st.missing++
			d.Missing++
		}
		for i, c := range w.Criteria {
			if i >= len(st.criteria) {
				break
			}
			cs := &st.criteria[i]
			switch c.Verdict {
			case score.Pass:
				cs.Pass++
			case score.Fail:
				cs.Fail++
			case score.NA:
				cs.NA++
			default:
				cs.Missing++
			}
		}
	}
	if in.Units == nil {
		st.cityWards = len(st.wards)
	}
	return st
}

// hasDistricts tells whether the report's map has districts: the units list's
// say, or without a list, whether any ward scored has one.
func hasDistricts(in Input) bool {
	if in.Units != nil {
		return in.Units.HasDistricts()
	}
	return in.Result.HasDistricts()
}
