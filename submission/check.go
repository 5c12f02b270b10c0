package submission

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"dean/criteria"
	"dean/score"
)

// Column names as the form shows them, for messages.
const colPrev = "Cùng kỳ năm trước"

// Check holds a submission against the criteria and returns the values that can
// be scored and every problem. A value with a problem is left out, so it scores
// as missing, never silently.
func Check(set *criteria.Set, s Submission) (score.Values, []Problem) {
	if s.Unread {
		return score.Values{}, nil
	}
	c := checker{set: set, s: &s, vals: make(score.Values, len(s.Entries)), seen: make(map[string]int, len(s.Entries))}
	c.entries()
	c.absent()
	c.parts()
	c.collapseBlank()
	for id, rd := range c.vals {
		if !rd.Now.OK && !rd.Prev.OK {
			delete(c.vals, id)
		}
	}
	return c.vals, c.problems
}

type checker struct {
	set      *criteria.Set
	s        *Submission
	vals     score.Values
	seen     map[string]int // input id -> index of its entry
	problems []Problem
	filled   bool // some cell of a known input holds something
}

func (c *checker) add(ref Ref, row int, input, msg string) *Problem {
	c.problems = append(c.problems, c.s.at(ref, row, input, msg))
	return &c.problems[len(c.problems)-1]
}

func (c *checker) entries() {
	var dup map[string]bool // rare: made on the first duplicate
	for i, e := range c.s.Entries {
		in := c.set.Input(strings.ToLower(e.ID))
		if in == nil {
			c.unknown(e)
			continue
		}
		if first, ok := c.seen[in.ID]; ok {
			c.add(e.At, e.At.Row, in.ID, fmt.Sprintf("chỉ số lặp lại, đã có ở dòng %d: số liệu của chỉ số này không được dùng", c.s.Entries[first].At.Row))
			if dup == nil {
				dup = map[string]bool{}
			}
			dup[in.ID] = true
			continue
		}
		c.seen[in.ID] = i
		c.filled = c.filled || e.Now.Filled || (in.YoY && e.Prev.Filled)
		var rd score.Reading
		rd.Now = c.value(in, e.Now, e.At.Row, "thiếu số liệu kỳ này")
		switch {
		case in.YoY && e.Prev.At.Col != 0:
			rd.Prev = c.value(in, e.Prev, e.At.Row, "thiếu số liệu cùng kỳ năm trước")
		case !in.YoY && e.Prev.Filled:
			c.add(e.Prev.At, e.At.Row, in.ID, fmt.Sprintf("chỉ số này không so sánh với cùng kỳ: số liệu ở cột %q không được dùng, hãy để trống", colPrev))
		}
		c.vals[in.ID] = rd
	}
	for id := range dup {
		delete(c.vals, id)
	}
}

// unknown reports an id the criteria do not have. A criterion's id ("TC10") is
// how some programs label a group of rows, so it is a problem only where the row
// holds values, which would otherwise be dropped without a word.
func (c *checker) unknown(e Entry) {
	if c.isCriterion(e.ID) {
		if e.Now.Filled || e.Prev.Filled {
			c.add(e.At, e.At.Row, "", fmt.Sprintf("%s là mã tiêu chí, không phải mã chỉ số, nên số liệu ở dòng này không được dùng: hãy ghi mã chỉ số của dòng (như trong biểu mẫu gốc)", Quote(e.ID)))
		}
		return
	}
	c.add(e.At, e.At.Row, "", fmt.Sprintf("mã chỉ số %s không có trong bộ tiêu chí phiên bản %s", Quote(e.ID), c.set.Version))
}

func (c *checker) isCriterion(id string) bool {
	for _, cr := range c.set.Criteria() {
		if strings.EqualFold(cr.ID, id) {
			return true
		}
	}
	return false
}

func (c *checker) value(in *criteria.Input, cell Cell, row int, missing string) score.Num {
	switch {
	case cell.Bad:
		return score.Num{}
	case !cell.Filled:
		c.add(cell.At, row, in.ID, missing).Missing = true
		return score.Num{}
	}
	return cell.Num
}

// absent reports every input the submission has no row for.
func (c *checker) absent() {
	for _, in := range c.set.Inputs() {
		if _, ok := c.seen[in.ID]; !ok {
			c.add(Ref{}, c.s.Table, in.ID, fmt.Sprintf("không có dòng nào cho chỉ số này (%s)", in.Label))
		}
	}
}

// parts checks that no part exceeds a whole it belongs to, this period and, where
// both compare with it, last year. The part's value is left out: it is the cell
// reported. Only the nearest whole it exceeds is named.
func (c *checker) parts() {
	for _, in := range c.set.Inputs() {
		p, ok := c.vals[in.ID]
		if !ok {
			continue
		}
		e := c.s.Entries[c.seen[in.ID]]
		for _, w := range c.set.Wholes(in.ID) {
			wv, ok := c.vals[w.ID]
			if !ok || !p.Now.OK || !wv.Now.OK || p.Now.V <= wv.Now.V {
				continue
			}
			we := c.s.Entries[c.seen[w.ID]]
			c.add(e.Now.At, e.At.Row, in.ID, partMsg("", p.Now.V, w.ID, we.Now.At.String(), wv.Now.V))
			p.Now = score.Num{}
			break
		}
		for _, w := range c.set.Wholes(in.ID) {
			wv, ok := c.vals[w.ID]
			if !in.YoY || !w.YoY || !ok || !p.Prev.OK || !wv.Prev.OK || p.Prev.V <= wv.Prev.V {
				continue
			}
			we := c.s.Entries[c.seen[w.ID]]
			c.add(e.Prev.At, e.At.Row, in.ID, partMsg("cùng kỳ năm trước ", p.Prev.V, w.ID, we.Prev.At.String(), wv.Prev.V))
			p.Prev = score.Num{}
			break
		}
		c.vals[in.ID] = p
	}
}

func partMsg(what string, part int64, whole, wholeRef string, wholeV int64) string {
	return fmt.Sprintf("số liệu %s(%d) lớn hơn số liệu của %s ở ô %s (%d): đây là một phần của %s nên không thể lớn hơn",
		what, part, whole, wholeRef, wholeV, whole)
}

// collapseBlank turns the missing-data problems of a submission nobody has filled
// in yet into one line: a district that has not started needs one message, not
// ninety.
func (c *checker) collapseBlank() {
	if c.filled {
		return
	}
	for _, p := range c.problems {
		if !p.Missing && p.Input != "" {
			return // something is wrong beyond blank cells: every cell matters
		}
	}
	kept, blank := c.problems[:0], 0
	var first Problem
	for _, p := range c.problems {
		if p.Missing {
			if blank == 0 {
				first = p
			}
			blank++
			continue
		}
		kept = append(kept, p)
	}
	c.problems = kept
	if blank > 0 {
		first.Input, first.Msg = "", fmt.Sprintf("trang chưa điền số liệu: cả %d ô cần điền đều trống", blank)
		c.problems = append(c.problems, first)
	}
}

// Quote shows a cell's text in a message; a cell may hold 32 767 characters.
func Quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return strconv.Quote(s)
}
