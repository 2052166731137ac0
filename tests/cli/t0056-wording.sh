# Wording of issue 14 item 12: "1 day late", not "1 days late"; `ls` says
# "hold ended DATE" once the hold has ended; the same in zh_CN.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-12-02T09:00:00+00:00
"$GENDAN" add customer "Acme Lights" --tier B >/dev/null
"$GENDAN" hold acme --until 2026-12-10 -m "trade fair" >/dev/null
gd 0 ls customer
has "$TMP/out" "active \(hold until 2026-12-10\)"
# on the day it ends, and after, the hold has ended
export GENDAN_NOW=2026-12-10T09:00:00+00:00
gd 0 ls customer
has "$TMP/out" "active \(hold ended 2026-12-10\)"
hasnt "$TMP/out" "hold until"
LANGUAGE=zh_CN "$GENDAN" ls customer >"$TMP/zh" 2>&1
hasnt "$TMP/zh" "hold ended"
export GENDAN_NOW=2026-12-20T09:00:00+00:00
gd 0 ls customer --format=tsv
has "$TMP/out" "active \(hold ended 2026-12-10\)"

# a report's overdue line one day late
cd "$TMP" && new_ledger "$TMP/r"
export GENDAN_NOW=2026-11-21T09:00:00+00:00
"$GENDAN" add customer "Bravo Lamps" --tier B >/dev/null
export GENDAN_NOW=2026-11-26T09:00:00+00:00
gd 0 report week --date 2026-11-18
has "$TMP/out" "Bravo Lamps .*: due 2026-11-21, 1 day late: "
hasnt "$TMP/out" "1 days late"
done_testing
