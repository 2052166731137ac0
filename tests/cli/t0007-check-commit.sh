# gendan check and gendan commit: validation of hand edits.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier A >/dev/null
gd 0 check
has "$TMP/out" "2 records, no problems"

gd 0 commit
has "$TMP/out" "nothing to commit"

# a hand edit that breaks a record: check names file, line, column, field
f=$(ls customers/*/bravo-lamps.yaml)
sed -i 's/^tier: A$/tier: Z/' "$f"
gd 1 check
has "$TMP/err" "^$f:2:7: tier 'Z' is not one of A B C D$"
gd 1 commit -m "bad edit"
has "$TMP/err" "tier 'Z'"
eq "invalid hand edit not committed" 3 "$(commits)"
# due and ls still work and name the bad record
gd 0 ls --format=tsv
has "$TMP/err" "bravo-lamps.yaml"
has "$TMP/out" "^acme-trading-co	"
gd 0 due --format=tsv
has "$TMP/out" "^acme-trading-co	"

# fix it by hand and commit
sed -i 's/^tier: Z$/tier: C/' "$f"
gd 0 commit -m "fix typos by hand"
has "$TMP/out" "committed 1 file"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^fix typos by hand$"
has "$TMP/msg" "^Gendan-Action: commit$"
has "$TMP/msg" "^Gendan-Record: $f$"
clean

# a record added by hand anywhere under the folders counts, and is misplaced
mkdir -p customers/handmade
printf 'name: Hand Made Ltd\ntier: B\n' >customers/handmade/hand-made.yaml
gd 1 check
has "$TMP/err" "customers/handmade/hand-made.yaml: misplaced"
gd 0 commit
gd 0 ls --format=tsv
has "$TMP/out" "^hand-made	"
gd 0 show hand-made
# a deleted record is committed as a deletion
git rm -q --cached customers/handmade/hand-made.yaml >/dev/null
git commit -qm "untrack" >/dev/null
rm customers/handmade/hand-made.yaml
clean "after removing by hand"

# the same id twice and a bad file name
mkdir -p customers/zz
cp "$f" customers/zz/bravo-lamps.yaml
printf 'name: Upper\n' >customers/zz/Upper.yaml
gd 1 check
has "$TMP/err" "duplicate id 'bravo-lamps'"
has "$TMP/err" "'Upper' is not a valid id"
rm -r customers/zz

# an invalid gendan.yaml
cp gendan.yaml "$TMP/cfg"
printf 'tiers:\n  A:\n    every: soon\n' >gendan.yaml
gd 1 check
has "$TMP/err" "gendan.yaml:3:12: tiers.A.every: invalid duration"
cp "$TMP/cfg" gendan.yaml

# dangling references are problems; likely duplicates are named as notes
"$GENDAN" add customer "Acme Trading Company" --force >/dev/null
gd 0 check
has "$TMP/err" "^note: customers/[0-9a-f]{2}/acme-trading-co.yaml looks like a duplicate of customers/[0-9a-f]{2}/acme-trading-company.yaml \(the same company name\)$|^note: customers/[0-9a-f]{2}/acme-trading-company.yaml looks like a duplicate of customers/[0-9a-f]{2}/acme-trading-co.yaml \(the same company name\)$"
mkdir -p orders/00
printf 'number: PO-X\ncustomer: nobody\nship-by: 2026-12-01\n' >orders/00/po-x.yaml
gd 1 check
has "$TMP/err" "^orders/00/po-x.yaml: customer 'nobody' does not exist$"
rm orders/00/po-x.yaml

# conflicts from sync are listed
printf 'conflicts:\n  - field: tier\n    value: A\n    by: wang.fang@example.com\n    at: 2026-11-20T10:00:00+08:00\n' >>"$f"
gd 1 check
has "$TMP/err" "open conflict"

done_testing
