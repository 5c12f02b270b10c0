package archive

import (
	"context"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// migrations bring the schema from version i to i+1, in order; the version is
// SQLite's user_version. A released migration is never edited: a change is a new
// one appended here.
var migrations = []string{
	// 1: files, submissions and their values, criteria files, runs and results.
	`CREATE TABLE files (
		sha256      TEXT PRIMARY KEY,
		name        TEXT NOT NULL,    -- as first imported
		size        INTEGER NOT NULL,
		imported_at TEXT NOT NULL     -- RFC 3339, UTC
	);
	CREATE TABLE submissions (
		id            INTEGER PRIMARY KEY,
		period        TEXT NOT NULL,  -- "2024", "2025-H1"
		list          TEXT NOT NULL,  -- the units list the ward belongs to
		ward          TEXT NOT NULL,  -- the ward's code in that list
		ward_name     TEXT NOT NULL,
		district      TEXT NOT NULL,
		file          TEXT NOT NULL REFERENCES files(sha256),
		sheet         TEXT NOT NULL,
		code_cell     TEXT NOT NULL,
		table_row     INTEGER NOT NULL,
		imported_at   TEXT NOT NULL,
		superseded_by INTEGER REFERENCES submissions(id)
	);
	CREATE UNIQUE INDEX submissions_current ON submissions(period, list, ward) WHERE superseded_by IS NULL;
	CREATE INDEX submissions_file ON submissions(file);
	CREATE TABLE inputs (
		no INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE
	);
	CREATE TABLE vals (
		submission     INTEGER NOT NULL REFERENCES submissions(id),
		input          INTEGER NOT NULL REFERENCES inputs(no),
		now            INTEGER,       -- NULL: missing
		prev           INTEGER,       -- NULL: missing, or not asked
		id_cell        TEXT NOT NULL,
		now_cell       TEXT NOT NULL,
		prev_cell      TEXT NOT NULL,
		prev_prefilled INTEGER NOT NULL,
		PRIMARY KEY (submission, input)
	) WITHOUT ROWID;
	CREATE TABLE criteria (
		sha256  TEXT PRIMARY KEY,
		version TEXT NOT NULL,
		yaml    BLOB NOT NULL
	);
	CREATE TABLE runs (
		id          INTEGER PRIMARY KEY,
		kind        TEXT NOT NULL,    -- import, rescore
		criteria    TEXT NOT NULL REFERENCES criteria(sha256),
		params      TEXT NOT NULL,    -- JSON: the thresholds in force, as written
		criterion_ids TEXT NOT NULL,  -- "TC01,TC02,…": the order of results.verdicts
		created_at  TEXT NOT NULL
	);
	CREATE TABLE results (
		run        INTEGER NOT NULL REFERENCES runs(id),
		submission INTEGER NOT NULL REFERENCES submissions(id),
		passed     INTEGER NOT NULL,
		total      INTEGER NOT NULL,
		verdicts   TEXT NOT NULL,     -- one letter a criterion: P pass, F fail, N na, M missing
		PRIMARY KEY (run, submission)
	) WITHOUT ROWID;
	CREATE INDEX results_submission ON results(submission, run);`,
}

// SchemaVersion is the version this dean writes.
var SchemaVersion = len(migrations)

func (a *Archive) migrate(ctx context.Context) error {
	var v int
	if err := a.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		if se := (*sqlite.Error)(nil); errors.As(err, &se) && se.Code() == sqlite3.SQLITE_NOTADB {
			return ErrNotArchive
		}
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("%w (lược đồ phiên bản %d, bản dean này đọc đến phiên bản %d): hãy cập nhật dean", ErrNewer, v, SchemaVersion)
	}
	for ; v < SchemaVersion; v++ {
		tx, err := a.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("nâng cấp kho lưu trữ lên phiên bản %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
