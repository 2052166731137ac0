# import --update (SPEC 3.6): a row whose id names an existing record
# updates the fields its non-empty cells give, as `set` would; other rows
# are added; the export-edit-import round trip changes only what was edited.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example --phone "+86 574 8888 1234" >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --tier A --email ahmed@gulflights.ae --tag led --tag fair >/dev/null
"$GENDAN" log acme -m "called, wants samples" --next +3d >/dev/null
"$GENDAN" add inquiry --from Maria --company "Lopez SA" --email maria@lopez.example >/dev/null
# a key gendan does not know, kept by the rewrite
f=$(ls customers/*/acme-trading-co.yaml)
printf 'x-crm-id: "00042"\n' >>"$f"
# and a top-level contact: key, written by hand before people existed
printf 'contact: Mr Wang (old CRM)\n' >>"$f"
git commit -qam "crm id"

# round trip: export, change one cell, import --update
gd 0 export csv customer
cp "$TMP/out" "$TMP/all.csv"
sed 's/^\(acme-trading-co,ACME Trading Co\.\),B,/\1,A,/' "$TMP/all.csv" >"$TMP/edited.csv"
check "the edit changed the file" sh -c "! cmp -s '$TMP/all.csv' '$TMP/edited.csv'"
before=$(commits)
gd 0 import csv "$TMP/edited.csv" --update
has "$TMP/out" "updated 1 customer record"
hasnt "$TMP/out" "imported"
eq "one commit" $((before + 1)) "$(commits)"
eq "only that record changed" "$f" "$(git show --stat --format= HEAD | sed -n 's/^ *\([^ ]*\) *|.*/\1/p')"
git diff HEAD~ >"$TMP/diff"
eq "one line removed" 1 "$(grep -c '^-[^-]' "$TMP/diff")"
eq "one line added" 1 "$(grep -c '^+[^+]' "$TMP/diff")"
has "$TMP/diff" "^-tier: B$"
has "$TMP/diff" "^\+tier: A$"
has "$f" '^x-crm-id: "00042"$'
has "$f" '^contact: Mr Wang .old CRM.$'
has "$f" "called, wants samples"
clean

# the same file again: nothing changes, no commit, exit 0
before=$(commits)
gd 0 export csv customer
cp "$TMP/out" "$TMP/again.csv"
gd 0 import csv "$TMP/again.csv" --update
eq "an unchanged import makes no commit" "$before" "$(commits)"
has "$TMP/out" "nothing to import"
clean

# an update and an addition in one commit; empty cells leave fields alone
printf 'id,name,tier,city,tags,email\n' >"$TMP/mix.csv"
printf 'gulf-lights-llc,,C,Dubai,,\n' >>"$TMP/mix.csv"
printf ',Nordic Lamp AB,B,Malmö,,inkop@nordiclamp.se\n' >>"$TMP/mix.csv"
before=$(commits)
gd 0 import "$TMP/mix.csv" --update
has "$TMP/out" "imported 1 customer record"
has "$TMP/out" "updated 1 customer record"
eq "one commit for both" $((before + 1)) "$(commits)"
g=$(ls customers/*/gulf-lights-llc.yaml)
has "$g" "^tier: C$"
has "$g" "^city: Dubai$"
has "$g" "^name: Gulf Lights LLC$"
has "$g" "^email: ahmed@gulflights.ae$"
has "$g" "^  - led$"

# an updated record is not its own duplicate; an added row still is
printf 'id,name,email\nacme-trading-co,ACME Trading Co.,john@acme.example\nnew-acme,ACME Again,sales@acme.example\n' >"$TMP/dupe.csv"
gd 1 import "$TMP/dupe.csv" --update
has "$TMP/err" "dupe.csv:3: column 'email': .*customer/acme-trading-co"
hasnt "$TMP/err" "dupe.csv:2"

# updates are checked as set checks them: tiers, dates, owners
team_of_two
printf 'id,tier,next,owner\nacme-trading-co,Q,,\ngulf-lights-llc,,2026-02-30,\nnordic-lamp-ab,,,nobody@example.com\n' >"$TMP/badup.csv"
before=$(commits)
gd 1 import "$TMP/badup.csv" --update
has "$TMP/err" "badup.csv:2: column 'tier': tier 'Q' is not one of A B C D$"
has "$TMP/err" "badup.csv:3: column 'next': "
has "$TMP/err" "badup.csv:4: column 'owner': .*nobody@example.com"
eq "nothing committed" "$before" "$(commits)"
printf 'id,owner,tier\nacme-trading-co,韩梅梅,b类\n' >"$TMP/owner.csv"
gd 0 import "$TMP/owner.csv" --update
has "$f" "^owner: han.mei@example.com$"
has "$f" "^tier: B$"

# a record with uncommitted hand edits is not updated (SPEC 3.3: a write
# command refuses it; 'gendan commit' first)
printf '# a hand edit\n' >>"$f"
printf 'id,tier\nacme-trading-co,C\n' >"$TMP/dirty.csv"
before=$(commits)
gd 1 import "$TMP/dirty.csv" --update
has "$TMP/err" "dirty.csv:2: .*uncommitted hand edits"
eq "nothing committed over the hand edit" "$before" "$(commits)"
has "$f" "^tier: B$"
git checkout -q -- "$f"

# without --update an existing id is refused, naming the column
gd 1 import "$TMP/owner.csv"
has "$TMP/err" "owner.csv:2: column 'id': customer 'acme-trading-co' already exists"

# inquiries: the id names one of the kind
gd 0 export csv inquiry
q=$(sed -n '2s/,.*//p' "$TMP/out")
printf 'id,product,grade\n%s,LED panel,A\n' "$q" >"$TMP/q.csv"
gd 0 import "$TMP/q.csv" --kind inquiry --update
has "$TMP/out" "updated 1 inquiry record"
has "$(ls inquiries/*/"$q".yaml)" "^product: LED panel$"
clean

# one row per record: a row naming a record an earlier row of the file
# adds is refused, naming that line (the first row's record is already
# written out; two rows for one record are a mistake in the sheet)
printf 'id,name,tier,city\nbaltic-light,Baltic Light OU,B,\nbaltic-light,,A,Tallinn\n' >"$TMP/twice.csv"
before=$(commits)
gd 1 import "$TMP/twice.csv" --update
has "$TMP/err" "twice.csv:3: column 'id': customer 'baltic-light' is added by line 2 of this file already$"
eq "nothing committed" "$before" "$(commits)"
clean
done_testing
