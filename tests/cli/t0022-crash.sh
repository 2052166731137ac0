# A command killed mid-change: the next command sees the whole change or
# none of it, repairs the work tree itself, and git fsck stays clean.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

# the state a kill leaves between rename and commit: journal, new file,
# a temp file and git's index lock
cp "$f" "$TMP/head.yaml"
echo "half: written" >>"$f"
printf '%s\n' "$f" >.git/gendan-journal
touch .git/index.lock "$(dirname "$f")/.$(basename "$f").tmp-999-0"
gd 0 log acme -m "after the crash"
hasnt "$f" "half: written"
has "$f" "after the crash"
check "the journal is gone" test ! -e .git/gendan-journal
check "the stale index lock is gone" test ! -e .git/index.lock
eq "no temp file left" "" "$(ls -A "$(dirname "$f")" | grep tmp)"
clean "after recovery"

# a record the killed command was adding and HEAD never had
mkdir -p customers/00
echo "name: Half Added" >customers/00/half.yaml
git add customers/00/half.yaml
printf 'customers/00/half.yaml\n' >.git/gendan-journal
gd 0 log acme -m "again"
check "the half-added record is gone" test ! -e customers/00/half.yaml
clean "after removing a half-added record"

# kill -9 at random moments during log, then carry on
logged=0
for i in $(seq 1 25); do
	"$GENDAN" log acme -m "call $i" >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$(( (i * 37) % 9 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
done
gd 0 log acme -m "the last call"
clean "after 25 kills"
check "git fsck is clean" git fsck --no-progress
commits=$(git log --format=%s | grep -c '^log: acme-trading-co call ')
eq "every commit's contact is in the record, no more" "$commits" "$(grep -c 'note: call ' "$f")"
gd 0 check

# kill -9 during an import of 2 000 rows: all of them or none
awk 'BEGIN { print "name,email"; for (i = 0; i < 2000; i++) printf "Bulk Buyer %d,buyer%d@bulk%d.example\n", i, i, i }' >"$TMP/bulk.csv"
for d in 0.05 0.15 0.3 0.6; do
	"$GENDAN" import csv "$TMP/bulk.csv" --kind customer >/dev/null 2>&1 &
	pid=$!
	sleep $d
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$GENDAN" status >/dev/null 2>&1
	"$GENDAN" log acme -m "after killing an import" >/dev/null 2>"$TMP/err" ||
		{ not_ok "the next command after a killed import works"; sed 's/^/# /' "$TMP/err"; }
	clean "after killing an import at $d s"
	n_files=$(ls customers/*/bulk-buyer-*.yaml 2>/dev/null | wc -l)
	n_head=$(git ls-tree -r --name-only HEAD customers | grep -c bulk-buyer)
	eq "killed at $d s: files and HEAD agree" "$n_head" "$n_files"
	check "killed at $d s: all rows or none" test "$n_files" -eq 0 -o "$n_files" -eq 2000
	if [ "$n_files" -eq 2000 ]; then break; fi
done
check "git fsck is clean after the imports" git fsck --no-progress

# kill -9 during a sync that brings in many records
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
git -C l remote add origin "$TMP/remote.git"
(cd l && "$GENDAN" sync >/dev/null 2>&1)
"$GENDAN" clone "$TMP/remote.git" other >/dev/null
awk 'BEGIN { print "name,email"; for (i = 0; i < 1500; i++) printf "Far Buyer %d,far%d@far%d.example\n", i, i, i }' >"$TMP/far.csv"
(cd other && "$GENDAN" import csv "$TMP/far.csv" --kind customer >/dev/null && "$GENDAN" sync >/dev/null 2>&1)
cd l || exit 1
# the state a sync killed while fetching leaves: its journal and the locks
# of the refs the fetch was moving
printf '' >.git/gendan-journal
mkdir -p .git/refs/remotes/origin
touch .git/refs/remotes/origin/main.lock .git/FETCH_HEAD.lock
gd 0 log acme -m "after a killed fetch"
check "the remote-tracking ref lock is gone" test ! -e .git/refs/remotes/origin/main.lock
check "the FETCH_HEAD lock is gone" test ! -e .git/FETCH_HEAD.lock
for d in 0.05 0.2 0.5; do
	"$GENDAN" sync >/dev/null 2>&1 &
	pid=$!
	sleep $d
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	"$GENDAN" log acme -m "after killing a sync" >/dev/null 2>"$TMP/err" ||
		{ not_ok "the next command after a killed sync works"; sed 's/^/# /' "$TMP/err"; }
	clean "after killing a sync at $d s"
	n_files=$(ls customers/*/far-buyer-*.yaml 2>/dev/null | wc -l)
	n_head=$(git ls-tree -r --name-only HEAD customers | grep -c far-buyer)
	eq "sync killed at $d s: files and HEAD agree" "$n_head" "$n_files"
done
gd 0 sync
eq "a later sync brings everything" 1500 "$(ls customers/*/far-buyer-*.yaml | wc -l)"
clean "after the sync"
check "git fsck is clean after the syncs" git fsck --no-progress
done_testing
