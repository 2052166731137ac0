# import --dry-run (SPEC 3.6) prints what would happen (added, updated,
# rejected, with the rows' lines) and changes nothing: no commit, no file,
# no summary rewritten.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null
"$GENDAN" ls >/dev/null
check "the list summary is there" test -f .git/gendan-list
printf 'id,name,tier\n' >"$TMP/in.csv"
printf 'acme-trading-co,,A\n' >>"$TMP/in.csv"
printf ',New One,B\n' >>"$TMP/in.csv"
printf ',"Bad\nTier",Z\n' >>"$TMP/in.csv"
printf ',New Two,C\n' >>"$TMP/in.csv"
before=$(commits)
# what changed: files and summaries (the tree cache of parsed records,
# which any reading command refreshes, and git's index, which `git status`
# refreshes, aside)
snap() {
	find . -path ./.git/objects -prune -o -type f -newer "$TMP/stamp" -print |
		grep -v -e '^\./\.git/gendan-cache$' -e '^\./\.git/index$' | sort
}
touch "$TMP/stamp"
sleep 1
gd 0 import "$TMP/in.csv" --update --rejects "$TMP/bad.csv" --dry-run
has "$TMP/out" "^would import 2 customer records$"
has "$TMP/out" "^  .*in.csv:3: customer/new-one$"
has "$TMP/out" "^  .*in.csv:6: customer/new-two$"
has "$TMP/out" "^would update 1 customer record$"
has "$TMP/out" "^  .*in.csv:2: customer/acme-trading-co: tier$"
has "$TMP/out" "^would reject 1 row$"
has "$TMP/out" "^  .*in.csv:4: column 'tier': tier 'Z' is not one of A B C D$"
eq "no commit" "$before" "$(commits)"
check "no rejects file" test ! -e "$TMP/bad.csv"
eq "no file written in the ledger" "" "$(snap)"
clean
# without --rejects a bad row refuses the file, dry run or not
gd 1 import "$TMP/in.csv" --update --dry-run
has "$TMP/err" "in.csv:4: column 'tier'"
has "$TMP/err" "1 bad row: nothing imported"
eq "no commit" "$before" "$(commits)"
# an update that changes nothing is not listed
printf 'id,tier\nacme-trading-co,B\n' >"$TMP/same.csv"
gd 0 import "$TMP/same.csv" --update --dry-run
has "$TMP/out" "^would import 0 customer records$"
has "$TMP/out" "^would update 0 customer records$"
eq "no file written in the ledger" "" "$(snap)"
done_testing
