# gendan show, ls and find.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example --country US --city Chicago --tag lighting >/dev/null
"$GENDAN" add customer "宁波海天贸易有限公司" --id haitian --tier A --phone "+86 574 8888 1234" --country CN --city Ningbo >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --tier A --country AE --email ahmed@gulflights.ae >/dev/null
"$GENDAN" log haitian -m "Asked about the 20ft container price" --via wechat >/dev/null

gd 0 show haitian
has "$TMP/out" "^customer/haitian  宁波海天贸易有限公司$"
has "$TMP/out" "Asked about the 20ft container price"
has "$TMP/out" "^  due"
gd 0 show haitian --format=json
has "$TMP/out" '"name": "宁波海天贸易有限公司"'
has "$TMP/out" '"kind": "customer"'
has "$TMP/out" '"id": "haitian"'
has "$TMP/out" '"path": "customers/[0-9a-f]{2}/haitian.yaml"'
has "$TMP/out" '"phone": "\+86 574 8888 1234"'
gd 0 show haitian --format=yaml
cp "$TMP/out" "$TMP/show.yaml"
check "show --format=yaml is the file" cmp "$TMP/show.yaml" "$(ls customers/*/haitian.yaml)"
gd 1 show nobody

gd 0 ls customer --tier A --country CN --format=tsv
eq "ls filters combine" "haitian" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 ls --tier A --format=tsv
eq "ls by tier" "gulf-lights-llc haitian" "$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
gd 0 ls --tag lighting --format=tsv
eq "ls by tag" "acme-trading-co" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 ls --format=json
has "$TMP/out" '^\[$'
has "$TMP/out" '"id": "acme-trading-co"'
gd 0 ls
has "$TMP/out" "^REF +NAME +GRADE"
gd 2 ls widgets

gd 0 find 8888 --format=tsv
eq "find by phone digits" "haitian" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 find 海天 --format=tsv
eq "find Chinese name" "haitian" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 find GULFLIGHTS --format=tsv
eq "find email, case-insensitive" "gulf-lights-llc" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 find container --format=tsv
eq "find in log notes" "haitian" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 find nothing-like-this --format=tsv
eq "find nothing" "" "$(tail -n +2 "$TMP/out")"

done_testing
