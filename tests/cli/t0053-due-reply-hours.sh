# gendan due: a reply owed is due at a time; the table says "in 3h" or
# "5h late" within two days of it, not "today" (SPEC 2.3; issue 14 item 12).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-23T09:00:00+00:00
"$GENDAN" add inquiry --from "Ann" --company "Acme Lights" --received 2026-11-23T02:00:00+00:00 >/dev/null
"$GENDAN" add inquiry --from "Bob" --company "Bravo Lamps" --received 2026-11-19T08:00:00+00:00 >/dev/null
# Acme: due 2026-11-24T02:00, 17h from now; Bravo: 3 days late
gd 0 due
has "$TMP/out" "^2026-11-24 +in 17h +inquiry/"
has "$TMP/out" "^2026-11-20 +3d late +inquiry/"
# 5 hours past the deadline, the same day
export GENDAN_NOW=2026-11-24T07:00:00+00:00
gd 0 due
has "$TMP/out" "^2026-11-24 +5h late +inquiry/"
hasnt "$TMP/out" "today"
# and in Chinese
LANGUAGE=zh_CN "$GENDAN" due >"$TMP/zh" 2>&1
has "$TMP/zh" "5 ?小时"
# more than two days late: days again
export GENDAN_NOW=2026-11-27T07:00:00+00:00
gd 0 due
has "$TMP/out" "^2026-11-24 +3d late +inquiry/"
# machine formats keep the day count
gd 0 due --format=tsv
has "$TMP/out" "	2026-11-24	3	reply	"
done_testing
