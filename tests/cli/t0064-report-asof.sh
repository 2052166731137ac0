# A past period is reported as the ledger stood at its end (SPEC 3.5): a
# history built commit by commit with a moving clock reads back as it was.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
# the clock, the author's and the committer's times move together
at() { export GENDAN_NOW=$1 GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1; }

at 2026-11-02T09:00:00+00:00
"$GENDAN" add customer "Alpha Lights" --tier A >/dev/null
"$GENDAN" add customer "Beta Lamps" --tier B --owner wang.fang@example.com >/dev/null
at 2026-11-10T09:00:00+00:00
"$GENDAN" add order PO-7 --customer alpha --ship-by 2026-12-30 --currency USD >/dev/null
"$GENDAN" pay PO-7 deposit --amount 1000 --due 2026-11-20 >/dev/null
"$GENDAN" pay PO-7 balance --amount 5000 --due 2026-12-10 >/dev/null
at 2026-11-18T09:00:00+00:00
"$GENDAN" pay PO-7 deposit --received 2026-11-18 --amount 600 >/dev/null
"$GENDAN" log alpha -m "Deposit part paid" --via phone >/dev/null
# a file nobody should have committed, there from 11-20 to 11-24
at 2026-11-20T12:00:00+00:00
mkdir -p customers/zz
printf 'name: [unclosed\n' >customers/zz/broken.yaml
ln -s /etc/passwd customers/zz/link.yaml
{ echo "name: Big"; head -c 2000000 /dev/zero | tr '\0' '#'; echo; } >customers/zz/big.yaml
git add customers/zz
git commit -qm "hand-made"
at 2026-11-24T12:00:00+00:00
git rm -q -r customers/zz
git commit -qm "removed"
at 2026-11-25T08:00:00+00:00
"$GENDAN" add inquiry --from Maria --company "Lopez SA" --product "solar light" \
	--received 2026-11-25T08:00:00+00:00 >/dev/null
# after November: re-graded, a new A customer, December money, a later inquiry
at 2026-12-01T10:00:00+00:00
"$GENDAN" add inquiry --from Omar --company "Gulf Lights" --product "flood light" \
	--received 2026-12-01T10:00:00+00:00 >/dev/null
at 2026-12-02T09:00:00+00:00
"$GENDAN" set alpha tier=B >/dev/null
at 2026-12-03T09:00:00+00:00
"$GENDAN" add customer "Gamma New" --tier A >/dev/null
at 2026-12-04T09:00:00+00:00
"$GENDAN" pay PO-7 deposit --received 2026-12-04 --amount 400 >/dev/null
# work done in November, logged (synced) in December, counts in November
GIT_AUTHOR_EMAIL=wang.fang@example.com "$GENDAN" log beta -m "Visited the showroom" \
	--at 2026-11-26T15:00:00+00:00 >/dev/null
at 2026-12-05T09:00:00+00:00
"$GENDAN" set beta next=2026-12-06 >/dev/null

gd 0 report month --date 2026-11-30
cp "$TMP/out" "$TMP/nov.md"
hasnt "$TMP/nov.md" "Gamma New"
has "$TMP/nov.md" "^## A-list$"
has "$TMP/nov.md" "^- Alpha Lights \(customer/alpha-lights\), li.lei@example.com: last contact 2026-11-18"
has "$TMP/nov.md" "^- PO-7 deposit: USD 600 on 2026-11-18$"
hasnt "$TMP/nov.md" "on 2026-12-04"
has "$TMP/nov.md" "^- total USD 600$"
has "$TMP/nov.md" "^## Outstanding as of 2026-11-30$"
has "$TMP/nov.md" "^- PO-7 deposit: USD 400, due 2026-11-20$"
has "$TMP/nov.md" "^- total USD 5400$"
has "$TMP/nov.md" "^## Overdue as of 2026-11-30$"
has "$TMP/nov.md" "PO-7 .*due 2026-11-20, 10 days late"
has "$TMP/nov.md" "^- wang.fang@example.com: 1$"
gd 0 report month --date 2026-11-30 --format=json
has "$TMP/out" '"ended": true'
has "$TMP/out" '"outstanding": \{'
# December, the current month: states of today, overdue as of now
gd 0 report month
sed -n '/^## A-list/,/^## Payments/p' "$TMP/out" >"$TMP/alist"
has "$TMP/alist" "^- Gamma New"
hasnt "$TMP/alist" "Alpha Lights"
has "$TMP/out" "^- PO-7 deposit: USD 400 on 2026-12-04$"
has "$TMP/out" "^- total USD 5000$"

gd 0 report week --date 2026-11-25
cp "$TMP/out" "$TMP/w48.md"
has "$TMP/w48.md" "^# Weekly report 2026-11-23 to 2026-11-29$"
has "$TMP/w48.md" "Lopez SA .*solar light: \*\*not replied\*\* \(over 24h\)$"
hasnt "$TMP/w48.md" "Gulf Lights"
has "$TMP/w48.md" "^- Beta Lamps \(customer/beta-lamps\): 1 contact$"
has "$TMP/w48.md" "^## Overdue as of 2026-11-29$"
hasnt "$TMP/w48.md" "-[0-9]+ days? late"
has "$TMP/w48.md" "^- Lopez SA .*: due 2026-11-26, 3 days late: reply owed"

# no commit that old: no states, and the events still
gd 0 report month --date 2026-10-15 --format=json
has "$TMP/out" '"key_customers": \[\]'

# the same bytes again, and after more commits
"$GENDAN" report week --date 2026-11-25 >"$TMP/again"
check "a past week twice: the same bytes" cmp "$TMP/w48.md" "$TMP/again"
at 2026-12-05T10:00:00+00:00
"$GENDAN" log lopez -m "Sent prices" >/dev/null
"$GENDAN" set alpha tier=A >/dev/null
"$GENDAN" pay PO-7 balance --received 2026-12-05 >/dev/null
"$GENDAN" report week --date 2026-11-25 >"$TMP/again"
check "a past week after more commits: the same bytes" cmp "$TMP/w48.md" "$TMP/again"
"$GENDAN" report month --date 2026-11-30 >"$TMP/again"
check "a past month after more commits: the same bytes" cmp "$TMP/nov.md" "$TMP/again"

# the current week: overdue as of now, not as of Sunday
gd 0 report week
has "$TMP/out" "^## Overdue as of 2026-12-05$"
hasnt "$TMP/out" "Beta Lamps .*due 2026-12-06"
hasnt "$TMP/out" "-[0-9]+ days? late"

# an uncommitted hand edit is not history: the past stays as it was
sed -i 's/^tier: B/tier: A/' customers/*/beta-lamps.yaml
gd 0 report month --date 2026-11-30
sed -n '/^## A-list/,/^## Payments/p' "$TMP/out" >"$TMP/alist"
hasnt "$TMP/alist" "Beta Lamps"
git checkout -q -- customers

# a record file in history that is not valid is named and left out
gd 0 report week --date 2026-11-20
has "$TMP/err" "customers/zz/broken.yaml"
has "$TMP/err" "customers/zz/link.yaml: symbolic links are not allowed"
has "$TMP/err" "customers/zz/big.yaml: file is larger than"
has "$TMP/out" "^# Weekly report 2026-11-16 to 2026-11-22$"

# a payment of the previous version, received in full with no receipts:
# what it lacked came in that day
cat >orders/zz-po-old.yaml <<'YAML'
number: PO-OLD
customer: alpha-lights
status: shipped
currency: EUR
ship-by: 2026-11-30
payments:
  - what: balance
    amount: 250.50
    due: 2026-11-20
    received: 2026-11-21
YAML
git add orders && git commit -qm "previous version"
gd 0 report month --date 2026-11-30
has "$TMP/out" "^- PO-OLD balance: EUR 250.5 on 2026-11-21$"
has "$TMP/out" "^- total EUR 250.5$"
rm orders/zz-po-old.yaml && git commit -qam "gone"

# a file the snapshot has where HEAD has a symbolic link: the snapshot's
new_ledger "$TMP/l2"
at 2026-11-10T09:00:00+00:00
mkdir -p customers/zz
printf 'name: Turned Link\ntier: A\nstatus: active\ncreated: 2026-11-10\n' >customers/zz/turned.yaml
git add customers && git commit -qm "by hand"
at 2026-12-01T09:00:00+00:00
rm customers/zz/turned.yaml && ln -s /etc/hostname customers/zz/turned.yaml
git add customers && git commit -qm "now a link"
at 2026-12-05T09:00:00+00:00
gd 0 report month --date 2026-11-30
has "$TMP/out" "^- Turned Link \(customer/turned\)"

done_testing
