# Relative paths (FILE, --rejects) are taken from the directory the command
# was started in, not the -C ledger (SPEC 3.6).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/ledger"
mkdir -p "$TMP/x"
cd "$TMP/x" || exit 1
printf 'name,tier\nGood Co,A\nBad Co,Z\n' >rows.csv
gd 0 -C "$TMP/ledger" import rows.csv --rejects bad.csv
has "$TMP/out" "imported 1 customer record"
check "the rejects are where the command started" test -f "$TMP/x/bad.csv"
check "not in the ledger" test ! -e "$TMP/ledger/bad.csv"
has "$TMP/x/bad.csv" "^Bad Co,Z,.*rows.csv:3: column 'tier'"
check "the row went into the ledger" test -n "$(ls "$TMP"/ledger/customers/*/good-co.yaml)"
# a relative file that exists only in the ledger is not read from there
cp rows.csv "$TMP/ledger/only.csv"
gd 1 -C "$TMP/ledger" import only.csv
has "$TMP/err" "only.csv"
# the same with a subdirectory and ..
mkdir -p sub
cd sub || exit 1
printf 'name\nOther Co\n' >../other.csv
gd 0 -C ../../ledger import ../other.csv --rejects ../r2.csv
check "the ledger has it" test -n "$(ls "$TMP"/ledger/customers/*/other-co.yaml)"
cd "$TMP/ledger" || exit 1
rm only.csv
clean
done_testing
