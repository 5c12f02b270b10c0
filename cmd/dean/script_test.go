package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dean":     func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		"fill":     func() { os.Exit(fillMain(os.Args[1:])) },
		"xlsx2tsv": func() { os.Exit(xlsx2tsvMain(os.Args[1:])) },
		"truncate": func() { os.Exit(truncateMain(os.Args[1:])) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real command
// line on real files. DEAN_UPDATE=1 rewrites the expected output in the scripts.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("DEAN_UPDATE") != "",
		Setup: func(env *testscript.Env) error {
			for _, f := range []string{"testdata/ward-pass.txt", "../../testdata/units-can-tho-2022.csv", "../../criteria.yaml"} {
				b, err := os.ReadFile(f)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(env.WorkDir, filepath.Base(f)), b, 0o644); err != nil {
					return err
				}
			}
			bundled, _ := filepath.Abs("../../testdata/can-tho-2022")
			env.Setenv("BUNDLED", bundled)
			// Six periods after 2022, across the map change of 1/7/2025.
			history, _ := filepath.Abs("../../testdata/history")
			env.Setenv("HISTORY", history)
			// Forms filled in and saved again by LibreOffice, kept by package xlsx.
			saved, _ := filepath.Abs("../../xlsx/testdata/libreoffice")
			env.Setenv("LIBREOFFICE", saved)
			return nil
		},
	})
}

// fillMain is a stand-in for any other program that fills a form knowing only the
// contract: input ids in the "Mã chỉ số" column, values under "Kỳ này" and "Cùng
// kỳ năm trước", labels such as "Mã phường" in column A with the value beside.
//
//	fill FILE SHEET [@values.txt] [id=value] [id@prev=value] [id@id=newid] ["Mã phường=..."]
//
// A value "=FORMULA" is written as a formula; "-" clears the cell; id@id rewrites
// the id itself (to make unknown or duplicated ids).
func fillMain(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: fill FILE SHEET [@values.txt] [key=value]...")
		return 2
	}
	file, sheet := args[0], args[1]
	var pairs []string
	for _, a := range args[2:] {
		if name, ok := strings.CutPrefix(a, "@"); ok {
			lines, err := readPairs(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 1
			}
			pairs = append(pairs, lines...)
			continue
		}
		pairs = append(pairs, a)
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	idCol, nowCol, prevCol := -1, -1, -1
	for _, row := range rows {
		for c, v := range row {
			switch v {
			case "Mã chỉ số":
				idCol = c
			case "Kỳ này":
				nowCol = c
			case "Cùng kỳ năm trước":
				prevCol = c
			}
		}
		if idCol >= 0 {
			break
		}
	}
	for _, kv := range pairs {
		key, val, _ := strings.Cut(kv, "=")
		id, prev := strings.CutSuffix(key, "@prev")
		id, idCell := strings.CutSuffix(id, "@id")
		ref := ""
		for r, row := range rows {
			switch {
			case len(row) > 0 && row[0] == key && idCol != 0:
				ref, _ = excelize.CoordinatesToCellName(2, r+1)
			case idCol >= 0 && len(row) > idCol && row[idCol] == id:
				col := nowCol
				switch {
				case prev:
					col = prevCol
				case idCell:
					col = idCol
				}
				ref, _ = excelize.CoordinatesToCellName(col+1, r+1)
			}
			if ref != "" {
				break
			}
		}
		if ref == "" {
			fmt.Fprintf(os.Stderr, "fill: %s not found in %s\n", key, sheet)
			return 1
		}
		switch {
		case val == "-":
			err = f.SetCellValue(sheet, ref, nil)
		case strings.HasPrefix(val, "=") && len(val) > 1:
			err = f.SetCellFormula(sheet, ref, val[1:])
		default:
			err = f.SetCellValue(sheet, ref, typed(val))
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	if err := f.Save(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// typed writes plain whole numbers as numbers, as Excel does when a user types
// them, and anything else ("1.234", "khoảng 5", "Có") as text.
func typed(v string) any {
	var n int64
	if _, err := fmt.Sscanf(v, "%d", &n); err == nil && fmt.Sprint(n) == v {
		return n
	}
	return v
}

func readPairs(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// xlsx2tsv prints a sheet as tab-separated text so scripts can compare it.
//
//	xlsx2tsv FILE SHEET
func xlsx2tsvMain(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsx2tsv FILE SHEET")
		return 2
	}
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	rows, err := f.GetRows(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, row := range rows {
		fmt.Println(strings.TrimRight(strings.Join(row, "\t"), "\t"))
	}
	return 0
}

// truncateMain cuts a file to N bytes, to make a damaged workbook.
//
//	truncate FILE N
func truncateMain(args []string) int {
	var n int64
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: truncate FILE N")
		return 2
	}
	fmt.Sscan(args[1], &n)
	if err := os.Truncate(args[0], n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
