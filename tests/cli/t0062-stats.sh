# stats (SPEC 3): the rows sum to total; a record with several values counts
# once under each; records without one under (none); percentages rounded.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Gulf Lights LLC" --tier A >/dev/null
for i in 1 2 3 4 5 6 7; do
	"$GENDAN" add inquiry --from "Buyer $i" --email "b$i@example.com" --product lamp --force >/dev/null || echo "# add inquiry $i failed"
done
for q in $(ls inquiries/*/* | head -2); do
	id=$(basename "$q" .yaml)
	"$GENDAN" set "$id" status=won >/dev/null || echo "# set $id failed"
done
"$GENDAN" add order "PO-1" --customer gulf --ship-by 2026-12-30 --item "lamp:10" --item "driver:10" --item "lamp:5" >/dev/null
"$GENDAN" add order "PO-2" --customer gulf --ship-by 2026-12-30 >/dev/null

gd 0 stats --by product
has "$TMP/out" "^total: 10$"
has "$TMP/out" "^records: 9$"
has "$TMP/out" "lamp +8$"
has "$TMP/out" "driver +1$"
has "$TMP/out" "none\) +1$"
has "$TMP/out" "2 of 7 \(29%\)"
gd 0 stats --by product --format=json
has "$TMP/out" '"total": 10,'
has "$TMP/out" '"records": 9,'
gd 0 stats --by tier
has "$TMP/out" "^total: 10$"
hasnt "$TMP/out" "^records:"
done_testing
