# Payments with receipts and fees (SPEC 2.2, pay in SPEC 3): the plan never
# changes; a receipt and its fee count as paid; more than outstanding is
# refused; `received` is set once nothing is outstanding.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Gulf Lights LLC" --tier A >/dev/null
"$GENDAN" add order "PO-1" --customer gulf --ship-by 2026-12-30 --currency USD >/dev/null
f=$(ls orders/*/po-1.yaml)

gd 0 pay po-1 balance --amount 3202.50 --due 2026-12-01
gd 0 pay po-1 balance --received 2026-11-22 --amount 3180 --fee 22.50 -m "bank charges"
has "$f" "^    amount: 3202.50$"
has "$f" '^      - "?on"?: 2026-11-22$'
has "$f" "^        amount: 3180$"
has "$f" "^        fee: 22.50$"
has "$f" "^        note: bank charges$"
has "$f" "^    received: 2026-11-22$"

gd 0 pay po-1 deposit --amount 1,000 --due 2026-11-20
gd 0 pay po-1 deposit --received --amount 400
hasnt "$f" "received: 2026-11-23"
gd 0 show po-1
has "$TMP/out" "deposit +USD 1000 \(USD 600 outstanding\) +2026-11-20"
has "$TMP/out" "balance +USD 3202.50 +2026-12-01 +2026-11-22"
before=$(commits)
gd 1 pay po-1 deposit --received --amount 600.01
has "$TMP/err" "deposit.*600 outstanding"
gd 1 pay po-1 deposit --received --fee 1e2
gd 1 pay po-1 balance --received
has "$TMP/err" "already received"
gd 2 pay po-1 deposit --fee 5
eq "refused payments commit nothing" "$before" "$(commits)"
gd 0 report month --format=json
has "$TMP/out" '"outstanding": "600"'
has "$TMP/out" '"USD": "600"'
gd 0 report month
has "$TMP/out" "^- PO-1 deposit: USD 600, due 2026-11-20$"
has "$TMP/out" "^- total USD 600$"
# the rest, less a fee, by default
gd 0 pay po-1 deposit --received 2026-11-23 --fee 15
has "$f" "^        amount: 585$"
has "$f" "^    received: 2026-11-23$"
has "$f" "^    amount: 1000$"

# a ledger of the previous version: received only, float-looking amounts
cat >"$f" <<'YAML'
number: PO-1
customer: gulf-lights-llc
status: open
currency: USD
ship-by: 2026-12-30
payments:
  - what: deposit
    amount: 3202.50
    due: 2026-11-20
    received: 2026-11-21
  - what: balance
    amount: 7020.0
    due: 2026-12-20
YAML
git commit -qam "previous version"
gd 0 show po-1
has "$TMP/out" "balance +USD 7020.0 +2026-12-20"
gd 0 ls order
gd 0 check
eq "reading rewrites nothing" "" "$(git status --porcelain)"
done_testing
