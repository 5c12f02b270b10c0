package archive

import (
	"time"

	"dean/criteria"
	"dean/score"
	"dean/submission"
	"dean/units"
)

// Record is one ward's stored submission for a period.
type Record struct {
	ID         int64
	Period     string
	Ward       units.Ward // with its list: a code alone is ambiguous across 1/7/2025
	Source     submission.Source
	CodeAt     submission.Ref
	Table      int
	Values     []Value
	ImportedAt time.Time
	Superseded bool
}

// Value is one input's stored values and cells. A missing value is stored as
// such, never as 0.
type Value struct {
	Input         string
	Now, Prev     score.Num
	IDAt          submission.Ref
	NowAt, PrevAt submission.Ref
	PrevPrefilled bool
}

// NewRecord is what import stores of a checked submission: every input of the
// set that the submission has a row for, with its checked values (a blank or
// refused cell is missing) and the cells they were read from.
func NewRecord(set *criteria.Set, period string, s submission.Submission, vals score.Values) Record {
	r := Record{Period: period, Ward: s.Ward, Source: s.Source, CodeAt: s.CodeAt, Table: s.Table}
	seen := map[string]bool{}
	for _, e := range s.Entries {
		in := set.Input(lower(e.ID))
		if in == nil || seen[in.ID] {
			continue
		}
		seen[in.ID] = true
		v := Value{Input: in.ID, Now: vals[in.ID].Now, IDAt: e.At, NowAt: e.Now.At}
		if in.YoY {
			v.Prev, v.PrevAt, v.PrevPrefilled = vals[in.ID].Prev, e.Prev.At, e.Prev.Prefilled
		}
		r.Values = append(r.Values, v)
	}
	return r
}

// Submission gives the record back as a submission, the form any values take on
// their way to score.
func (r Record) Submission() submission.Submission {
	s := submission.Submission{Ward: r.Ward, Period: r.Period, Source: r.Source, CodeAt: r.CodeAt, Table: r.Table}
	s.Entries = make([]submission.Entry, len(r.Values))
	for i, v := range r.Values {
		s.Entries[i] = submission.Entry{
			ID:   v.Input,
			At:   v.IDAt,
			Now:  submission.Cell{At: v.NowAt, Num: v.Now, Filled: v.Now.OK},
			Prev: submission.Cell{At: v.PrevAt, Num: v.Prev, Filled: v.Prev.OK, Prefilled: v.PrevPrefilled},
		}
	}
	return s
}

// Values are the record's values as score reads them.
func (r Record) ScoreValues() score.Values {
	vals := make(score.Values, len(r.Values))
	for _, v := range r.Values {
		if v.Now.OK || v.Prev.OK {
			vals[v.Input] = score.Reading{Now: v.Now, Prev: v.Prev}
		}
	}
	return vals
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
