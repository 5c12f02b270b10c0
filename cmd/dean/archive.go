package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"dean/archive"
	"dean/criteria"
	"dean/period"
	"dean/submission"
	"dean/units"
)

// archiveOption is --archive: the archive file, else $DEAN_ARCHIVE, else dean.db in
// the working folder.
type archiveOption struct{ path string }

func (o *archiveOption) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.path, "archive", "", "`TỆP` kho lưu trữ (mặc định: biến môi trường DEAN_ARCHIVE, hoặc dean.db trong thư mục đang làm việc)")
}

func (o *archiveOption) file() string {
	switch {
	case o.path != "":
		return o.path
	case os.Getenv("DEAN_ARCHIVE") != "":
		return os.Getenv("DEAN_ARCHIVE")
	}
	return "dean.db"
}

// create opens the archive, making it on first use.
func (o *archiveOption) create() (*archive.Archive, error) {
	a, err := archive.Open(o.file())
	if err != nil {
		return nil, archiveError(o.file(), err)
	}
	return a, nil
}

// open opens an archive that must exist: a command that only reads it never
// leaves an empty one behind.
func (o *archiveOption) open() (*archive.Archive, error) {
	if _, err := os.Stat(o.file()); errors.Is(err, fs.ErrNotExist) {
		return nil, hinted{fmt.Errorf("chưa có kho lưu trữ %s", o.file()),
			"nhập số liệu vào kho bằng dean import TỆP..., hoặc chỉ kho khác bằng --archive"}
	}
	return o.create()
}

// openIfAny opens the archive when there is one; nil otherwise.
func (o *archiveOption) openIfAny() (*archive.Archive, error) {
	if _, err := os.Stat(o.file()); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return o.create()
}

func archiveError(path string, err error) error {
	switch {
	case errors.Is(err, archive.ErrNewer):
		return hinted{err, "hãy dùng bản dean mới nhất"}
	case errors.Is(err, archive.ErrNotArchive):
		return hinted{fmt.Errorf("không mở được kho lưu trữ %s: %v", path, err), "chỉ đúng tệp kho (thường là dean.db) bằng --archive"}
	}
	return hinted{fmt.Errorf("không mở được kho lưu trữ %s: %v", path, err),
		"tệp này có phải kho lưu trữ của dean không? Chỉ kho khác bằng --archive"}
}

// priorFrom gives assess what the archive holds of each ward's year before.
func priorFrom(ly *archive.LastYear) func(units.Ward, string) (submission.Prior, bool) {
	if ly == nil {
		return nil
	}
	return func(w units.Ward, code string) (submission.Prior, bool) {
		p, err := period.Parse(code)
		if err != nil {
			return submission.Prior{}, false
		}
		prior, ok, err := ly.Prior(context.Background(), w, p)
		return prior, ok && err == nil
	}
}

// runCriteria is the criteria a run scored with, as the archive keeps them.
func runCriteria(o criteriaOptions, set *criteria.Set) archive.Criteria {
	c := archive.Criteria{YAML: o.data, Version: set.Version, Params: map[string]string{}}
	for _, p := range set.Params {
		c.Params[p.Name] = p.Text()
	}
	for _, cr := range set.Criteria() {
		c.IDs = append(c.IDs, cr.ID)
	}
	return c
}
