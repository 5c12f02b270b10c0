#!/usr/bin/env bash
# Times, on the synthetic national set (3.321 wards, 34 workbooks), on half and
# all of the workbooks, side by side in one run:
#   scan floor   bench/scanfloor: inflate every sheet and byte-scan each cell's
#                reference and value, nothing more — the floor of any reader
#   excelize     bench/floor: excelize's streaming read of every row
#   xlsx         bench/xlsxread: package xlsx reading every cell (type, value,
#                number format) and every sheet's merges
#   dean score   the whole command, JSON out
# and prints a markdown table: median wall time, median CPU time (user + sys),
# CPU against the scan floor, median peak RSS, over N runs of each. On a shared
# machine trust the CPU columns more than the wall ones.
#
#   bench/run.sh            N=5 runs each; data in bench/data (gitignored)
#   N=9 REGEN=1 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-5}
data=bench/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/dean" ./cmd/dean
go build -o "$tmp/floor" ./bench/floor
go build -o "$tmp/scanfloor" ./bench/scanfloor
go build -o "$tmp/xlsxread" ./bench/xlsxread
go build -o "$tmp/deangen" ./cmd/deangen
if [[ ! -f $data/units.csv || -n ${REGEN:-} ]]; then
	echo "generating the national set into $data ..." >&2
	rm -rf "$data"
	"$tmp/deangen" -national -o "$data"
fi
mapfile -t all < <(ls "$data"/*.xlsx | LC_ALL=C sort)

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

programs=(scanfloor floor xlsxread dean)
declare -A label=([scanfloor]="scan floor" [floor]="excelize" [xlsxread]="xlsx" [dean]="dean score")

# run NAME FILES...: one timed run, appended to $tmp/NAME.times as "wall user sys rss_kb".
run() {
	local name=$1
	shift
	case $name in
	dean) /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" score --units "$data/units.csv" \
		--format json -o "$tmp/out.json" "$@" >/dev/null ;;
	*) /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/$name" "$@" >/dev/null ;;
	esac
	cat "$tmp/t" >>"$tmp/$name.times"
}

# stats NAME: the medians "wall cpu rss_mb".
stats() {
	local f=$tmp/$1.times
	echo "$(awk '{print $1}' "$f" | median) $(awk '{print $2 + $3}' "$f" | median) $(awk '{print $4 / 1024}' "$f" | median)"
}

echo "| files | wards | reader | wall | CPU | CPU / scan floor | peak RSS |"
echo "|---:|---:|---|---:|---:|---:|---:|"
for k in $((${#all[@]} / 2)) ${#all[@]}; do
	files=("${all[@]:0:k}")
	rm -f "$tmp"/*.times
	# Take turns so that a slow spell on a shared machine hits all alike.
	for ((i = 0; i < N; i++)); do
		for p in "${programs[@]}"; do
			run "$p" "${files[@]}"
		done
	done
	wards=$(grep -o '"wards": [0-9]*' "$tmp/out.json" | grep -o '[0-9]*$' || echo "?")
	read -r _ base _ < <(stats scanfloor)
	for p in "${programs[@]}"; do
		read -r w c r < <(stats "$p")
		awk -v k="$k" -v n="$wards" -v p="${label[$p]}" -v w="$w" -v c="$c" -v b="$base" -v r="$r" 'BEGIN {
			printf "| %d | %s | %s | %.2f s | %.2f s | %.2fx | %.0f MB |\n", k, n, p, w, c, c / b, r }'
	done
done

# The other commands of the national set's day, side by side in turn: check the
# 34 workbooks, write the nationwide template (one workbook of 3.321 sheets),
# write both reports.
cmds=(check template report)
declare -A what=([check]="dean check" [template]="dean template (one workbook)" [report]="dean report (PDF + workbook)")
for ((i = 0; i < N; i++)); do
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" check --quiet --units "$data/units.csv" "${all[@]}" >/dev/null || true
	cat "$tmp/t" >>"$tmp/check.times"
	rm -f "$tmp/t.xlsx"
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" template --quiet --units "$data/units.csv" --period 2026-H1 -o "$tmp/t.xlsx" >/dev/null
	cat "$tmp/t" >>"$tmp/template.times"
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" report --quiet --units "$data/units.csv" --period 2026-H1 \
		--pdf "$tmp/r.pdf" --xlsx "$tmp/r.xlsx" "${all[@]}" >/dev/null
	cat "$tmp/t" >>"$tmp/report.times"
done
echo
echo "| command, 3.321 wards | wall | CPU | peak RSS |"
echo "|---|---:|---:|---:|"
for c in "${cmds[@]}"; do
	read -r w cpu r < <(stats "$c")
	awk -v p="${what[$c]}" -v w="$w" -v c="$cpu" -v r="$r" 'BEGIN { printf "| %s | %.2f s | %.2f s | %.0f MB |\n", p, w, c, r }'
done
echo
echo "N=$N runs each, medians; $(nproc) CPUs; $(go version | cut -d' ' -f3)."
