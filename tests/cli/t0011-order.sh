# Orders: from PI to balance payment, stages against the plan.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Gulf Lights LLC" --tier A >/dev/null

gd 0 add order "PO#2026/118" --customer gulf --ship-by 2026-12-30 --item "LED panel 600x600:3000:7.80" --item "driver:3000" --currency USD
has "$TMP/out" "added order/po-2026-118"
f=$(ls orders/*/po-2026-118.yaml)
has "$f" '^number: PO#2026/118$'
has "$f" "^customer: gulf-lights-llc$"
has "$f" "^internal-by: 2026-12-25$"
has "$f" "^    plan: 2026-12-05$"
has "$f" "^    price: 7.80$"
has "$f" "^    qty: 3000$"
gd 0 show po-2026-118 --format=json
has "$TMP/out" '"qty": 3000'
has "$TMP/out" '"number": "PO#2026/118"'
clean

# bad input changes nothing
before=$(git rev-list --count HEAD)
gd 1 add order "PO-2" --customer nobody --ship-by 2026-12-30
gd 1 add order "PO-2" --customer gulf --ship-by 2026-11-01
has "$TMP/err" "before today"
gd 1 add order "PO-2" --customer gulf --ship-by 2026-02-30
gd 1 add order "PO-2" --customer gulf --ship-by 2026-12-30 --item "x:-5"
gd 1 add order "PO-2" --customer gulf --ship-by 2026-12-30 --item "nothing"
gd 1 add order "PO-2" --customer gulf --ship-by 2026-12-30 --buffer 5x
gd 2 add order "PO-2" --customer gulf
gd 1 stage po-2026-118 painting --done
has "$TMP/err" "no stage 'painting'"
gd 1 pay po-2026-118 deposit --amount -7
eq "failed commands commit nothing" "$before" "$(git rev-list --count HEAD)"

# a shorter buffer per order
gd 0 add order "HT-2611" --customer gulf --ship-by 2026-12-15 --buffer 2d
has "$(ls orders/*/ht-2611.yaml)" "^internal-by: 2026-12-13$"

# payments and stages
gd 0 pay PO#2026/118 deposit --amount 7020 --due 2026-11-25
gd 0 pay po-2026-118 balance --amount 16380 --due 2026-12-28
export GENDAN_NOW=2026-11-26T09:00:00+00:00
gd 0 due --format=tsv
has "$TMP/out" "^po-2026-118	order	PO#2026/118	.*	2026-11-25	1	payment	deposit USD 7020 due 2026-11-25	"
gd 0 pay po-2026-118 deposit --received yesterday
has "$f" "^    received: 2026-11-25$"
gd 0 due --format=tsv
hasnt "$TMP/out" "deposit"

export GENDAN_NOW=2026-12-08T09:00:00+00:00
gd 0 due --format=tsv
has "$TMP/out" "stage	materials planned 2026-12-05, 3 days late; internal-by 2026-12-25 at risk	"
gd 0 stage po-2026-118 materials --done -m "aluminium arrived late"
has "$f" "^    done: 2026-12-08$"
has "$f" "^    note: aluminium arrived late$"
has "$f" "note: \"stage materials: aluminium arrived late\"$"
gd 0 stage po-2026-118 production --plan 2026-12-20
has "$f" "^    plan: 2026-12-20$"
gd 0 stage po-2026-118 painting --plan 2026-12-21
has "$f" "^  - name: painting$"
gd 0 show po-2026-118
has "$TMP/out" "^materials +2026-12-05 +2026-12-08 +3d late +aluminium arrived late$"
has "$TMP/out" "^deposit +USD 7020 +2026-11-25 +2026-11-25 +on time$"

# ship-by at risk when the slip eats the buffer
export GENDAN_NOW=2026-12-27T09:00:00+00:00
gd 0 due --format=tsv
has "$TMP/out" "ship-by 2026-12-30 at risk"
for s in production painting inspection shipping; do
	"$GENDAN" stage po-2026-118 "$s" --done 2026-12-27 >/dev/null
done
gd 0 pay po-2026-118 balance --received
gd 0 set po-2026-118 status=shipped
gd 0 due --all --format=tsv
hasnt "$TMP/out" "po-2026-118"
clean

done_testing
