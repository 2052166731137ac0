# The cache of parsed records (.git/gendan-cache), which the commands that
# load the whole ledger use (export here; also check, stats, report),
# never shows stale data: hand edits, files added or deleted by hand, a
# branch switch, a pull behind gendan's back, a corrupt or foreign cache.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier C >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)
gd 0 export csv customer
check "the cache is written" test -s .git/gendan-cache
cached() { "$GENDAN" export csv customer 2>/dev/null | tail -n +2 | cut -d, -f1,3 | tr ',\n' ': ' | sed 's/ $//'; }
eq "from the cache" "acme-trading-co:B bravo-lamps:C" "$(cached)"

# a hand edit is seen by the very next command
sed -i 's/^tier: B$/tier: A/' "$f"
eq "hand edit seen" "acme-trading-co:A bravo-lamps:C" "$(cached)"
# and a hand edit that keeps the size
sed -i 's/^tier: A$/tier: D/' "$f"
eq "same-size edit seen" "acme-trading-co:D bravo-lamps:C" "$(cached)"
git checkout -q -- "$f"

# added and deleted by hand
mkdir -p customers/00
printf 'name: Hand Made\ntier: A\n' >customers/00/hand-made.yaml
eq "added by hand" "acme-trading-co:B bravo-lamps:C hand-made:A" "$(cached)"
rm customers/00/hand-made.yaml
eq "deleted by hand" "acme-trading-co:B bravo-lamps:C" "$(cached)"

# a branch switch and a pull behind gendan's back
git checkout -q -b other
"$GENDAN" set bravo tier=A >/dev/null
eq "on the other branch" "acme-trading-co:B bravo-lamps:A" "$(cached)"
git checkout -q main
eq "back on main" "acme-trading-co:B bravo-lamps:C" "$(cached)"
git merge -q --ff-only other
eq "after a merge by git" "acme-trading-co:B bravo-lamps:A" "$(cached)"

# a config change re-validates every record: tier B no longer exists
sed -i 's/^  B:$/  X:/' gendan.yaml
eq "a cached record is checked against a new config" "bravo-lamps:A" "$(cached)"
git checkout -q -- gendan.yaml
eq "and again after it" "acme-trading-co:B bravo-lamps:A" "$(cached)"

# an edit that puts the mtime back is seen by its ctime, also once the
# file is old enough to be taken from the cache (two seconds)
sleep 3
"$GENDAN" export csv customer >/dev/null
same_stat "$f" "tier: B" "tier: D"
sleep 3
eq "an edit with its mtime put back" "acme-trading-co:D bravo-lamps:A" "$(cached)"
same_stat "$f" "tier: D" "tier: B"

# corrupt, truncated and foreign caches are rebuilt, not believed
sleep 3 # old enough to be taken from a cache, had it been believed
head -c 100 .git/gendan-cache >"$TMP/c" && cp "$TMP/c" .git/gendan-cache
eq "truncated cache" "acme-trading-co:B bravo-lamps:A" "$(cached)"
head -c 20000 /dev/urandom >.git/gendan-cache
eq "random cache" "acme-trading-co:B bravo-lamps:A" "$(cached)"
sed 's/GDCACHE1/GDCACHE9/' .git/gendan-cache >"$TMP/c" 2>/dev/null; cp "$TMP/c" .git/gendan-cache
eq "foreign cache" "acme-trading-co:B bravo-lamps:A" "$(cached)"
"$GENDAN" export csv customer >/dev/null
# a cache claiming another record's content: its stat data do not match
cp .git/gendan-cache "$TMP/good-cache"
printf 'name: ACME Trading Co.\ntier: C\nstatus: active\n' >"$f"
eq "a stale entry is not used" "acme-trading-co:C bravo-lamps:A" "$(cached)"
gd 0 check
has "$TMP/out" "2 records, no problems"
done_testing
