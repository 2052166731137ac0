# Import errors name the place (SPEC 3.6): FILE:LINE: column 'COL': message,
# LINE where the row starts (quoted line breaks counted), COL the header as
# the file writes it; every bad row listed, nothing imported; a duplicate
# names both records (and the existing one's owner), or both lines.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example \
	--owner han.mei@example.com >/dev/null

# rows that span lines: the second bad row starts on line 5
printf '客户名称,等级,邮箱,下次跟进,备注\r\n' >"$TMP/zh.csv"
printf '"Foo\r\nBar Ltd",Z,x@foo.example,,\r\n' >>"$TMP/zh.csv"
printf 'Fine Co,B,fine@fine.example,,"one\r\ntwo"\r\n' >>"$TMP/zh.csv"
printf 'Bad Date Co,B,bd@bd.example,2026-13-45,\r\n' >>"$TMP/zh.csv"
printf 'Acme Again,C,sales@acme.example,,\r\n' >>"$TMP/zh.csv"
printf ',C,noname@nn.example,,\r\n' >>"$TMP/zh.csv"
printf 'Twin One,C,twin@twin.example,,\r\n' >>"$TMP/zh.csv"
printf 'Twin Two,C,twin@twin.example,,\r\n' >>"$TMP/zh.csv"
cp "$TMP/zh.csv" rows.csv
before=$(commits)
gd 1 import csv rows.csv
has "$TMP/err" "^gendan: rows.csv:2: column '等级': tier 'Z' is not one of A B C D$"
has "$TMP/err" "^gendan: rows.csv:6: column '下次跟进': invalid date '2026-13-45'"
has "$TMP/err" "^gendan: rows.csv:7: column '邮箱': .*customer/acme-trading-co .*owned by han.mei@example.com"
has "$TMP/err" "^gendan: rows.csv:8: column '客户名称': "
has "$TMP/err" "^gendan: rows.csv:10: column '邮箱': .*line 9, Twin One"
has "$TMP/err" "rows.csv: 5 bad rows: nothing imported"
hasnt "$TMP/err" "yaml"
hasnt "$TMP/err" "^gendan: rows.csv:4"
eq "a refused file commits nothing" "$before" "$(commits)"
check "a refused file writes nothing" test -z "$(ls customers/*/fine-co.yaml 2>/dev/null)"
rm rows.csv
clean "after a refused import"

# FILE as typed, also a path
mkdir -p "$TMP/in"
printf 'name,tier\nX Co,q\n' >"$TMP/in/t.csv"
gd 1 import "$TMP/in/t.csv"
has "$TMP/err" "^gendan: $TMP/in/t.csv:2: column 'tier': tier 'q' is not one of A B C D$"

# a GBK file: the header as written, in UTF-8
printf '客户名称,等级\r\n宁波海天,Q级\r\n' | iconv -f UTF-8 -t GB18030 >"$TMP/gbk.csv"
gd 1 import "$TMP/gbk.csv"
has "$TMP/err" "gbk.csv:2: column '等级': tier 'Q级' is not one of A B C D$"

# an id column: invalid and taken ids name it
printf 'ID,Name\nacme-trading-co,ACME\nBad Id!,Bad\n' >"$TMP/ids.csv"
gd 1 import "$TMP/ids.csv" --force
has "$TMP/err" "ids.csv:2: column 'ID': customer 'acme-trading-co' already exists"
has "$TMP/err" "ids.csv:3: column 'ID': invalid id 'Bad Id!'"

# owners by the team rules, named by the owner column
team_of_two
printf 'name,Company owner\nOwned Co,韩梅梅\nStranger Co,Bob Smith\n' >"$TMP/own.csv"
gd 1 import "$TMP/own.csv"
has "$TMP/err" "own.csv:3: column 'Company owner': .*Bob Smith"
hasnt "$TMP/err" "own.csv:2"
grep -v Stranger "$TMP/own.csv" >"$TMP/own2.csv"
gd 0 import "$TMP/own2.csv"
has "$(ls customers/*/owned-co.yaml)" "^owner: han.mei@example.com$"

# a required field no column gives: the line alone
printf 'number,customer\nPO-1,acme-trading-co\n' >"$TMP/o.csv"
gd 1 import "$TMP/o.csv" --kind order
has "$TMP/err" "^gendan: $TMP/o.csv:2: 'ship-by' is required$"

# --force adds duplicates, as before
printf 'name,email\nAcme Again,sales@acme.example\n' >"$TMP/dup.csv"
gd 1 import "$TMP/dup.csv"
gd 0 import "$TMP/dup.csv" --force
has "$TMP/out" "imported 1 customer record"
# two nameless inquiries with one email: the earlier row is named by its
# id (a record without a name was printed as "(null)")
printf 'received,email\n2026-12-01,a@buyer.example\n2026-12-01,a@buyer.example\n' >"$TMP/q.csv"
gd 1 import "$TMP/q.csv" --kind inquiry
has "$TMP/err" "q.csv:3: column 'email': .*duplicate of line 2, q-[0-9]{8}-[0-9a-f]{4} \(same email a@buyer.example\)"
hasnt "$TMP/err" "null"

# a row whose record would be too large to read back is named by its
# line, as any bad row; the others import with --rejects
python3 -c '
import sys
big = "x" * 600000
sys.stdout.write("name,note,city\nFat Co,%s,%s\nSlim Co,,Ningbo\n" % (big, big))' >"$TMP/fat.csv"
before=$(commits)
gd 1 import "$TMP/fat.csv"
has "$TMP/err" "^gendan: $TMP/fat.csv:2: .*larger than 1048576 bytes"
has "$TMP/err" "fat.csv: 1 bad row: nothing imported"
eq "nothing committed" "$before" "$(commits)"
gd 0 import "$TMP/fat.csv" --rejects "$TMP/fat-rejects.csv"
has "$TMP/out" "imported 1 customer record"
check "the fat row is in the rejects" grep -q "^Fat Co," "$TMP/fat-rejects.csv"
eq "one commit" $((before + 1)) "$(commits)"
clean

done_testing
