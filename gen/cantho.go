package gen

import (
	"fmt"
	"slices"

	"dean/criteria"
	"dean/score"
	"dean/units"
)

// The Đề án gives Cần Thơ's 2022 picture only in aggregate: how many wards met how
// many criteria, and which failed the three named criteria. Which ward met how many
// is invented here; the distribution is the Đề án's (3×12, 3×13, 3×14, 9×15, 7×16,
// 5×17, 4×18, 5×19, 3×20). Central Ninh Kiều does best, outlying Ô Môn and Thốt Nốt
// worst.
var canThoMet = map[string]int{
	"31117": 20, "31120": 19, "31123": 16, "31126": 18, "31129": 20, "31135": 17, // Ninh Kiều
	"31141": 15, "31144": 19, "31147": 18, "31149": 17, "31150": 14,
	"31153": 16, "31154": 13, "31156": 12, "31157": 15, "31159": 14, "31162": 12, // Ô Môn
	"31165": 15,
	"31168": 19, "31169": 16, "31171": 18, "31174": 15, "31177": 17, "31178": 16, // Bình Thủy
	"31180": 15, "31183": 13,
	"31186": 17, "31189": 20, "31192": 19, "31195": 15, "31198": 14, "31201": 16, // Cái Răng
	"31204": 15,
	"31207": 18, "31210": 15, "31212": 16, "31213": 13, "31216": 19, "31217": 12, // Thốt Nốt
	"31219": 17, "31227": 15, "31228": 16,
}

var (
	// The two wards with a patrol pickup truck (TC05 passes only here).
	canThoTrucks = codes("31117", "31189") // Cái Khế, Hưng Phú
	// The ten wards short of the four teams of TT 43/2018 (TC03).
	canThoFewTeams = codes("31154", "31156", "31159", "31162", "31180", "31183", "31198", "31210", "31213", "31217")
	// Old, degraded headquarters (TC04): Thới Bình, Tân An, An Phú (Ninh Kiều) and
	// Phước Thới (Ô Môn), as the Đề án names them.
	canThoOldHQ = codes("31123", "31135", "31141", "31162")
)

// weights says how often each of the other criteria fails relative to the others:
// cutting crime and the culture shares are hard, a political incident is rare.
var weights = []struct {
	id string
	w  int64
}{
	{"TC10", 10}, {"TC17", 9}, {"TC02", 8}, {"TC14", 8}, {"TC01", 7}, {"TC20", 7},
	{"TC18", 7}, {"TC19", 6}, {"TC15", 6}, {"TC16", 5}, {"TC06", 5}, {"TC11", 5},
	{"TC13", 4}, {"TC09", 3}, {"TC21", 3}, {"TC07", 2}, {"TC08", 2}, {"TC22", 2},
	{"TC12", 1},
}

// CanTho2022 returns the values of the 42 wards of units.Default(), by ward code,
// such that the default criteria reproduce the Đề án's figures for 2022 (see
// canThoMet) and every case in boundaries. A ward that is not one of the 42 is an
// error, as is a set whose inputs differ from the default's.
func CanTho2022(set *criteria.Set, wards *units.List) (map[string]score.Values, error) {
	plan, err := canThoPlan(wards)
	if err != nil {
		return nil, err
	}
	out := map[string]score.Values{}
	ways := canThoWays(plan)
	for i, u := range wards.Wards {
		w := base(i)
		if canThoTrucks[u.Code] {
			w.set("xe_o_to_tuan_tra", 1)
		}
		for _, id := range plan[i] {
			fail(w, id, ways[i][id])
		}
		out[u.Code] = w.v
	}
	for _, b := range boundaries {
		i := b.ward(plan)
		b.apply(ward{i: i, v: out[wards.Wards[i].Code]})
	}
	for _, u := range wards.Wards {
		if err := check(set, out[u.Code]); err != nil {
			return nil, fmt.Errorf("%s %s: %w", u.Code, u.Name, err)
		}
	}
	return out, nil
}

// canThoPlan lists, for each ward, the criteria it fails. The named failures come
// first; the rest are dealt out so that each criterion's share of failures follows
// its weight: each ward takes the criteria furthest behind their share.
func canThoPlan(wards *units.List) ([][]string, error) {
	plan := make([][]string, len(wards.Wards))
	used := make([]int64, len(weights))
	for i, u := range wards.Wards {
		met, ok := canThoMet[u.Code]
		if !ok {
			return nil, fmt.Errorf("gen: phường %s %s không thuộc danh mục Cần Thơ 2022", u.Code, u.Name)
		}
		var fails []string
		if canThoFewTeams[u.Code] {
			fails = append(fails, "TC03")
		}
		if canThoOldHQ[u.Code] {
			fails = append(fails, "TC04")
		}
		if !canThoTrucks[u.Code] {
			fails = append(fails, "TC05")
		}
		more := 22 - met - len(fails)
		if more < 0 {
			return nil, fmt.Errorf("gen: phường %s: %d tiêu chí đạt không khớp với các tiêu chí không đạt đã định", u.Code, met)
		}
		plan[i] = append(fails, deal(i, more, used, fails)...)
	}
	return plan, nil
}

// deal picks more criteria for the ith ward to fail, besides those it has, each
// time the one furthest behind its share of the failures dealt so far (used, by
// weights' index, is updated). They come in weights' order.
func deal(i, more int, used []int64, has []string) []string {
	taken := make([]bool, len(weights))
	for j, w := range weights {
		taken[j] = slices.Contains(has, w.id)
	}
	had := slices.Clone(taken)
	for range more {
		best := -1
		for k := range weights {
			// Rotate where ties start so equal shares do not always go to the same criterion.
			j := (k + i) % len(weights)
			if taken[j] {
				continue
			}
			// behind: (used+1)/w smaller means further behind its share.
			if best < 0 || (used[j]+1)*weights[best].w < (used[best]+1)*weights[j].w {
				best = j
			}
		}
		if best < 0 {
			break // every criterion taken
		}
		taken[best] = true
		used[best]++
	}
	var ids []string
	for j, t := range taken {
		if t && !had[j] {
			ids = append(ids, weights[j].id)
		}
	}
	return ids
}

// canThoWays numbers the way each ward fails each criterion of its plan: the
// failures of one criterion take its ways in turn, in list order.
func canThoWays(plan [][]string) []map[string]int {
	ways := make([]map[string]int, len(plan))
	next := map[string]int{}
	for i, fails := range plan {
		ways[i] = map[string]int{}
		for _, id := range fails {
			ways[i][id] = next[id]
			next[id]++
		}
	}
	return ways
}

func codes(cs ...string) map[string]bool {
	m := map[string]bool{}
	for _, c := range cs {
		m[c] = true
	}
	return m
}
