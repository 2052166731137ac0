# Team workflows: holds, hand-over, the public pool, statistics.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-10-01T09:00:00+00:00
"$GENDAN" add customer "ACME Trading Co." --tier A --country US >/dev/null
"$GENDAN" add customer "宁波海天贸易有限公司" --id haitian --tier B --country CN --source referral >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --tier A --country AE --owner wang.fang@example.com >/dev/null
"$GENDAN" add inquiry --from Maria --company "Lopez SA" --product "solar light" --grade B >/dev/null
export GENDAN_NOW=2026-11-23T09:00:00+00:00

# holds
gd 0 hold acme --until 2027-02-20 -m "Chinese New Year"
f=$(ls customers/*/acme-trading-co.yaml)
has "$f" "^hold:$"
has "$f" "^  until: 2027-02-20$"
has "$f" "^  reason: Chinese New Year$"
gd 0 due --format=tsv
hasnt "$TMP/out" "^acme-trading-co	"
gd 0 show acme
has "$TMP/out" "until: 2027-02-20"
gd 0 ls customer
has "$TMP/out" "active \(hold until 2027-02-20\)"
GENDAN_NOW=2027-02-20T09:00:00+00:00 "$GENDAN" due --format=tsv >"$TMP/out"
has "$TMP/out" "^acme-trading-co	.*	2027-02-20	0	"
gd 0 hold acme --clear
hasnt "$f" "hold"
gd 2 hold acme
gd 2 hold acme --until tomorrow --clear
gd 1 hold acme --until someday

# hand-over in one commit, with a briefing
before=$(git rev-list --count HEAD)
gd 0 reassign --from li.lei@example.com --to zhang.wei@example.com --kind customer
has "$TMP/out" "handed 2 records from li.lei@example.com to zhang.wei@example.com"
has "$TMP/out" "customer/haitian"
eq "one commit for the hand-over" $((before + 1)) "$(git rev-list --count HEAD)"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^reassign: 2 records from li.lei@example.com to zhang.wei@example.com$"
eq "two record trailers" 2 "$(grep -c '^Gendan-Record: ' "$TMP/msg")"
has "$f" "^owner: zhang.wei@example.com$"
gd 0 reassign --from nobody@example.com --to x@example.com
has "$TMP/out" "no records owned by"
gd 2 reassign --from a@x

# the public pool
gd 1 reclaim
has "$TMP/err" "public pool is off"
printf 'pool:\n  reclaim-after: 30d\n' >>gendan.yaml
"$GENDAN" commit -m "pool on" >/dev/null
GIT_AUTHOR_EMAIL=zhang.wei@example.com "$GENDAN" log haitian -m "called" --at 2026-11-20 >/dev/null
gd 0 reclaim --dry-run
has "$TMP/out" "would reclaim customer/gulf-lights-llc"
hasnt "$TMP/out" "haitian"
hasnt "$TMP/out" "acme" # handed over today
has "$f" "^owner: zhang.wei@example.com$"
has "$f" "^owner-since: 2026-11-23$"
# a month later, zhang never called acme
export GENDAN_NOW=2026-12-24T09:00:00+00:00
gd 0 reclaim
has "$TMP/out" "reclaimed customer/acme-trading-co"
has "$TMP/out" "customer/gulf-lights-llc"
hasnt "$f" "^owner:"
has "$f" "^owner-since: 2026-12-24$"
gd 0 ls --owner none --format=tsv
has "$TMP/out" "^acme-trading-co	"
gd 0 set acme owner=me
has "$f" "^owner: li.lei@example.com$"
clean
export GENDAN_NOW=2026-11-23T09:00:00+00:00

# statistics
gd 0 stats --by tier --format=tsv
has "$TMP/out" "^A	2$"
has "$TMP/out" "^B	2$"
gd 0 stats --by country --kind customer --format=json
has "$TMP/out" '"CN": 1'
has "$TMP/out" '"total": 3'
gd 0 stats --by product
has "$TMP/out" "solar light +1"
has "$TMP/out" "inquiries that became orders: 0 of 1"
"$GENDAN" set lopez customer=gulf >/dev/null
"$GENDAN" add order "PO-9" --customer gulf --ship-by 2027-01-30 >/dev/null
gd 0 stats --by product
has "$TMP/out" "inquiries that became orders: 1 of 1 \(100%\)"
gd 2 stats --by colour

done_testing
