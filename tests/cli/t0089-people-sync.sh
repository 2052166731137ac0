# sync merges a customer's people item by item by name (SPEC 4): two
# clones each adding a person offline keep both; both changing one
# person's phone keeps the remote's and records the local one as a
# conflict; a field each changes of one person merges.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
"$GENDAN" init a --remote "$TMP/remote.git" >/dev/null
cd a || exit 1
"$GENDAN" add customer "ACME Trading" --id acme >/dev/null
"$GENDAN" person add acme "John Smith" --phone "+1 312 555 0100" >/dev/null
"$GENDAN" sync >/dev/null 2>&1
cd "$TMP" || exit 1
"$GENDAN" clone "$TMP/remote.git" b >/dev/null 2>&1
fa=$(ls "$TMP"/a/customers/*/acme.yaml)
fb=$(ls "$TMP"/b/customers/*/acme.yaml)

# offline, each adds a different person and changes another field of John
cd "$TMP/b" || exit 1
"$GENDAN" person add acme 王经理 --role 老板 >/dev/null
"$GENDAN" person set acme "John Smith" --role purchasing >/dev/null
gd 0 sync
cd "$TMP/a" || exit 1
"$GENDAN" person add acme "Mary Lee" --email mary@acme.example >/dev/null
"$GENDAN" person set acme "John Smith" --email john@acme.example >/dev/null
gd 0 sync
has "$TMP/out" "merged record by record: 1 file"
has "$fa" "^  - name: 王经理$"
has "$fa" "^  - name: Mary Lee$"
has "$fa" "^    role: purchasing$"
has "$fa" "^    email: john@acme.example$"
eq "John once" 1 "$(grep -c 'name: John Smith' "$fa")"
hasnt "$fa" "conflicts"
clean "a after merge"
cd "$TMP/b" || exit 1
gd 0 sync
check "both clones converge" cmp "$fa" "$fb"

# both change John's phone: the remote's is kept, the local one recorded
"$GENDAN" person set acme "John Smith" --phone "+1 312 555 0199" >/dev/null
"$GENDAN" sync >/dev/null 2>&1
cd "$TMP/a" || exit 1
"$GENDAN" person set acme "John Smith" --phone "+1 312 555 0142" >/dev/null
gd 0 sync
has "$TMP/out" "conflict: customers/[0-9a-f]{2}/acme.yaml"
has "$fa" '^    phone: "\+1 312 555 0199"$'
has "$fa" "^  - field: people\[John Smith\]\.phone$"
has "$fa" '^    value: "\+1 312 555 0142"$'
gd 1 check
has "$TMP/err" "open conflict"
clean "a after the conflict"
done_testing
