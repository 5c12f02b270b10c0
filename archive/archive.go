// Package archive is dean's memory of every period: one SQLite file that keeps,
// per period and ward, every value submitted with its file, sheet, cell and the
// file's SHA-256, and every scoring run with the criteria it used, the thresholds
// in force and each result. History is append-only: a replaced submission is kept,
// marked superseded. Each file is imported in one transaction, so an interrupted
// import leaves the archive as it was.
//
// The archive stores and returns plain submissions; it neither reads forms nor
// scores (the callers bring the cards), so the values it returns reach score the
// same way as values read from a form.
package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // pure Go, so the Windows build keeps working
)

// Archive is an open archive file.
type Archive struct {
	db   *sql.DB
	path string
}

// Open opens the archive at path, creating it on first use and bringing an older
// schema up to date. An archive written by a newer dean is refused rather than
// misread.
func Open(path string) (*Archive, error) {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(FULL)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	// One connection: the archive is a single-writer file, and a second
	// connection would only wait for the first.
	db.SetMaxOpenConns(1)
	a := &Archive{db: db, path: path}
	if err := a.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// Close closes the file.
func (a *Archive) Close() error { return a.db.Close() }

// Path is the archive's file.
func (a *Archive) Path() string { return a.path }

// Integrity runs SQLite's own checks of the file and of every reference between
// its tables; nil means the archive is sound.
func (a *Archive) Integrity() error {
	var msgs []string
	rows, err := a.db.Query("PRAGMA integrity_check")
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return err
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	rows.Close()
	fk, err := a.db.Query("PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	for fk.Next() {
		msgs = append(msgs, "tham chiếu hỏng giữa các bảng")
		break
	}
	fk.Close()
	if len(msgs) > 0 {
		return fmt.Errorf("kho lưu trữ %s bị hỏng: %v", a.path, msgs)
	}
	return nil
}

// ErrNotArchive is returned for a file that is not an SQLite database at all.
var ErrNotArchive = errors.New("tệp này không phải kho lưu trữ của dean (không phải cơ sở dữ liệu SQLite)")

// ErrNewer is returned for an archive made by a newer dean.
var ErrNewer = errors.New("kho lưu trữ được tạo bởi phiên bản dean mới hơn")
