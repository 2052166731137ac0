# export ics follows due: mine and unowned by default, --all, --owner.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Mine Co" --tier A >/dev/null
"$GENDAN" add customer "Theirs Co" --tier A --owner wang.fang@example.com >/dev/null
"$GENDAN" add customer "Pool Co" --tier A >/dev/null
"$GENDAN" set pool owner= >/dev/null

gd 0 export ics
has "$TMP/out" "^UID:customer-mine-co@gendan"
has "$TMP/out" "^UID:customer-pool-co@gendan"
hasnt "$TMP/out" "theirs-co"
gd 0 export ics --all
has "$TMP/out" "^UID:customer-theirs-co@gendan"
eq "three events with --all" 3 "$(grep -c '^BEGIN:VEVENT' "$TMP/out")"
gd 0 export ics --owner wang.fang@example.com
has "$TMP/out" "^UID:customer-theirs-co@gendan"
eq "one event for one owner" 1 "$(grep -c '^BEGIN:VEVENT' "$TMP/out")"
gd 2 export ics --all --owner wang.fang@example.com

# csv and json stay everyone's unless --owner
gd 0 export json customer
has "$TMP/out" '"name": "Theirs Co"'
gd 0 export csv customer --owner wang.fang@example.com
eq "one row and the header" 2 "$(wc -l <"$TMP/out")"

# no identity: say so, never an empty calendar
git config --global --unset user.email
GIT_AUTHOR_EMAIL= "$GENDAN" export ics >"$TMP/out" 2>"$TMP/err"
eq "no identity exits 1" 1 $?
has "$TMP/err" "who is 'me'"
GIT_AUTHOR_EMAIL= "$GENDAN" export ics --all >"$TMP/out" 2>&1
eq "--all needs no identity" 0 $?

done_testing
