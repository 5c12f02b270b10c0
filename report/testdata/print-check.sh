#!/usr/bin/env bash
# Checks that the report's workbooks print as staff expect: writes two workbooks,
# Cần Thơ 2022 (42 wards in 5 quận) and 2026 on the map from 1/7/2025 (31 wards,
# no quận, one of them without data), prints each to PDF with LibreOffice, and
# counts each sheet's pages (every page is headed by its sheet's name) against
# the numbers below. A sheet that stops fitting the page's width, or rows that
# grow, change its count.
# Not part of `go test`: it needs LibreOffice and poppler-utils
# (apt-get install libreoffice-calc poppler-utils), and says "skipped" without.
#
#   report/testdata/print-check.sh              exit 0 when every count is as expected
#   KEEP=/tmp/pc report/testdata/print-check.sh  keep the workbooks, the PDFs and a
#                                               50 dpi PNG of each sheet's first page
set -euo pipefail
cd "$(dirname "$0")/../.."

# Pages per sheet on A4, by workbook.
expected_2022=(
	"Tổng hợp=1"
	"Ma trận=1"
	"Chi tiết=122"
	"Biểu đồ=1"
	"Nguồn=124"
)
expected_2026=(
	"Tổng hợp=1"
	"Ma trận=1"
	"Chi tiết=92"
	"Biểu đồ=1"
	"Chưa có số liệu=1"
	"Nguồn=90"
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
dir=$(cd "$dir" && pwd) # dean runs elsewhere
fail=0

# check NAME: prints $dir/NAME.xlsx and counts its pages against expected_NAME.
check() {
	local name=$1
	local -n expected="expected_$name"
	rm -f "$dir/$name.pdf"
	# A profile of its own, so that a LibreOffice already running is not used.
	soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$dir" "$dir/$name.xlsx" >/dev/null 2>&1
	local pages
	pages=$(pdfinfo "$dir/$name.pdf" | awk '/^Pages:/ {print $2}')

	# The sheet of each page: the end of its first line, the page header's right part.
	local -A count=() first=()
	local p head sheet e want got mark
	for ((p = 1; p <= pages; p++)); do
		head=$(pdftotext -f "$p" -l "$p" -layout "$dir/$name.pdf" - | grep -m1 . || true)
		sheet=?
		for e in "${expected[@]}"; do
			if [[ $head == *"${e%=*}" ]]; then
				sheet=${e%=*}
				break
			fi
		done
		count[$sheet]=$((${count[$sheet]:-0} + 1))
		first[$sheet]=${first[$sheet]:-$p}
	done

	echo "$name:"
	for e in "${expected[@]}"; do
		sheet=${e%=*}
		want=${e#*=}
		got=${count[$sheet]:-0}
		mark=ok
		if [[ $got != "$want" ]]; then
			mark="KHÔNG KHỚP (cần $want)"
			fail=1
		fi
		printf '  %-16s %4d trang  %s\n' "$sheet" "$got" "$mark"
		if [[ -n $out && $got -gt 0 ]]; then
			pdftoppm -png -r 50 -f "${first[$sheet]}" -l "${first[$sheet]}" "$dir/$name.pdf" "$dir/$name-${sheet// /-}"
		fi
	done
	if [[ -n ${count[?]:-} ]]; then
		echo "  ${count[?]} trang không rõ thuộc trang tính nào"
		fail=1
	fi
	echo "  tổng $pages trang"
}

go build -o "$tmp/dean" ./cmd/dean
# dean runs in a folder of its own and without $DEAN_ARCHIVE: an archive (dean.db)
# or a register (cong-nhan.csv) where it runs would add sheets and pages. The
# forms keep their short paths (testdata/...), which the sheet Nguồn shows: a
# longer path wraps, and doubles its pages.
mkdir "$tmp/work"
ln -s "$PWD/testdata" "$tmp/work/testdata"
dean() { (cd "$tmp/work" && env -u DEAN_ARCHIVE "$tmp/dean" "$@"); }
dean report testdata/can-tho-2022/*.xlsx --period 2022 --xlsx "$dir/2022.xlsx" >/dev/null
check 2022
# Every ward of 2026 but Cái Khế, so that the sheet of wards without data shows.
forms=()
for f in testdata/history/2026/*.xlsx; do
	[[ $f == */cai-khe.xlsx ]] || forms+=("$f")
done
dean report "${forms[@]}" --period 2026 --xlsx "$dir/2026.xlsx" >/dev/null
check 2026
exit $fail
