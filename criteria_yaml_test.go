package dean_test

// Tests of the bundled criteria.yaml as data: its examples pass, they pin every
// rule and threshold (a mutated file fails them), and it matches the data
// dictionary in docs/criteria.md.

import (
	"fmt"
	"math/big"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"dean"
	"dean/criteria"
	"dean/parallel"
	"dean/score"
)

func bundled(t testing.TB) *criteria.Set {
	t.Helper()
	s, err := dean.DefaultSet()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// check parses a criteria text and runs its examples, as `dean criteria check`
// does; err is the parse's problems.
func check(src string) ([]score.ExampleFailure, error) {
	set, err := criteria.Parse([]byte(src), "criteria.yaml")
	if err != nil {
		return nil, err
	}
	return score.CheckExamples(set), nil
}

func TestBundledExamplesPass(t *testing.T) {
	for _, f := range score.CheckExamples(bundled(t)) {
		t.Errorf("criteria.yaml:%d: %s", f.Line, f)
	}
}

// TestEveryIndicatorHasExamples: each indicator has an example where it passes and
// one where it does not, so that no rule can be inverted unseen.
func TestEveryIndicatorHasExamples(t *testing.T) {
	for _, c := range bundled(t).Criteria() {
		if len(c.Examples) == 0 {
			t.Errorf("%s has no examples", c.ID)
			continue
		}
		pass, other := map[string]bool{}, map[string]bool{}
		for _, ex := range c.Examples {
			for _, e := range ex.Expect {
				if e.Verdict == score.Pass.String() {
					pass[e.ID] = true
				} else {
					other[e.ID] = true
				}
			}
		}
		for _, in := range c.Inputs {
			if in.Rule == nil {
				continue
			}
			if !pass[in.ID] {
				t.Errorf("%s: no example where %s passes", c.ID, in.ID)
			}
			if !other[in.ID] {
				t.Errorf("%s: no example where %s does not pass", c.ID, in.ID)
			}
		}
	}
}

// TestDataDictionaryMatches reads docs/criteria.md, the domain contract: every
// input id in its tables is in the bundled set under the same criterion and kind,
// and every threshold has the default it states; and the reverse.
func TestDataDictionaryMatches(t *testing.T) {
	doc, err := os.ReadFile("docs/criteria.md")
	if err != nil {
		t.Fatal(err)
	}
	crit := regexp.MustCompile(`^\*\*(TC\d\d) `)
	row := regexp.MustCompile(`^\| ([a-z][a-z0-9_]*) \| ([^|]+) \|`)
	var want []string
	wantParams := map[string]string{}
	current := ""
	for _, line := range strings.Split(string(doc), "\n") {
		if m := crit.FindStringSubmatch(line); m != nil {
			current = m[1]
			continue
		}
		m := row.FindStringSubmatch(line)
		if m == nil || m[1] == "id" || m[1] == "name" { // no row, or a table's header
			continue
		}
		if current == "" { // the parameters table comes before any criterion
			wantParams[m[1]] = strings.TrimSpace(m[2])
			continue
		}
		kind, yoy := strings.CutSuffix(strings.TrimSpace(m[2]), ", yoy")
		want = append(want, fmt.Sprintf("%s:%s:%s:%v", current, m[1], kind, yoy))
	}
	if len(want) < 80 || len(wantParams) < 10 {
		t.Fatalf("read %d inputs and %d parameters from docs/criteria.md: has its table layout changed?", len(want), len(wantParams))
	}
	set := bundled(t)
	var got []string
	for _, in := range set.Inputs() {
		got = append(got, fmt.Sprintf("%s:%s:%s:%v", in.Criterion.ID, in.ID, in.Kind, in.YoY))
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("data dictionary has %s, criteria.yaml does not", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("criteria.yaml has %s, the data dictionary does not", g)
		}
	}
	for name, value := range wantParams {
		switch p := set.Param(name); {
		case p == nil:
			t.Errorf("data dictionary has threshold %s, criteria.yaml does not", name)
		case p.Text() != value:
			t.Errorf("threshold %s: criteria.yaml %s, data dictionary %s", name, p.Text(), value)
		}
	}
	if len(set.Params) != len(wantParams) {
		t.Errorf("criteria.yaml has %d thresholds, the data dictionary %d", len(set.Params), len(wantParams))
	}
}

// TestMutationsAreCaught edits the bundled text the way a slip of the keyboard or
// a misunderstanding would, and names the example that must catch it.
func TestMutationsAreCaught(t *testing.T) {
	src := string(dean.DefaultCriteria)
	tests := []struct {
		name, old, new string
		example        string // one example that must fail
	}{
		{"a decrease flipped into an increase",
			"rule: {decrease_at_least: giam_toi_pham_ttxh", "rule: {increase_at_least: giam_toi_pham_ttxh",
			"giảm đúng 6 % (100 → 94) thì đạt"},
		{"at least turned into at most",
			"{at_least: so_to_toi_thieu}", "{at_most: so_to_toi_thieu}",
			"3 tổ công tác thì không đạt"},
		{"strictly below loosened to at most",
			"rule: {share_of: nguoi_sau_an, below: tai_pham_duoi}", "rule: {share_of: nguoi_sau_an, at_most: tai_pham_duoi}",
			"tái phạm đúng 1,5 % (3/200) thì không đạt"},
		{"threshold lowered",
			"value: 6%", "value: 5%",
			"giảm 5,9 % (1.000 → 941) thì không đạt"},
		{"a share's denominator swapped",
			"{share_of: ho_so_giai_quyet, at_least: ty_le_truoc_han}", "{share_of: ho_so_dung_han, at_least: ty_le_truoc_han}",
			"tỷ lệ trước hạn tính trên mọi hồ sơ đã giải quyết, không chỉ hồ sơ đúng hạn (12/130)"},
		{"the way out for fugitives dropped",
			"- {value_of: doi_tuong_tron_con_lai, equal: 0}\n", "",
			"không còn đối tượng trốn thì đạt, dù bắt ít hơn cùng kỳ"},
		{"a zero last year allowed to rise",
			"decrease_at_least: giam_nguoi_nghien, if_last_year_zero: {equal: 0}", "decrease_at_least: giam_nguoi_nghien, if_last_year_zero: {at_least: 0}",
			"cùng kỳ không có, kỳ này có người nghiện thì không đạt"},
		{"force majeure no longer subtracted",
			"rule: {minus: chay_no_bat_kha_khang, equal: 0}", "rule: {equal: 0}",
			"hai vụ cháy đều do bất khả kháng thì đạt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Count(src, tt.old) != 1 {
				t.Fatalf("%q occurs %d times in criteria.yaml, want once", tt.old, strings.Count(src, tt.old))
			}
			fails, err := check(strings.Replace(src, tt.old, tt.new, 1))
			if err != nil {
				t.Fatalf("the mutated file should load and fail an example, got: %v", err)
			}
			for _, f := range fails {
				if f.Example == tt.example {
					return
				}
			}
			t.Errorf("example %q did not fail; failures: %v", tt.example, fails)
		})
	}
}

// TestASignCannotBeSilentlyDeleted: the old language wrote a decrease as a negated
// parameter, and deleting the "-" turned it into an increase. Neither the old form
// (with or without its sign) nor a sign in the new one is accepted.
func TestASignCannotBeSilentlyDeleted(t *testing.T) {
	src := string(dean.DefaultCriteria)
	for _, rule := range []string{
		`{change: true, op: "<=", target: -giam_toi_pham_ttxh, zero_base: {op: "=", target: 0}}`,
		`{change: true, op: "<=", target: giam_toi_pham_ttxh, zero_base: {op: "=", target: 0}}`,
		`{decrease_at_least: -giam_toi_pham_ttxh, if_last_year_zero: {equal: 0}}`,
		`{increase_at_least: -giam_toi_pham_ttxh, if_last_year_zero: {equal: 0}}`,
		`{decrease_at_least: −6%, if_last_year_zero: {equal: 0}}`,
	} {
		old := "rule: {decrease_at_least: giam_toi_pham_ttxh, if_last_year_zero: {equal: 0}}"
		if strings.Count(src, old) != 1 {
			t.Fatalf("%q occurs %d times in criteria.yaml, want once", old, strings.Count(src, old))
		}
		mutated := strings.Replace(src, old, "rule: "+rule, 1)
		if _, err := check(mutated); err == nil {
			t.Errorf("%s: accepted", rule)
		}
	}
}

// thresholdSteps are the smallest changes examples must notice: one for a
// count, 0,1 percentage point for a share.
func thresholdSteps(p *criteria.Param) []*big.Rat {
	step := big.NewRat(1, 1)
	if p.Percent {
		step = big.NewRat(1, 1000)
	}
	up := new(big.Rat).Add(p.Value, step)
	down := new(big.Rat).Sub(p.Value, step)
	steps := []*big.Rat{up}
	if down.Sign() >= 0 {
		steps = append(steps, down)
	}
	return steps
}

// TestEveryThresholdIsPinned moves each threshold one step either way: some
// example must then fail, so the examples sit at every boundary.
func TestEveryThresholdIsPinned(t *testing.T) {
	for _, p := range bundled(t).Params {
		for _, v := range thresholdSteps(p) {
			set := bundled(t)
			text := criteria.FormatDecimal(v, 6)
			if p.Percent {
				text = criteria.FormatPercentN(v, 4)
			}
			if err := set.Set(p.Name, text); err != nil {
				t.Fatalf("%s=%s: %v", p.Name, text, err)
			}
			if len(score.CheckExamples(set)) == 0 {
				t.Errorf("%s moved from %s to %s: no example fails", p.Name, p.Text(), text)
			}
		}
	}
}

var (
	comparisonKey = regexp.MustCompile(`\b(at_least|at_most|equal|below|above): ([^,}]+)`)
	changeKey     = regexp.MustCompile(`\b(decrease_at_least|decrease_more_than|increase_at_least|increase_more_than): `)
)

// equivalent lists operator swaps that change no verdict on valid data, which no
// example can therefore catch: counts are never negative (≤ 0 is = 0); a part
// never exceeds its whole (a share ≥ 100 % is a share = 100 %); and the hotspot
// rule's any_of already passes a count of 0, so its zero-base only ever sees a
// count above 0, where "= 0" and "< 0" both fail.
func equivalent(from, to, target, line string) bool {
	pair := func(a, b string) bool { return (from == a && to == b) || (from == b && to == a) }
	return (target == "0" && pair("equal", "at_most")) ||
		(target == "100%" && pair("equal", "at_least")) ||
		(strings.Contains(line, "decrease_at_least: giam_tu_diem,") && pair("equal", "below"))
}

// TestEveryOperatorIsPinned swaps each comparison in every rule for each other
// one: every swap must fail to load or fail an example.
func TestEveryOperatorIsPinned(t *testing.T) {
	src := string(dean.DefaultCriteria)
	lines := strings.SplitAfter(src, "\n")
	keys := []string{"at_least", "at_most", "equal", "below", "above"}
	changes := []string{"decrease_at_least", "decrease_more_than", "increase_at_least", "increase_more_than"}
	swaps := 0
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		try := func(start, end int, from, to, target string) {
			mutated := strings.Join(lines[:i], "") + line[:start] + to + line[end:] + strings.Join(lines[i+1:], "")
			fails, err := check(mutated)
			swaps++
			if err == nil && len(fails) == 0 && !equivalent(from, to, target, line) {
				t.Errorf("line %d: %s → %s passes every example:\n%s", i+1, from, to, strings.TrimSpace(line))
			}
		}
		for _, m := range comparisonKey.FindAllStringSubmatchIndex(line, -1) {
			from, target := line[m[2]:m[3]], line[m[4]:m[5]]
			for _, to := range keys {
				if to != from {
					try(m[2], m[3], from, to, target)
				}
			}
		}
		for _, m := range changeKey.FindAllStringSubmatchIndex(line, -1) {
			from := line[m[2]:m[3]]
			for _, to := range changes {
				if to != from {
					try(m[2], m[3], from, to, "")
				}
			}
		}
	}
	if swaps < 150 {
		t.Errorf("only %d swaps tried: has the rule layout changed?", swaps)
	}
}

// TestEverySingleDeletionIsCaught deletes each character of every rule and
// threshold value in turn, the slip that once turned a decrease into an increase
// unseen. Each deletion must fail to load, fail an example, or leave the rules
// and thresholds as they were (a space in a flow mapping).
func TestEverySingleDeletionIsCaught(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of parses of the whole file")
	}
	src := string(dean.DefaultCriteria)
	base := bundled(t)
	type mutant struct {
		at, size int
		group    string // mutants alike but for where their rule sits
	}
	var mutants []mutant
	for _, sp := range deletionSpans(src) {
		text := src[sp.from:sp.to]
		for i, r := range text {
			if r == '\n' || (i > 0 && text[i-1] == text[i]) { // deleting either of two equal neighbours is one mutant
				continue
			}
			mutants = append(mutants, mutant{sp.from + i, utf8.RuneLen(r), fmt.Sprintf("%s\x00%s\x00%d", sp.context, text, i)})
		}
	}
	if len(mutants) < 1500 {
		t.Fatalf("only %d deletions: has the rule layout changed?", len(mutants))
	}
	// A rule's syntax and keys are checked alike wherever it sits, on inputs of
	// the same kind: one deletion that fails to load in "{is: Có}" fails in all
	// 30 of them. Load one of each group, then run every member of the groups
	// that loaded against the examples.
	loads := map[string]bool{}
	var first []mutant
	for _, m := range mutants {
		if _, seen := loads[m.group]; !seen {
			loads[m.group] = false
			first = append(first, m)
		}
	}
	var mu sync.Mutex
	parallel.For(len(first), func(i int) {
		m := first[i]
		_, err := criteria.Parse([]byte(src[:m.at]+src[m.at+m.size:]), "criteria.yaml")
		mu.Lock()
		loads[m.group] = err == nil
		mu.Unlock()
	})
	var rest []mutant
	for _, m := range mutants {
		if loads[m.group] {
			rest = append(rest, m)
		}
	}
	parallel.For(len(rest), func(i int) {
		m := rest[i]
		set, err := criteria.Parse([]byte(src[:m.at]+src[m.at+m.size:]), "criteria.yaml")
		if err != nil || len(score.CheckExamples(set)) > 0 {
			return
		}
		if c := criteria.Compare(set, base); c.Rules || len(c.Params) > 0 {
			line := strings.Count(src[:m.at], "\n") + 1
			t.Errorf("line %d: deleting %q passes every example and changes the rules:\n%s",
				line, src[m.at:m.at+m.size], strings.TrimSpace(strings.Split(src, "\n")[line-1]))
		}
	})
	t.Logf("%d deletions in %d groups; %d run against the examples", len(mutants), len(first), len(rest))
}

type span struct {
	from, to int
	context  string // the kind of the input a rule sits on, or "params"
}

// deletionSpans finds the rules (one line, or a block) and the threshold values.
func deletionSpans(src string) []span {
	lines := strings.SplitAfter(src, "\n")
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	var spans []span
	offset, context := 0, ""
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\n")
		switch trimmed := strings.TrimSpace(l); {
		case strings.HasPrefix(trimmed, "- id:"):
			context = ""
		case strings.HasPrefix(trimmed, "kind:"), strings.HasPrefix(trimmed, "yoy:"):
			context += trimmed + " "
		case strings.HasPrefix(trimmed, "value:"):
			spans = append(spans, span{offset + strings.Index(l, "value:"), offset + len(l), "params"})
		case strings.HasPrefix(trimmed, "rule:"):
			from, end := offset+strings.Index(l, "rule:"), i+1
			offset += len(lines[i])
			for end < len(lines) && indent(lines[end]) > indent(l) && strings.TrimSpace(lines[end]) != "" {
				offset += len(lines[end])
				end++
			}
			spans = append(spans, span{from, offset - 1, context})
			i = end - 1
			continue
		}
		offset += len(lines[i])
	}
	return spans
}
