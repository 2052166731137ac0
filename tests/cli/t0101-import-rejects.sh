# import --rejects OUT.csv (SPEC 3.6): the good rows in one commit, each bad
# row with its original columns and an `error` column in OUT.csv (UTF-8,
# ',', RFC 4180 quoting, formula-safe), exit 0.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null

# a semicolon file in GB18030 with a quoted line break
printf '客户名称;等级;电话;备注\r\n' >"$TMP/in.txt"
printf 'Good One;A;+86 574 8888 1234;\r\n' >>"$TMP/in.txt"
printf '"=HYPERLINK(""http://evil.example/"",""x"")";Z;+1 312-555-0100;"two\r\nlines"\r\n' >>"$TMP/in.txt"
printf 'Good Two;b级;;\r\n' >>"$TMP/in.txt"
printf 'ACME Trading;C;;"a, b"\r\n' >>"$TMP/in.txt"
iconv -f UTF-8 -t GB18030 "$TMP/in.txt" >"$TMP/in.csv"
before=$(commits)
gd 0 import "$TMP/in.csv" --rejects "$TMP/bad.csv"
has "$TMP/out" "imported 2 customer records"
has "$TMP/out" "rejected 2 rows: see $TMP/bad.csv"
eq "one commit for the good rows" $((before + 1)) "$(commits)"
check "good one added" test -n "$(ls customers/*/good-one.yaml)"
check "good two added" test -n "$(ls customers/*/good-two.yaml)"
clean
head -1 "$TMP/bad.csv" >"$TMP/h"
eq "the original header and error" "客户名称,等级,电话,备注,error" "$(tr -d '\r' <"$TMP/h")"
eq "three records: header and two rows" 3 "$(python3 -c '
import csv, sys
print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))))' "$TMP/bad.csv")"
python3 - "$TMP/bad.csv" >"$TMP/rows" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
for r in rows[1:]:
    print("|".join(x.replace("\r\n", "\\n") for x in r))
PY
has "$TMP/rows" "^'=HYPERLINK\(\"http://evil.example/\",\"x\"\)\|Z\|'\+1 312-555-0100\|two\\\\nlines\|.*in.csv:3: column '等级': tier 'Z' is not one of A B C D$"
has "$TMP/rows" "^ACME Trading\|C\|\|a, b\|.*in.csv:6: column '客户名称': .*customer/acme-trading-co"
check "CRLF line ends" grep -q "$(printf '\r')\$" "$TMP/bad.csv"

# the rejects file imports again once fixed, its error column ignored
sed -i 's/;Z;/;A;/' "$TMP/in.txt"
python3 - "$TMP/bad.csv" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8", newline="").read().replace(",Z,", ",A,")
open(p, "w", encoding="utf-8", newline="").write(t)
PY
gd 0 import "$TMP/bad.csv" --rejects "$TMP/bad2.csv"
has "$TMP/out" "imported 1 customer record"
has "$TMP/out" "rejected 1 row: see"
hasnt "$TMP/err" "column 'error'"
eq "read again, one error column" "客户名称,等级,电话,备注,error" "$(head -1 "$TMP/bad2.csv" | tr -d '\r')"
f=$(grep -l HYPERLINK customers/*/*.yaml)
has "$f" '^name: =HYPERLINK'
has "$f" '^phone: "\+1 312-555-0100"$'

# no good rows: no commit, the rejects written, exit 0
printf 'name,tier\nBad,Z\n' >"$TMP/allbad.csv"
before=$(commits)
gd 0 import "$TMP/allbad.csv" --rejects "$TMP/r3.csv"
eq "no good rows, no commit" "$before" "$(commits)"
has "$TMP/out" "rejected 1 row"
has "$TMP/r3.csv" "^Bad,Z,"

# nothing bad: no rejects file
printf 'name\nClean Co\n' >"$TMP/ok.csv"
gd 0 import "$TMP/ok.csv" --rejects "$TMP/r4.csv"
check "no rejects file when nothing is rejected" test ! -e "$TMP/r4.csv"

# OUT.csv must not be the input, however it is named
gd 1 import "$TMP/allbad.csv" --rejects "$TMP/allbad.csv"
has "$TMP/err" "is the file being imported"
mkdir -p "$TMP/sub"
gd 1 import "$TMP/allbad.csv" --rejects "$TMP/sub/../allbad.csv"
has "$TMP/err" "is the file being imported"
eq "the input is untouched" "name,tier" "$(head -1 "$TMP/allbad.csv")"
# an unwritable OUT.csv: nothing imported
printf 'name,tier\nNew Co,A\nBad,Z\n' >"$TMP/mixed.csv"
before=$(commits)
gd 1 import "$TMP/mixed.csv" --rejects "$TMP/nodir/r.csv"
eq "rejects not written, nothing imported" "$before" "$(commits)"
clean
done_testing
