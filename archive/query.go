package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dean/score"
	"dean/submission"
	"dean/units"
)

// querier is a transaction or the database itself.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

const recordColumns = `s.id, s.period, s.list, s.ward, s.ward_name, s.district, s.file, f.name, s.sheet, s.code_cell, s.table_row, s.imported_at, s.superseded_by IS NOT NULL`

func scanRecord(rows interface{ Scan(...any) error }) (Record, error) {
	var r Record
	var codeCell, at string
	err := rows.Scan(&r.ID, &r.Period, &r.Ward.List, &r.Ward.Code, &r.Ward.Name, &r.Ward.District,
		&r.Source.SHA256, &r.Source.File, &r.Source.Sheet, &codeCell, &r.Table, &at, &r.Superseded)
	r.CodeAt, r.ImportedAt = submission.ParseRef(codeCell), parseStamp(at)
	return r, err
}

// currentRecord is the submission stored for a ward and period, without values.
func currentRecord(ctx context.Context, q querier, period, list, code string) (Record, bool, error) {
	row := q.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM submissions s JOIN files f ON f.sha256 = s.file
		WHERE s.period = ? AND s.list = ? AND s.ward = ? AND s.superseded_by IS NULL`, period, list, code)
	r, err := scanRecord(row)
	switch {
	case err == sql.ErrNoRows:
		return Record{}, false, nil
	case err != nil:
		return Record{}, false, err
	}
	return r, true, nil
}

// Current returns the current submissions of a period (of every list), with their
// values, ordered by list and ward.
func (a *Archive) Current(ctx context.Context, period string) ([]Record, error) {
	return a.records(ctx, "s.period = ? AND s.superseded_by IS NULL", period)
}

// CurrentAsOf is Current as the archive stood when submission asOf was the last
// stored: later submissions are left out, and those they superseded count.
func (a *Archive) CurrentAsOf(ctx context.Context, period string, asOf int64) ([]Record, error) {
	return a.records(ctx, "s.period = ? AND s.id <= ? AND (s.superseded_by IS NULL OR s.superseded_by > ?)", period, asOf, asOf)
}

// Last is the id of the last submission stored; 0 for an empty archive.
func (a *Archive) Last(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := a.db.QueryRowContext(ctx, "SELECT MAX(id) FROM submissions").Scan(&id)
	return id.Int64, err
}

// History returns every submission of a period, superseded ones included, in the
// order they were stored.
func (a *Archive) History(ctx context.Context, period string) ([]Record, error) {
	return a.records(ctx, "s.period = ?", period)
}

func (a *Archive) records(ctx context.Context, where string, args ...any) ([]Record, error) {
	rows, err := a.db.QueryContext(ctx, `SELECT `+recordColumns+` FROM submissions s JOIN files f ON f.sha256 = s.file WHERE `+where+` ORDER BY s.list, s.ward, s.id`, args...)
	if err != nil {
		return nil, err
	}
	var recs []Record
	byID := map[int64]int{}
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[r.ID] = len(recs)
		recs = append(recs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, nil
	}
	vals, err := a.db.QueryContext(ctx, `SELECT v.submission, i.id, v.now, v.prev, v.id_cell, v.now_cell, v.prev_cell, v.prev_prefilled
		FROM vals v JOIN inputs i ON i.no = v.input JOIN submissions s ON s.id = v.submission
		WHERE `+where+` ORDER BY v.submission, v.input`, args...)
	if err != nil {
		return nil, err
	}
	defer vals.Close()
	for vals.Next() {
		var sub int64
		var v Value
		var now, prev sql.NullInt64
		var idCell, nowCell, prevCell string
		if err := vals.Scan(&sub, &v.Input, &now, &prev, &idCell, &nowCell, &prevCell, &v.PrevPrefilled); err != nil {
			return nil, err
		}
		v.Now, v.Prev = score.Num{V: now.Int64, OK: now.Valid}, score.Num{V: prev.Int64, OK: prev.Valid}
		v.IDAt, v.NowAt, v.PrevAt = submission.ParseRef(idCell), submission.ParseRef(nowCell), submission.ParseRef(prevCell)
		if i, ok := byID[sub]; ok {
			recs[i].Values = append(recs[i].Values, v)
		}
	}
	return recs, vals.Err()
}

// Periods lists the periods with a current submission, oldest first ("2024" sorts
// after "2024-H1").
func (a *Archive) Periods(ctx context.Context) ([]string, error) {
	rows, err := a.db.QueryContext(ctx, "SELECT DISTINCT period FROM submissions WHERE superseded_by IS NULL ORDER BY period")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	sortPeriods(ps)
	return ps, rows.Err()
}

// sortPeriods puts a year's six-month period before the year itself.
func sortPeriods(ps []string) {
	key := func(p string) string {
		if strings.HasSuffix(p, "-H1") {
			return strings.TrimSuffix(p, "-H1") + "a"
		}
		return p + "b"
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && key(ps[j]) < key(ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// Stored is the last stored scoring of a submission.
type Stored struct {
	Run    Run
	Result Result
}

// Latest returns, for each submission, its most recent stored result and the run
// it belongs to (with the criteria file it used).
func (a *Archive) Latest(ctx context.Context, subs []int64) (map[int64]Stored, error) {
	out := map[int64]Stored{}
	runs := map[int64]Run{}
	st, err := a.db.PrepareContext(ctx, `SELECT r.run, r.passed, r.total, r.verdicts FROM results r WHERE r.submission = ? ORDER BY r.run DESC LIMIT 1`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	for _, sub := range subs {
		var runID int64
		var res Result
		var verdicts string
		switch err := st.QueryRowContext(ctx, sub).Scan(&runID, &res.Passed, &res.Total, &verdicts); {
		case err == sql.ErrNoRows:
			continue
		case err != nil:
			return nil, err
		}
		run, ok := runs[runID]
		if !ok {
			if run, err = a.run(ctx, runID); err != nil {
				return nil, err
			}
			runs[runID] = run
		}
		res.Submission = sub
		res.Verdicts = decodeVerdicts(run.Criteria.IDs, verdicts)
		out[sub] = Stored{Run: run, Result: res}
	}
	return out, nil
}

func (a *Archive) run(ctx context.Context, id int64) (Run, error) {
	r := Run{ID: id}
	var params, ids, at string
	err := a.db.QueryRowContext(ctx, `SELECT r.kind, r.params, r.criterion_ids, r.created_at, c.version, c.yaml
		FROM runs r JOIN criteria c ON c.sha256 = r.criteria WHERE r.id = ?`, id).
		Scan(&r.Kind, &params, &ids, &at, &r.Criteria.Version, &r.Criteria.YAML)
	if err != nil {
		return r, fmt.Errorf("lượt chấm %d: %w", id, err)
	}
	r.Criteria.Params, r.Criteria.IDs, r.At = decodeParams(params), splitIDs(ids), parseStamp(at)
	return r, nil
}

// Score is a stored ward's result for a period.
type Score struct {
	Ward          units.Ward
	Passed, Total int
}

// Scores returns, for each current submission of a period, its latest result
// scored with the criteria file and thresholds c, ordered by list and ward: what
// a trend or a yearly count needs, without the values. A result of other
// thresholds (a stored rescore) never stands in for these. complete is false
// when some current submission has no such result: the caller scores the
// stored values itself.
func (a *Archive) Scores(ctx context.Context, period string, c Criteria) (scores []Score, complete bool, err error) {
	rows, err := a.db.QueryContext(ctx, `SELECT s.list, s.ward, s.ward_name, s.district, r.passed, r.total
		FROM submissions s LEFT JOIN results r ON r.submission = s.id AND r.run = (
			SELECT MAX(x.run) FROM results x JOIN runs u ON u.id = x.run
			WHERE x.submission = s.id AND u.criteria = ? AND u.params = ?)
		WHERE s.period = ? AND s.superseded_by IS NULL
		ORDER BY s.list, s.ward`, c.sha(), encodeParams(c.Params), period)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	complete = true
	for rows.Next() {
		var s Score
		var passed, total sql.NullInt64
		if err := rows.Scan(&s.Ward.List, &s.Ward.Code, &s.Ward.Name, &s.Ward.District, &passed, &total); err != nil {
			return nil, false, err
		}
		if !passed.Valid {
			complete = false
			continue
		}
		s.Passed, s.Total = int(passed.Int64), int(total.Int64)
		scores = append(scores, s)
	}
	return scores, complete, rows.Err()
}
