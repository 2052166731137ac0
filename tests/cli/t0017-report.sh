# Weekly report and monthly A-list, reproducible for a past date.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-16T09:00:00+00:00
"$GENDAN" add customer "ACME Trading Co." --tier A >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier B --owner wang.fang@example.com >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --tier A --email ahmed@gulflights.ae >/dev/null
# a contact is logged when it happened: the clock moves on to it
GENDAN_NOW=2026-11-17T18:00:00+00:00 "$GENDAN" log acme -m "Asked for samples" --via phone --at 2026-11-17 >/dev/null
GENDAN_NOW=2026-11-18T18:00:00+00:00 GIT_AUTHOR_EMAIL=wang.fang@example.com "$GENDAN" log bravo -m "Sent catalogue" --at 2026-11-18 >/dev/null
"$GENDAN" add inquiry --from Maria --company "Lopez SA" --product "solar light" --received 2026-11-18T08:00:00+00:00 >/dev/null
"$GENDAN" add order "PO-1" --customer gulf --ship-by 2026-12-30 >/dev/null
"$GENDAN" pay PO-1 deposit --amount 7020 --due 2026-11-20 >/dev/null
"$GENDAN" pay PO-1 deposit --received 2026-11-19 >/dev/null
"$GENDAN" pay PO-1 balance --amount 16380 --due 2026-12-28 >/dev/null

export GENDAN_NOW=2026-11-20T09:00:00+00:00
gd 0 report week
cp "$TMP/out" "$TMP/week.md"
has "$TMP/week.md" "^# Weekly report 2026-11-16 to 2026-11-22$"
has "$TMP/week.md" "^## Contacts: 2$"
has "$TMP/week.md" "^- wang.fang@example.com: 1$"
has "$TMP/week.md" "^- ACME Trading Co. \(customer/acme-trading-co\): 1 contact$"
has "$TMP/week.md" "Lopez SA .*solar light: \*\*not replied\*\*"
has "$TMP/week.md" "^- Gulf Lights LLC \(customer/gulf-lights-llc\), li.lei@example.com: last contact -"
gd 0 report week --format=json
has "$TMP/out" '"contacts": 2'
has "$TMP/out" '"reply_hours": null'
gd 0 report week --owner wang.fang@example.com --format=json
has "$TMP/out" '"contacts": 1'

# later contacts do not change a past week's report
GENDAN_NOW=2026-11-24T18:00:00+00:00 "$GENDAN" log lopez -m "Replied with prices" --at 2026-11-24 >/dev/null
GENDAN_NOW=2026-11-25T18:00:00+00:00 "$GENDAN" log acme -m "Samples sent" --at 2026-11-25 >/dev/null
export GENDAN_NOW=2026-11-26T09:00:00+00:00
gd 0 report week --date 2026-11-18
cp "$TMP/out" "$TMP/past.md"
has "$TMP/past.md" "^## Overdue as of 2026-11-22$"
eq "the week's events read the same once it has ended" \
	"$(sed '/^## Overdue/,$d' "$TMP/week.md")" "$(sed '/^## Overdue/,$d' "$TMP/past.md")"
GENDAN_NOW=2026-11-27T18:00:00+00:00 "$GENDAN" log bravo -m "Called again" --at 2026-11-27 >/dev/null
GENDAN_NOW=2026-11-28T09:00:00+00:00 gd 0 report week --date 2026-11-18
eq "a past week reads the same later" "$(cat "$TMP/past.md")" "$(cat "$TMP/out")"

gd 0 report month
has "$TMP/out" "^# Monthly report 2026-11-01 to 2026-11-30$"
has "$TMP/out" "^## A-list$"
has "$TMP/out" "Lopez SA .*solar light: replied in 145.0 h"
has "$TMP/out" "^- PO-1 deposit: 7020 on 2026-11-19$"
has "$TMP/out" "^- PO-1 balance: 16380, due 2026-12-28$"
gd 2 report year
gd 2 report week --format=xml
gd 1 report week --date someday

done_testing
