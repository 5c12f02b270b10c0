package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The workbooks in testdata/libreoffice are dean forms filled in with every
// kind of cell and saved again by LibreOffice, whose xlsx differs from
// excelize's and Excel's (inline strings, its own styles and number format
// ids, cached formula results). TestAgreesWithExcelizeOnCommittedWorkbooks
// reads them. They are made by
//
//	DEAN_LIBREOFFICE=1 go test -run TestMakeLibreOfficeFixtures ./xlsx
//
// with soffice on the PATH; the .ods and .xls are for Detect.

func TestMakeLibreOfficeFixtures(t *testing.T) {
	if os.Getenv("DEAN_LIBREOFFICE") == "" {
		t.Skip("set DEAN_LIBREOFFICE=1 to remake testdata/libreoffice with soffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	in := filepath.Join(tmp, "filled.xlsx")
	fillForm(t, "../testdata/can-tho-2022/o-mon.xlsx", in)
	convert := func(to string) {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+tmp+"/profile", "--convert-to", to, "--outdir", filepath.Join(tmp, "out"), in)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
	}
	// A profile that recalculates formulas on load, so that LibreOffice writes
	// their results (excelize writes none). The setting is written once
	// LibreOffice has made the profile, which it would otherwise overwrite.
	convert("csv")
	if err := os.WriteFile(filepath.Join(tmp, "profile", "user", "registrymodifications.xcu"), []byte(recalcAlways), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, to := range []string{"xlsx", "ods", "xls"} {
		convert(to)
		data, err := os.ReadFile(filepath.Join(tmp, "out", "filled."+to))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "libreoffice", "o-mon-filled."+to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const recalcAlways = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// fillForm fills the first ward sheet of a form as people do, and worse.
func fillForm(t *testing.T, from, to string) {
	t.Helper()
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	s := f.GetSheetList()[1]
	style := func(code string) int {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		must(err)
		return id
	}
	must(f.SetCellValue(s, "E19", 12))
	must(f.SetCellValue(s, "F19", 10.5))
	must(f.SetCellDefault(s, "E20", "31117.0"))
	must(f.SetCellStr(s, "E22", "khoảng 5"))
	must(f.SetCellBool(s, "E23", true))
	must(f.SetCellBool(s, "F23", false))
	must(f.SetCellValue(s, "E24", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle(s, "E24", "E24", style("dd/mm/yyyy")))
	must(f.SetCellValue(s, "E25", 0.5))
	must(f.SetCellStyle(s, "E25", "E25", style("hh:mm")))
	must(f.SetCellValue(s, "E32", 45000.75))
	must(f.SetCellStyle(s, "E32", "E32", style("dd/mm/yyyy hh:mm")))
	must(f.SetCellValue(s, "E38", 1.25))
	must(f.SetCellStyle(s, "E38", "E38", style("[h]:mm")))
	must(f.SetCellFormula(s, "E39", "E19+F19"))
	must(f.SetCellFormula(s, "E40", "1/0"))
	must(f.SetCellFormula(s, "E41", `"a"&"b"`))
	must(f.SetCellFormula(s, "E42", "E19>1"))
	must(f.SetCellFormula(s, "E43", "NA()"))
	must(f.SetCellRichText(s, "G19", []excelize.RichTextRun{{Text: "Ghi "}, {Text: "chú", Font: &excelize.Font{Bold: true}}}))
	must(f.SetCellStr(s, "G20", "  có khoảng trắng  "))
	must(f.SetCellStr(s, "G22", "hai\ndòng"))
	must(f.SetCellValue(s, "E46", "1.234"))
	must(f.SetCellStyle(s, "E46", "E46", style("@")))
	must(f.SetCellValue(s, "E52", -1.5e-7))
	must(f.MergeCell(s, "G23", "G25"))
	must(f.SetSheetVisible(f.GetSheetList()[2], false))
	must(f.SaveAs(to))
}

func TestReadsLibreOfficeWorkbook(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice/o-mon-filled.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	got, b := cellsOf(t, data)
	s := b.Sheets()[1].Name + "!"
	for ref, want := range map[string]string{
		"E19": "number:12 number", "F19": "number:10.5",
		"E20": "number:31117 number", // LibreOffice writes "31117.0" anew
		"E22": "text:khoảng 5 number",
		// LibreOffice keeps a boolean as the formula TRUE() or FALSE(); once
		// recalculated, TRUE() is even stored as the number 1.
		"E23": "number:1 f number", "F23": "bool:0 f",
		"E24": "number:46096 date", "E25": "number:0.5 time", "E32": "number:45000.75 date-time", "E38": "number:1.25 duration",
		"E39": "number:22.5 f number", "E40": "error:#DIV/0! f number", "E41": "text:ab f number",
		"E42": "number:1 f number", // LibreOffice stores a formula's TRUE as 1
		"E43": "error:#N/A f number", "G19": "text:Ghi chú", "G20": "text:  có khoảng trắng  ", "G22": "text:hai\ndòng",
		"E46": "text:1.234 text", "E52": "number:-1.5E-007 number", // as LibreOffice writes it
	} {
		if got[s+ref] != want {
			t.Errorf("%s = %q, want %q", ref, got[s+ref], want)
		}
	}
	if st := b.Sheets()[2].State; st != Hidden {
		t.Errorf("third sheet %v, want hidden", st)
	}
	for ext, want := range map[string]Format{"ods": FormatODS, "xls": FormatXLS} {
		path := "testdata/libreoffice/o-mon-filled." + ext
		_, err := Open(path, Options{})
		if fe, ok := err.(*FormatError); !ok || fe.Format != want {
			t.Errorf("Open(%s): %v, want a FormatError for %v", path, err, want)
		}
	}
}
