# Import from CSV (as Excel writes it) and export CSV, JSON and ICS.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null

# UTF-8 with BOM, CRLF, quoted commas, quotes and line breaks
printf '\357\273\277Name,Tier,E-Mail,Country,Notes,Fax\r\n' >"$TMP/in.csv"
printf '"Gulf Lights, LLC",A,ahmed@gulflights.ae,AE,"Met at fair; said ""call me""",123\r\n' >>"$TMP/in.csv"
printf '宁波海天贸易有限公司,B,,CN,"line one\r\nline two",\r\n' >>"$TMP/in.csv"
printf 'Nordic Lamp AB,C,inkop@nordiclamp.se,SE,,\r\n' >>"$TMP/in.csv"
before=$(git rev-list --count HEAD)
gd 0 import csv "$TMP/in.csv" --kind customer --map E-Mail=email --map Notes=note --dry-run
has "$TMP/out" "would import 3 customer records"
has "$TMP/err" "column 'Fax' is neither mapped nor a field: ignored"
eq "dry run commits nothing" "$before" "$(git rev-list --count HEAD)"
gd 0 import csv "$TMP/in.csv" --kind customer --map E-Mail=email --map Notes=note
has "$TMP/out" "imported 3 customer records"
eq "one commit for the import" $((before + 1)) "$(git rev-list --count HEAD)"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^Gendan-Action: import$"
eq "one trailer per record" 3 "$(grep -c '^Gendan-Record: ' "$TMP/msg")"
f=$(ls customers/*/gulf-lights-llc.yaml)
has "$f" '^name: Gulf Lights, LLC$'
has "$f" '^note: Met at fair; said "call me"$'
has "$f" "^owner: li.lei@example.com$"
has "$f" "^created: 2026-11-23$"
has "$(ls customers/c-*.yaml customers/*/c-*.yaml 2>/dev/null | head -1)" 'note: "line one\\r\\nline two"'
clean

# the whole file or nothing: bad rows named by line
cat >"$TMP/bad.csv" <<'CSV'
name,tier,email
Fine Co,B,fine@fine.example
Bad Tier Co,Z,bad@bad.example
Dup In File,B,same@dup.example
Dup In File Two,B,same@dup.example
Acme Again,C,sales@acme.example
CSV
before=$(git rev-list --count HEAD)
gd 1 import csv "$TMP/bad.csv" --kind customer
has "$TMP/err" "bad.csv:3: column 'tier': tier 'Z' is not one of A B C D"
has "$TMP/err" "bad.csv:5: .*duplicate.*same@dup.example"
has "$TMP/err" "bad.csv:6: .*acme-trading-co"
has "$TMP/err" "3 bad rows: nothing imported"
eq "a bad file commits nothing" "$before" "$(git rev-list --count HEAD)"
check "a bad file writes nothing" test -z "$(ls customers/*/fine-co.yaml 2>/dev/null)"
clean "after a refused import"
grep -v 'Z,' "$TMP/bad.csv" >"$TMP/forced.csv"
gd 0 import csv "$TMP/forced.csv" --kind customer --force
has "$TMP/out" "imported 4 customer records"
printf 'name\n"unclosed\n' >"$TMP/broken.csv"
gd 1 import csv "$TMP/broken.csv" --kind customer
gd 1 import csv "$TMP/nothing.csv" --kind customer
gd 2 import csv "$TMP/in.csv" extra
gd 1 import csv "$TMP/in.csv" --kind customer --map E-Mail=colour

# inquiries from a CSV, ids from the received date
printf 'from.name,from.company,from.email,product,grade,received\nMaria,Lopez SA,maria@lopez.example,solar light,B,2026-11-20T10:00:00+00:00\n' >"$TMP/q.csv"
gd 0 import csv "$TMP/q.csv" --kind inquiry
check "inquiry imported with its id" test -n "$(ls inquiries/*/q-20261120-*.yaml)"

# export
gd 0 export csv customer
head -1 "$TMP/out" >"$TMP/h"
has "$TMP/h" "^id,name,tier,status,owner,email,phone,country,city,tags,source,created,next,note"
has "$TMP/out" '^gulf-lights-llc,"Gulf Lights, LLC",A,'
has "$TMP/out" '"Met at fair; said ""call me"""'
gd 0 export csv customer --bom
eq "--bom starts with the UTF-8 BOM" " ef bb bf" "$(head -c 3 "$TMP/out" | od -An -tx1)"
# round trip: what export writes, import reads
gd 0 export csv customer
cp "$TMP/out" "$TMP/all.csv"
new_ledger "$TMP/l2"
gd 0 import csv "$TMP/all.csv" --kind customer --force
for id in acme-trading-co gulf-lights-llc nordic-lamp-ab fine-co; do
	check "round trip keeps $id" cmp "$(ls "$TMP"/l/customers/*/$id.yaml)" "$(ls "$TMP"/l2/customers/*/$id.yaml)"
done

# a bulk import writes its objects as one pack, not a loose file each, and
# leaves a repository git finds whole and a work tree git finds clean
awk 'BEGIN { print "name,tier,email"; for (i = 1; i <= 300; i++)
	printf "Bulk Buyer %d,B,b%d@bulk%d.example\n", i, i, i }' >"$TMP/bulk.csv"
gd 0 import csv "$TMP/bulk.csv" --kind customer
has "$TMP/out" "imported 300 customer records"
loose=$(git count-objects -v | sed -n 's/^count: //p')
inpack=$(git count-objects -v | sed -n 's/^in-pack: //p')
check "the blobs are in a pack ($inpack packed, $loose loose)" \
	test "$inpack" -ge 300 -a "$loose" -lt 100
check "git fsck is clean after a bulk import" git fsck --no-progress --strict
eq "git status is clean after a bulk import" "" "$(git status --porcelain)"
# and a second one on top: only what it changed is packed
awk 'BEGIN { print "name,tier"; for (i = 1; i <= 40; i++)
	printf "Second Wave %d,C\n", i }' >"$TMP/bulk2.csv"
gd 0 import csv "$TMP/bulk2.csv" --kind customer
check "git fsck is clean after a second bulk import" git fsck --no-progress --strict
eq "git status is clean after it" "" "$(git status --porcelain)"
eq "every record is in HEAD" "$(ls customers/*/*.yaml | wc -l)" \
	"$(git ls-tree -r --name-only HEAD customers | wc -l)"
gd 0 check
# a large ledger's index is written as version 4 (prefix-compressed), which
# git reads: the next log commits, and git status stays clean
awk 'BEGIN { print "name,tier"; for (i = 1; i <= 10000; i++)
	printf "Big Ledger Buyer %d,D\n", i }' >"$TMP/big.csv"
gd 0 import csv "$TMP/big.csv" --kind customer
gd 0 log big-ledger-buyer-77 -m "called" --via phone
eq "a large index is version 4" " 4" "$(od -An -j4 -N4 -tu1 .git/index | awk '{ printf " %d", $4 }')"
eq "git status is clean with it" "" "$(git status --porcelain)"
check "git reads every entry" test "$(git ls-files | wc -l)" -ge 10300
cd "$TMP/l" || exit 1
gd 0 export json customer
has "$TMP/out" '"name": "Gulf Lights, LLC"'
gd 0 export ics
has "$TMP/out" "^BEGIN:VCALENDAR"
has "$TMP/out" "^UID:customer-gulf-lights-llc@gendan"
has "$TMP/out" "^DTSTART;VALUE=DATE:20261123"
has "$TMP/out" "^UID:inquiry-q-20261120-"
eq "one event per record with something due" \
	"$(ls customers/*/*.yaml inquiries/*/*.yaml | wc -l)" "$(grep -c '^BEGIN:VEVENT' "$TMP/out")"
eq "CRLF line ends" "$(wc -l <"$TMP/out")" "$(grep -c "$(printf '\r')$" "$TMP/out")"
cp "$TMP/out" "$TMP/a.ics"
gd 0 export ics
eq "UIDs and dates are stable between exports" "$(grep -v DTSTAMP "$TMP/a.ics")" "$(grep -v DTSTAMP "$TMP/out")"
gd 2 export xml

done_testing
