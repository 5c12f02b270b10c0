#!/usr/bin/env bash
# Checks that the report's workbook prints as staff expect: writes the Cần Thơ
# 2022 workbook, prints it to PDF with LibreOffice, and counts each sheet's pages
# (every page is headed by its sheet's name) against the numbers below. A sheet
# that stops fitting the page's width, or rows that grow, change its count.
# Not part of `go test`: it needs LibreOffice and poppler-utils
# (apt-get install libreoffice-calc poppler-utils), and says "skipped" without.
#
#   report/testdata/print-check.sh              exit 0 when every count is as expected
#   KEEP=/tmp/pc report/testdata/print-check.sh  keep the workbook, the PDF and a
#                                               50 dpi PNG of each sheet's first page
set -euo pipefail
cd "$(dirname "$0")/../.."

# Pages per sheet of the Cần Thơ 2022 workbook (42 wards), on A4.
expected=(
	"Tổng hợp=1"
	"Ma trận=1"
	"Chi tiết=122"
	"Biểu đồ=1"
	"Nguồn=124"
)

for tool in soffice pdftotext pdfinfo pdftoppm; do
	if ! command -v "$tool" >/dev/null; then
		echo "print-check: skipped: $tool is not installed (apt-get install libreoffice-calc poppler-utils)"
		exit 0
	fi
done
out=${KEEP:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=${out:-$tmp}
mkdir -p "$dir"

rm -f "$dir/r.xlsx" "$dir/r.pdf"
go run ./cmd/dean report testdata/can-tho-2022/*.xlsx --period 2022 --xlsx "$dir/r.xlsx" >/dev/null
# A profile of its own, so that a LibreOffice already running is not used.
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$dir" "$dir/r.xlsx" >/dev/null 2>&1
pages=$(pdfinfo "$dir/r.pdf" | awk '/^Pages:/ {print $2}')

# The sheet of each page: the end of its first line, the page header's right part.
declare -A count first
for ((p = 1; p <= pages; p++)); do
	head=$(pdftotext -f "$p" -l "$p" -layout "$dir/r.pdf" - | grep -m1 . || true)
	sheet=?
	for e in "${expected[@]}"; do
		name=${e%=*}
		if [[ $head == *"$name" ]]; then
			sheet=$name
			break
		fi
	done
	count[$sheet]=$((${count[$sheet]:-0} + 1))
	first[$sheet]=${first[$sheet]:-$p}
done

fail=0
for e in "${expected[@]}"; do
	name=${e%=*}
	want=${e#*=}
	got=${count[$name]:-0}
	mark=ok
	if [[ $got != "$want" ]]; then
		mark="KHÔNG KHỚP (cần $want)"
		fail=1
	fi
	printf '%-10s %4d trang  %s\n' "$name" "$got" "$mark"
	if [[ -n $out && $got -gt 0 ]]; then
		pdftoppm -png -r 50 -f "${first[$name]}" -l "${first[$name]}" "$dir/r.pdf" "$dir/${name// /-}"
	fi
done
if [[ -n ${count[?]:-} ]]; then
	echo "print-check: ${count[?]} trang không rõ thuộc trang tính nào"
	fail=1
fi
echo "tổng $pages trang"
exit $fail
