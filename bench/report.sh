#!/usr/bin/env bash
# Times the nationwide report (3.321 wards) next to its floors and prints a
# markdown table of medians over N runs: wall time, CPU time (user + sys) and
# peak RSS. writereport writes the report from generated scores, without reading
# a form: the PDF (report.WritePDF, one appendix page per ward) next to a bare
# fpdf document of as many pages with the same faces, and the workbook
# (report.WriteXLSX) next to excelize streaming the same cells unstyled. Then the
# whole command, `dean report` on the national set, reading the forms included,
# next to `dean score` on the same forms. On a shared machine trust the CPU
# columns more than the wall ones.
#
#   bench/report.sh            N=5 runs each; data in bench/data (gitignored)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-5}
data=bench/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/dean" ./cmd/dean
go build -o "$tmp/writereport" ./bench/writereport
go build -o "$tmp/deangen" ./cmd/deangen
if [[ ! -f $data/units.csv ]]; then
	echo "generating the national set into $data ..." >&2
	"$tmp/deangen" -national -o "$data"
fi
mapfile -t forms < <(ls "$data"/*.xlsx | LC_ALL=C sort)

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# run NAME COMMAND...: one timed run, appended to $tmp/NAME.times as "wall user sys rss_kb".
run() {
	local name=$1
	shift
	rm -f "$tmp/r.pdf" "$tmp/r.xlsx"
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null
	cat "$tmp/t" >>"$tmp/$name.times"
}

names=(pdf-floor pdf xlsx-floor xlsx score report)
labels=("PDF floor (bare fpdf, 3.322 pages)" "report.Build + WritePDF" "workbook floor (bare excelize)"
	"report.BuildWorkbook + WriteXLSX" "dean score (read + score + JSON)" "dean report --pdf --xlsx (read + score + both)")
# Round robin, so that a slow spell on a shared machine hits all alike.
for ((i = 0; i < N; i++)); do
	run pdf-floor "$tmp/writereport" -pdf -floor
	run pdf "$tmp/writereport" -pdf
	run xlsx-floor "$tmp/writereport" -xlsx -floor
	run xlsx "$tmp/writereport" -xlsx
	run score "$tmp/dean" score --units "$data/units.csv" --format json -o "$tmp/s.json" "${forms[@]}"
	run report "$tmp/dean" report --units "$data/units.csv" --period 2026-H1 --pdf "$tmp/r.pdf" --xlsx "$tmp/r.xlsx" "${forms[@]}"
done

echo "| what | wall | CPU | peak RSS |"
echo "|---|---:|---:|---:|"
for k in "${!names[@]}"; do
	f=$tmp/${names[k]}.times
	awk -v l="${labels[k]}" -v w="$(awk '{print $1}' "$f" | median)" -v c="$(awk '{print $2 + $3}' "$f" | median)" \
		-v r="$(awk '{print $4 / 1024}' "$f" | median)" 'BEGIN { printf "| %s | %.2f s | %.2f s | %.0f MB |\n", l, w, c, r }'
done
echo
echo "writereport rows include making the 3.321 wards' scores (about 0,4 s, 60 MB)."
echo "N=$N runs each, medians; $(nproc) CPUs; $(go version | cut -d' ' -f3)."
