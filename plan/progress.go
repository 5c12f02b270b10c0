package plan

import (
	"dean/units"
)

// Scores is one year's assessment as the archive holds it.
type Scores struct {
	Year     int
	Half     bool // only the six-month assessment is stored so far
	List     *units.List
	Assessed int         // wards with a stored result
	Model    []units.Key // wards at 22/22
}

// Year is one year of progress against the plan.
type Year struct {
	Year   int
	List   *units.List // the map of the year's annual assessment
	Scores *Scores     // nil: nothing stored for the year
	// RecognisedInYear counts the decisions recognising a ward for this year.
	RecognisedInYear int
	// Recognised counts the wards of the year's list recognised for this year
	// or before; Inherited, those not recognised themselves but formed from an
	// old ward that was (shown as history, not counted).
	Recognised, Inherited int
	// NoRegister: no register was given, so recognitions are unknown — not 0.
	NoRegister bool
	Target     Progress // Target.Actual: the wards at 22/22 by score
}

// Track lays the years from..to side by side: wards at 22/22 by score,
// recognitions by decision, and the plan's cumulative target on the year's map.
// listFor gives the list in force for a year's annual assessment.
func Track(pl Plan, from, to int, scores map[int]Scores, reg *Register, merger *units.Merger, listFor func(year int) *units.List) []Year {
	var years []Year
	for y := from; y <= to; y++ {
		list := listFor(y)
		yr := Year{Year: y, List: list, NoRegister: reg == nil}
		if s, ok := scores[y]; ok {
			yr.Scores = &s
			if s.List != nil {
				list, yr.List = s.List, s.List
			}
		}
		districts := 0
		if list != nil && list.HasDistricts() {
			districts = len(list.Districts())
		}
		wards := 0
		if list != nil {
			wards = len(list.Wards)
		}
		yr.Target = pl.Target(y, districts, wards)
		if yr.Scores != nil {
			yr.Target.Actual = len(yr.Scores.Model)
		}
		if reg != nil {
			for _, r := range reg.Items {
				if r.Year == y {
					yr.RecognisedInYear++
				}
			}
		}
		if list != nil {
			for _, w := range list.Wards {
				own, inherited := reg.Of(w.Key(), merger)
				switch {
				case recognisedBy(own, y):
					yr.Recognised++
				case recognisedBy(inherited, y):
					yr.Inherited++
				}
			}
		}
		years = append(years, yr)
	}
	return years
}

func recognisedBy(rs []Recognition, year int) bool {
	for _, r := range rs {
		if r.Year <= year {
			return true
		}
	}
	return false
}
