// Package bench measures `dean score` on a nationwide data set against the floor:
// the bare excelize read of the same workbooks. See run.sh.
package bench

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Floor streams every row of every sheet of the files and returns how many cells
// it saw. It reads the way form.Read does — cells raw (no number formatting), files
// in parallel on GOMAXPROCS workers — so that the comparison measures dean's own
// work and nothing else.
func Floor(files []string) (int, error) {
	return parallel(files, readAll)
}

// parallel runs read on every file, GOMAXPROCS at a time, and adds up the cells.
func parallel(files []string, read func(string) (int, error)) (int, error) {
	counts := make([]int, len(files))
	errs := make([]error, len(files))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, path := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			counts[i], errs[i] = read(path)
		})
	}
	wg.Wait()
	cells := 0
	for i, n := range counts {
		if errs[i] != nil {
			return 0, fmt.Errorf("%s: %w", files[i], errs[i])
		}
		cells += n
	}
	return cells, nil
}

func readAll(path string) (cells int, err error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return cells, err
		}
		for rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				rows.Close()
				return cells, err
			}
			cells += len(cols)
		}
		if err := rows.Close(); err != nil {
			return cells, err
		}
	}
	return cells, nil
}
