#!/usr/bin/env bash
# Times `dean score` on the synthetic national set (3.321 wards, 34 workbooks)
# against the floor — a bare excelize read of the same files (bench/floor) — on
# half and all of the workbooks, and prints a markdown table: median wall time,
# median CPU time (user + sys) and median peak RSS over N runs. On a shared machine
# trust the CPU columns more than the wall ones.
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
go build -o "$tmp/deangen" ./cmd/deangen
if [[ ! -f $data/units.csv || -n ${REGEN:-} ]]; then
	echo "generating the national set into $data ..." >&2
	rm -rf "$data"
	"$tmp/deangen" -national -o "$data"
fi
mapfile -t all < <(ls "$data"/*.xlsx | LC_ALL=C sort)

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# run NAME FILES...: one timed run, appended to $tmp/NAME.times as "wall user sys rss_kb".
run() {
	local name=$1
	shift
	case $name in
	floor) /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/floor" "$@" >/dev/null ;;
	dean) /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" score --units "$data/units.csv" \
		--format json -o "$tmp/out.json" "$@" ;;
	esac
	cat "$tmp/t" >>"$tmp/$name.times"
}

# stats NAME: the medians "wall cpu rss_mb".
stats() {
	local f=$tmp/$1.times
	echo "$(awk '{print $1}' "$f" | median) $(awk '{print $2 + $3}' "$f" | median) $(awk '{print $4 / 1024}' "$f" | median)"
}

echo "| files | wards | floor wall | dean wall | dean/floor wall | floor CPU | dean CPU | dean/floor CPU | floor peak RSS | dean peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in $((${#all[@]} / 2)) ${#all[@]}; do
	files=("${all[@]:0:k}")
	rm -f "$tmp"/*.times
	# Alternate the two so that a slow spell on a shared machine hits both alike.
	for ((i = 0; i < N; i++)); do
		run floor "${files[@]}"
		run dean "${files[@]}"
	done
	read -r fw fc fr < <(stats floor)
	read -r dw dc dr < <(stats dean)
	wards=$(grep -o '"wards": [0-9]*' "$tmp/out.json" | grep -o '[0-9]*$' || echo "?")
	awk -v k="$k" -v n="$wards" -v fw="$fw" -v dw="$dw" -v fc="$fc" -v dc="$dc" -v fr="$fr" -v dr="$dr" 'BEGIN {
		printf "| %d | %s | %.2f s | %.2f s | %.2fx | %.2f s | %.2f s | %.2fx | %.0f MB | %.0f MB |\n",
			k, n, fw, dw, dw / fw, fc, dc, dc / fc, fr, dr }'
done
echo
echo "N=$N runs each, medians; $(nproc) CPUs; $(go version | cut -d' ' -f3)."
