// Package plan holds the Đề án's timetable of model wards, the register of the
// Ministry's recognition decisions, and the year-by-year progress of the city
// against the plan, across the 2025 map change.
package plan

import "dean/criteria"

// Plan is the Đề án's timetable (section II.2.2): in phase 1 (2022–2025) two model
// wards per district, ten in all; in phase 2 (2026–2030) six to seven more each
// year, every ward by the end of 2030.
type Plan struct {
	Start, Phase1End, End int // 2022, 2025, 2030
	PerDistrict           int // phase 1: model wards per district
	// Phase1Total is phase 1's target for the city (10): the target on a map
	// without districts, as since 1/7/2025.
	Phase1Total            int
	PerYearMin, PerYearMax int // phase 2: new model wards a year
}

// Default is the plan of Đề án 03/ĐA-UBND (2022).
func Default() Plan {
	return Plan{Start: 2022, Phase1End: 2025, End: 2030, PerDistrict: 2, Phase1Total: 10, PerYearMin: 6, PerYearMax: 7}
}

// Progress compares the model wards counted with what the plan expects by the end
// of a year.
type Progress struct {
	Year   int
	Phase  int // 1 or 2
	Min    int // cumulative model wards expected by 31/12 of Year, at least
	Max    int // and at most (the plan's upper pace); Min == Max in phase 1 and 2030
	Actual int
	Wards  int // wards in the city: the target of 2030
}

// Shortfall is how many model wards are missing against the lower target.
func (p Progress) Shortfall() int {
	if p.Actual >= p.Min {
		return 0
	}
	return p.Min - p.Actual
}

// Deadline is the year by whose end Min is due: phase 1 sets one target for the
// end of the phase, phase 2 a target for the end of every year.
func (p Progress) Deadline(pl Plan) int {
	if p.Phase == 1 {
		return pl.Phase1End
	}
	return p.Year
}

// TargetText writes the target as a reader says it: "10 phường", or "từ 16 đến
// 17 phường" when the plan gives a range.
func (p Progress) TargetText() string {
	if p.Min == p.Max {
		return criteria.FormatInt(int64(p.Min)) + " phường"
	}
	return "từ " + criteria.FormatInt(int64(p.Min)) + " đến " + criteria.FormatInt(int64(p.Max)) + " phường"
}

// Target gives the cumulative target by the end of year. Phase 1 sets one target
// for its end (2 per district); the Đề án gives no yearly split before 2025, so
// every phase-1 year shows the phase's target. In phase 2 the target grows by
// PerYearMin–PerYearMax a year and is capped by the number of wards; the last
// year's target is every ward.
func (pl Plan) Target(year, districts, wards int) Progress {
	p := Progress{Year: year, Phase: 1, Wards: wards}
	base := pl.PerDistrict * districts
	if districts == 0 {
		base = pl.Phase1Total
	}
	base = min(base, wards)
	if year <= pl.Phase1End {
		p.Min, p.Max = base, base
		return p
	}
	p.Phase = 2
	n := year - pl.Phase1End
	p.Min = min(base+pl.PerYearMin*n, wards)
	p.Max = min(base+pl.PerYearMax*n, wards)
	if year >= pl.End {
		p.Min, p.Max = wards, wards
	}
	return p
}
