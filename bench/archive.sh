#!/usr/bin/env bash
# The archive at national scale: 3.321 wards × 2 periods × 5 years (2022–2026),
# generated once into bench/data-archive (gitignored). Times, side by side:
#   import   dean import of all 340 workbooks into a new archive, one command
#   rescore  dean rescore --all with a changed threshold, --dry-run
# and prints a markdown table: median wall and CPU time, median peak RSS, and the
# archive's size, over N runs. On a shared machine trust the CPU columns more.
#
#   bench/archive.sh        N=3 runs each
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-3}
data=bench/data-archive
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/dean" ./cmd/dean
go build -o "$tmp/deangen" ./cmd/deangen
periods=(2022-H1 2022 2023-H1 2023 2024-H1 2024 2025-H1 2025 2026-H1 2026)
for p in "${periods[@]}"; do
	if [[ ! -d $data/$p ]]; then
		echo "generating $p into $data/$p ..." >&2
		"$tmp/deangen" -national -period "$p" -o "$data/$p"
	fi
done

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

for i in $(seq "$N"); do
	rm -f "$tmp/kho.db"
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" import --quiet --units "$data/2026/units.csv" \
		--archive "$tmp/kho.db" "$data"/*/*.xlsx >/dev/null || true
	cat "$tmp/t" >>"$tmp/import.times"
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$tmp/dean" rescore --archive "$tmp/kho.db" --all \
		--set giam_toi_pham_ttxh=5% --dry-run --format json -o "$tmp/flips.json" 2>/dev/null
	cat "$tmp/t" >>"$tmp/rescore.times"
done
size=$(du -m "$tmp/kho.db" | cut -f1)
echo "| step | wards × periods | wall | CPU | peak RSS | archive |"
echo "|---|---:|---:|---:|---:|---:|"
for step in import rescore; do
	f=$tmp/$step.times
	wall=$(awk '{print $1}' "$f" | median)
	cpu=$(awk '{print $2 + $3}' "$f" | median)
	rss=$(awk '{print $4 / 1024}' "$f" | median)
	printf "| %s | 3.321 × %d | %.1f s | %.1f s | %.0f MB | %s MB |\n" "$step" "${#periods[@]}" "$wall" "$cpu" "$rss" "$size"
done
