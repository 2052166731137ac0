# Money and quantities are exact decimals (SPEC 2.2): 7.8 prints as 7.8 in
# JSON, thousands separators are read, --item is split from the right.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Gulf Lights LLC" --tier A >/dev/null

gd 0 add order "PO-1" --customer gulf --ship-by 2026-12-30 --item "LED筒灯:2,000:18.5" --item "panel:3000:7.8" --item "a:b:1 000" --currency USD
f=$(ls orders/*/po-1.yaml)
has "$f" "^  - product: LED筒灯$"
has "$f" "^    qty: 2000$"
has "$f" "^    price: 18.5$"
has "$f" "^  - product: a:b$"
has "$f" "^    qty: 1000$"
gd 0 show po-1 --format=json
has "$TMP/out" '"price": 7.8$'
hasnt "$TMP/out" '7.79999'
has "$TMP/out" '"qty": 2000,'
gd 0 pay po-1 deposit --amount "1,234.50" --due 2026-12-01
has "$f" "^    amount: 1234.5$"
gd 0 show po-1 --format=json
has "$TMP/out" '"amount": 1234.5'

# refused: a grouping that is not of three, a negative quantity, exponents
before=$(commits)
gd 1 add order "PO-2" --customer gulf --ship-by 2026-12-30 --item "x:1,5"
gd 1 add order "PO-2" --customer gulf --ship-by 2026-12-30 --item "x:2:-1"
gd 1 pay po-1 balance --amount 1e3
has "$TMP/err" "1e3"
gd 1 pay po-1 balance --amount 12,34
eq "failed commands commit nothing" "$before" "$(commits)"

# by hand: an exponent is not an amount; a float-looking 3202.50 stays as written
sed -i 's/^    amount: 1234.5$/    amount: 1e3/' "$f"
gd 1 check
has "$TMP/err" "amount: '1e3' is not a number"
sed -i 's/^    amount: 1e3$/    amount: 3202.50/' "$f"
gd 0 check
gd 0 show po-1
has "$TMP/out" "3202.50"
git diff --quiet -- "$f" || git commit -qam "by hand"
gd 0 show po-1 --format=json
has "$TMP/out" '"amount": 3202.5,?$'
done_testing
