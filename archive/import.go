package archive

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"dean/score"
)

// Import is one file's submissions, to be stored with their scoring.
type Import struct {
	File     string // as the user named it
	SHA256   string
	Size     int64
	Records  []Record
	Cards    []score.Card // Cards[i] scores Records[i]
	Criteria Criteria
	Replace  bool // supersede what another file stored for the same ward and period
	At       time.Time
}

// Outcome says what an import did.
type Outcome struct {
	// Unchanged: these bytes were imported before (Earlier says when and under
	// which name), so nothing was done.
	Unchanged bool
	Earlier   Earlier
	Stored    int
	Replaced  []Record   // earlier submissions now superseded
	Conflicts []Conflict // without Replace: why nothing was stored
	Run       int64
}

// Earlier is a file imported before.
type Earlier struct {
	Name string
	At   time.Time
}

// Conflict is a ward and period already stored from another file.
type Conflict struct {
	New, Stored Record
}

// beforeCommit lets a test stop an import at its last moment, to show that what
// was written before is not kept.
var beforeCommit func() error

// Import stores the file's records, and its run, in one transaction: all of it or
// none. Re-importing the same bytes changes nothing, unless another file has
// since replaced some of what they stored: going back to them is then a
// replacement. A record for a ward and period already stored from another file
// is a conflict: without Replace nothing is stored; with it, the earlier
// submission is kept, marked superseded.
func (a *Archive) Import(ctx context.Context, im Import) (Outcome, error) {
	var out Outcome
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	var name, at string
	known := true // these bytes were imported before
	switch err := tx.QueryRowContext(ctx, "SELECT name, imported_at FROM files WHERE sha256 = ?", im.SHA256).Scan(&name, &at); {
	case err == sql.ErrNoRows:
		known = false
	case err != nil:
		return out, err
	default:
		out.Earlier = Earlier{Name: name, At: parseStamp(at)}
	}
	// What to store: every record, but of known bytes only those another file
	// has since replaced (going back to an earlier file is a replacement too).
	var todo []int
	var current []int64
	for i, r := range im.Records {
		old, ok, err := currentRecord(ctx, tx, r.Period, r.Ward.List, r.Ward.Code)
		if err != nil {
			return out, err
		}
		if ok && known && old.Source.SHA256 == im.SHA256 {
			continue
		}
		todo, current = append(todo, i), append(current, 0)
		if ok {
			current[len(current)-1] = old.ID
			if im.Replace {
				out.Replaced = append(out.Replaced, old)
			} else {
				out.Conflicts = append(out.Conflicts, Conflict{New: r, Stored: old})
			}
		}
	}
	if len(todo) == 0 {
		out.Unchanged = known
		return out, nil
	}
	if len(out.Conflicts) > 0 {
		return out, nil
	}
	when := stamp(im.At)
	if !known {
		if _, err := tx.ExecContext(ctx, "INSERT INTO files(sha256, name, size, imported_at) VALUES (?, ?, ?, ?)", im.SHA256, im.File, im.Size, when); err != nil {
			return out, err
		}
	}
	w, err := newWriter(ctx, tx)
	if err != nil {
		return out, err
	}
	defer w.close()
	ids := make([]int64, len(todo))
	results := make([]Result, len(todo))
	for k, i := range todo {
		r := im.Records[i]
		if ids[k], err = w.record(ctx, r, im.SHA256, when, current[k]); err != nil {
			return out, fmt.Errorf("phường %s, kỳ %s: %w", r.Ward.Code, r.Period, err)
		}
		results[k] = ResultOf(ids[k], im.Cards[i])
	}
	if out.Run, err = saveRun(ctx, tx, Run{Kind: "import", Criteria: im.Criteria, At: im.At}, results); err != nil {
		return out, err
	}
	if beforeCommit != nil {
		if err := beforeCommit(); err != nil {
			return out, err
		}
	}
	if err := tx.Commit(); err != nil {
		return out, err
	}
	out.Stored = len(ids)
	return out, nil
}

// writer holds the statements one import repeats for every ward and value.
type writer struct {
	sub, val, input, supersede *sql.Stmt
	inputs                     map[string]int64
	tx                         *sql.Tx
}

func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx, inputs: map[string]int64{}}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	w.sub = prep(`INSERT INTO submissions(period, list, ward, ward_name, district, file, sheet, code_cell, table_row, imported_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.val = prep(`INSERT INTO vals(submission, input, now, prev, id_cell, now_cell, prev_cell, prev_prefilled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	w.input = prep(`INSERT INTO inputs(id) VALUES (?) ON CONFLICT(id) DO UPDATE SET id = excluded.id RETURNING no`)
	w.supersede = prep(`UPDATE submissions SET superseded_by = ? WHERE id = ?`)
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *writer) close() {
	for _, s := range []*sql.Stmt{w.sub, w.val, w.input, w.supersede} {
		if s != nil {
			s.Close()
		}
	}
}

// record stores one submission; old, when not 0, is the current one it replaces.
func (w *writer) record(ctx context.Context, r Record, file, when string, old int64) (int64, error) {
	if old != 0 {
		// The index allows one current submission a ward and period: the old one
		// steps aside (pointing at itself) until the new one has an id.
		if _, err := w.supersede.ExecContext(ctx, old, old); err != nil {
			return 0, err
		}
	}
	res, err := w.sub.ExecContext(ctx, r.Period, r.Ward.List, r.Ward.Code, r.Ward.Name, r.Ward.District, file, r.Source.Sheet, r.CodeAt.String(), r.Table, when)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if old != 0 {
		if _, err := w.supersede.ExecContext(ctx, id, old); err != nil {
			return 0, err
		}
	}
	for _, v := range r.Values {
		no, err := w.inputNo(ctx, v.Input)
		if err != nil {
			return 0, err
		}
		if _, err := w.val.ExecContext(ctx, id, no, num(v.Now), num(v.Prev), v.IDAt.String(), v.NowAt.String(), v.PrevAt.String(), v.PrevPrefilled); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func (w *writer) inputNo(ctx context.Context, id string) (int64, error) {
	if no, ok := w.inputs[id]; ok {
		return no, nil
	}
	var no int64
	if err := w.input.QueryRowContext(ctx, id).Scan(&no); err != nil {
		return 0, err
	}
	w.inputs[id] = no
	return no, nil
}

// num is a value as stored: NULL when missing.
func num(n score.Num) any {
	if !n.OK {
		return nil
	}
	return n.V
}

// saveRun stores a run and its results.
func saveRun(ctx context.Context, tx *sql.Tx, run Run, results []Result) (int64, error) {
	c := run.Criteria
	if _, err := tx.ExecContext(ctx, "INSERT INTO criteria(sha256, version, yaml) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", c.sha(), c.Version, c.YAML); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO runs(kind, criteria, params, criterion_ids, created_at) VALUES (?, ?, ?, ?, ?)",
		run.Kind, c.sha(), encodeParams(c.Params), strings.Join(c.IDs, ","), stamp(run.At))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	st, err := tx.PrepareContext(ctx, "INSERT INTO results(run, submission, passed, total, verdicts) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		return 0, err
	}
	defer st.Close()
	for _, r := range results {
		if _, err := st.ExecContext(ctx, id, r.Submission, r.Passed, r.Total, encodeVerdicts(c.IDs, r.Verdicts)); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// SaveRun stores a scoring of stored submissions (a rescore), in one transaction.
func (a *Archive) SaveRun(ctx context.Context, run Run, results []Result) (int64, error) {
	tx, err := a.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	id, err := saveRun(ctx, tx, run, results)
	if err != nil {
		return 0, err
	}
	return id, tx.Commit()
}
