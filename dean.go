// Package dean scores every ward's police against the Ministry's 22 criteria for a
// "Công an phường điển hình, kiểu mẫu về an ninh, trật tự và văn minh đô thị" and
// writes the periodic reports.
//
// The architecture in a page:
//
//	criteria/    criteria.yaml -> typed model (areas, criteria, inputs, rules, thresholds)
//	units/       the lists of wards (danh mục đơn vị) by date, the 2025 merger, name matching
//	archive/     the SQLite archive of every period: submissions, runs, results
//	period/      reporting periods (2026-H1, 2026), their due dates and data windows
//	form/        the data-entry workbook: the template districts fill in, and its reader
//	xlsx/        a streaming, read-only xlsx reader: cell types, raw values, number formats
//	submission/  a ward's values for a period with their cells, and their check
//	             against the criteria (ids known, parts within wholes)
//	assess/      the one path from submissions to a period's result: check, score,
//	             one submission per ward, the units list's order
//	score/       pure evaluation: values + criteria -> results with explanations,
//	             and the result's formats (table, JSON, CSV)
//	report/      a plain document model built from scores, rendered as PDF and XLSX
//	cmd/dean/    the command line: thin cobra commands wiring the packages together
//
// Data flows one way: a reader (form) yields submissions, assess checks and scores
// them, report renders the results. Only form, report and xlsx touch spreadsheet
// or PDF formats; score and submission read no files and no clock.
package dean

import (
	_ "embed"

	"dean/criteria"
)

// DefaultCriteria is criteria.yaml, the criteria set used when no --criteria is given.
//
//go:embed criteria.yaml
var DefaultCriteria []byte

// DefaultSet parses DefaultCriteria. Each call returns a new set, so a caller may
// change its thresholds without affecting anyone else's.
func DefaultSet() (*criteria.Set, error) { return criteria.Parse(DefaultCriteria, "criteria.yaml") }
