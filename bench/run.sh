#!/bin/sh
# bench/run.sh [N] - measure the commands users run all day on a ledger of
# N customers (default 10000) against baselines measured in the same run:
# git itself, and reading the files.  Prints medians of 5 runs and ratios.
# Not a test: it never fails on timing.
set -eu
n=${1:-10000}
here=$(cd "$(dirname "$0")/.." && pwd)
gendan=${GENDAN:-$here/build/gendan}
[ -x "$gendan" ] || { echo "build gendan first (meson setup build && ninja -C build)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=li.lei@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=li.lei@example.com
export GENDAN_NOW=2026-11-23T09:00:00+08:00 TZ=Asia/Shanghai

ms() { # median wall time of 5 runs of "$@", in milliseconds
	for i in 1 2 3 4 5; do
		s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
		echo $(( (e - s) / 1000000 ))
	done | sort -n | sed -n 3p
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { printf '%-44s %8s ms %8s ms  %6s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }

echo "generating $n customers..."
python3 "$here/bench/gen-ledger.py" "$n" "$work/l" >/dev/null
cd "$work/l"
id=$(ls customers/*/ | grep -m1 yaml | sed 's/.yaml$//')
f=$(ls customers/*/"$id".yaml)
other=$(ls customers/*/*.yaml | sed -n 2p)
i=0
gd_log() { i=$((i + 1)); "$gendan" log "$id" -m "bench call $i" --via phone; }
git_commit() { i=$((i + 1)); echo "x$i: 1" >>"$other" && git add "$other" && git commit -qm x; }
cat_all() { find customers -name '*.yaml' -exec cat {} + >/dev/null; }

printf '\n%-44s %11s %11s  %6s\n' "ledger of $n customers" gendan baseline ratio
row "log one contact / git add F && git commit" "$(ms gd_log)" "$(ms git_commit)"
cold_due() { rm -f .git/gendan-cache; "$gendan" due; }
"$gendan" due >/dev/null 2>&1
row "due (cache warm) / git status --porcelain" "$(ms "$gendan" due)" "$(ms git status --porcelain)"
row "due, no cache / reading every record once" "$(ms cold_due)" "$(ms cat_all)"
rss=$(/usr/bin/time -f %M "$gendan" due 2>&1 >/dev/null | tail -1)
printf '%-44s %8s MB\n' "peak memory of due" "$((rss / 1024))"
test -z "$(git status --porcelain)" && echo "git status after the runs: clean"

# import of n rows against git add -A && git commit of the same files
"$gendan" export csv customer >"$work/all.csv"
"$gendan" init "$work/imp" >/dev/null
s=$(date +%s%N)
"$gendan" -C "$work/imp" import csv "$work/all.csv" --kind customer --force >/dev/null
e=$(date +%s%N)
imp=$(( (e - s) / 1000000 ))
git init -q -b main "$work/raw"
cp -R "$work/imp/customers" "$work/raw/"
s=$(date +%s%N)
(cd "$work/raw" && git add -A && git commit -qm import)
e=$(date +%s%N)
row "import csv / git add -A && git commit" "$imp" "$(( (e - s) / 1000000 ))"
