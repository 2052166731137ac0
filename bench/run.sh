#!/bin/sh
# bench/run.sh [N [ORDERS]] - measure the commands users run all day on a
# ledger of N customers (default 10000; plus N/10 inquiries and ORDERS
# orders, default N/50) against
# baselines measured in the same run: git itself, reading the files, and
# taskwarrior (`task next` over N tasks, when `task` is installed and N is
# at most 10000).  Each command and its baseline run in turn, 5 times
# each; prints their medians and the ratio.  `due` runs as
# li.lei@example.com, one salesperson of the team.  Last, import of the
# ledger's customers as CSV against git, and as xlsx against as CSV.
# Not a test: it never fails on timing.
set -eu
n=${1:-10000}
orders=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
gendan=${GENDAN:-$here/build/gendan}
[ -x "$gendan" ] || { echo "build gendan first (meson setup build && ninja -C build)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=li.lei@example.com
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=li.lei@example.com
export GENDAN_NOW=2026-11-23T09:00:00+08:00 TZ=Asia/Shanghai

# pair TITLE "A" "B": A and B (shell commands) run in turn, 5 times each,
# so both meet the same machine; prints the row of their medians
pair() {
	for k in 1 2 3 4 5; do
		s=$(date +%s%N); eval "$2" >/dev/null 2>&1; e=$(date +%s%N)
		echo "a $(( (e - s) / 1000000 ))"
		s=$(date +%s%N); eval "$3" >/dev/null 2>&1; e=$(date +%s%N)
		echo "b $(( (e - s) / 1000000 ))"
	done >"$work/pair"
	row "$1" "$(sed -n 's/^a //p' "$work/pair" | sort -n | sed -n 3p)" \
		"$(sed -n 's/^b //p' "$work/pair" | sort -n | sed -n 3p)"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() { printf '%-44s %8s ms %8s ms  %6s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }

echo "generating $n customers..."
python3 "$here/bench/gen-ledger.py" "$n" "$work/l" ${orders:+"$orders"} >/dev/null
cd "$work/l"
f=$(find customers -name '*.yaml' | sort | sed -n 1p)
id=$(basename "$f" .yaml)
other=$(find customers -name '*.yaml' | sort | sed -n 2p)
i=0
gd_log() { i=$((i + 1)); "$gendan" log "$id" -m "bench call $i" --via phone; }
git_commit() { i=$((i + 1)); echo "x$i: 1" >>"$other" && git add "$other" && git commit -qm x; }
# the same with git syncing what it writes, as gendan does
git_commit_sync() { i=$((i + 1)); echo "y$i: 1" >>"$other" &&
	git -c core.fsync=all add "$other" && git -c core.fsync=all commit -qm x; }
cat_all() { find customers inquiries orders -name '*.yaml' -exec cat {} + >/dev/null; }

printf '\n%-44s %11s %11s  %6s\n' "ledger of $n customers" gendan baseline ratio
pair "log one contact / git add F && git commit" gd_log git_commit
pair "log one contact / the same, core.fsync=all" gd_log git_commit_sync
# the part of log that keeps the git index consistent: libgit2 reading
# and writing it, alone (git writes it version 4 from 10k entries, as
# gendan does)
if [ -x "$here/build/bench-index-cost" ]; then
	set -- $("$here/build/bench-index-cost" .)
	printf '%-44s %8s ms %8s ms  (%s entries: read, write)\n' \
		"  of which libgit2's index, alone" "$2" "$3" "$1"
fi
cold_due() { rm -f .git/gendan-cache .git/gendan-due; "$gendan" due; }
"$gendan" due >/dev/null 2>&1
pair "due (cache warm) / git status --porcelain" '"$gendan" due' 'git status --porcelain'
pair "due, no cache / reading every record once" cold_due cat_all
rss=$(/usr/bin/time -f %M "$gendan" due 2>&1 >/dev/null | tail -1)
printf '%-44s %8s MB\n' "peak memory of due (warm)" "$((rss / 1024))"
rm -f .git/gendan-due
rss=$(/usr/bin/time -f %M "$gendan" due 2>&1 >/dev/null | tail -1)
printf '%-44s %8s MB\n' "peak memory of due (no cache)" "$((rss / 1024))"
printf '%-44s %8s items\n' "due list of li.lei@example.com" \
	"$("$gendan" due --format=tsv | tail -n +2 | wc -l)"

# ls, find and a REF by name, from their summary, against git grep
# reading the same files for the same text
name=$(sed -n 's/^name: //p' "$f")
"$gendan" ls >/dev/null 2>&1
pair "ls --owner (warm) / git grep -l owner" \
	'"$gendan" ls --owner li.lei@example.com' 'git grep -l -F "owner: li.lei@example.com"'
pair "find TEXT (warm) / git grep -i TEXT" '"$gendan" find "$name"' 'git grep -i -F "$name"'
pair "show NAME (warm) / git grep -i NAME" '"$gendan" show "$name"' 'git grep -i -F "$name"'
# a customer's whole picture: its linked inquiries and orders named by the
# list summary, against git grep finding the files that name its id
cust=$(sed -n 's/^customer: //p' "$(find orders -name '*.yaml' | sort | sed -n 1p)")
"$gendan" show "$cust" >/dev/null 2>&1
pair "show CUSTOMER (warm) / git grep -l ID" '"$gendan" show "$cust"' 'git grep -l -F "$cust"'
cold_find() { rm -f .git/gendan-list; "$gendan" find "$name"; }
pair "find, no cache / reading every record once" cold_find cat_all

# a past week is read as it stood at its end, from git (one customer in
# 200 changed since, see gen-ledger.py): target at most 2x the current week
"$gendan" report week >/dev/null 2>&1
pair "report week (past) / report week (current)" \
	'"$gendan" report week --date 2026-11-18' '"$gendan" report week'
pair "report week / reading every record once" '"$gendan" report week' cat_all

# taskwarrior's `task next` over as many tasks, due on the same kind of dates
if command -v task >/dev/null && [ "$n" -le 10000 ]; then
	export TASKDATA="$work/task" TASKRC="$work/taskrc"
	mkdir -p "$TASKDATA" && : >"$TASKRC"
	python3 -c '
import json, random, sys
r = random.Random(7)
for i in range(int(sys.argv[1])):
    print(json.dumps({"uuid": "%08x-0000-4000-8000-%012x" % (i, i), "status": "pending",
        "description": "Follow up customer %d" % i, "entry": "20260101T000000Z",
        "due": "2026%02d%02dT000000Z" % (r.randint(10, 12), r.randint(1, 28)),
        "project": "tier%s" % r.choice("ABCD")}))' "$n" >"$work/tasks.json"
	task rc.confirmation=off rc.hooks=off import "$work/tasks.json" >/dev/null 2>&1
	pair "due (cache warm) / task next over $n tasks" '"$gendan" due' \
		'task rc.hooks=off rc.gc=off next'
fi
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

# the same rows as an xlsx workbook against as CSV (issue 16: at most 1.5x
# the time, within 300 MB), each into a new ledger, 3 times in turn;
# medians of the time and of the peak RSS (/usr/bin/time, when installed)
"$gendan" export xlsx customer >"$work/all.xlsx"
import_into() {
	rm -rf "$work/imp2"
	"$gendan" init "$work/imp2" >/dev/null
	s=$(date +%s%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M' -o "$work/rss" "$gendan" -C "$work/imp2" import "$@" --force >/dev/null
	else
		echo 0 >"$work/rss"
		"$gendan" -C "$work/imp2" import "$@" --force >/dev/null
	fi
	e=$(date +%s%N)
	echo "$1 $(( (e - s) / 1000000 )) $(( $(tail -1 "$work/rss") / 1024 ))"
}
for k in 1 2 3; do
	import_into xlsx "$work/all.xlsx"
	import_into csv "$work/all.csv"
done >"$work/imports"
med() { awk -v f="$1" -v c="$2" '$1 == f { print $c }' "$work/imports" | sort -n | sed -n 2p; }
row "import xlsx / import csv (same $n rows)" "$(med xlsx 2)" "$(med csv 2)"
printf '%-44s %8s MB %8s MB\n' "  peak RSS: xlsx / csv" "$(med xlsx 3)" "$(med csv 3)"
