# ls order shows number, customer, status, ship-by and outstanding (SPEC 3,
# issue 15); ls --customer REF lists a customer and what links to it.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-20T09:00:00+00:00
"$GENDAN" add customer "ACME Trading Co." --id acme --tier A >/dev/null
"$GENDAN" add customer "宁波海天贸易有限公司" --id haitian --tier B >/dev/null
"$GENDAN" add inquiry --id q-1 --from "Mary Jones" --company "ACME Trading" --customer acme >/dev/null
"$GENDAN" add inquiry --id q-2 --from "Wang" --company "Someone Else" >/dev/null
"$GENDAN" add order "PO#2026/118" --customer acme --ship-by 2026-12-15 --currency USD >/dev/null
"$GENDAN" add order "HT-2611" --customer haitian --ship-by 2027-01-10 --currency CNY >/dev/null
"$GENDAN" add order "PO-3" --customer acme --ship-by 2027-02-01 >/dev/null
"$GENDAN" pay po-2026-118 balance --amount 3202.50 --due 2026-12-01 >/dev/null
"$GENDAN" pay po-2026-118 balance --received 2026-11-20 --amount 1000 --fee 22.50 >/dev/null
"$GENDAN" pay ht-2611 deposit --amount 12,000,000 --due 2026-12-01 >/dev/null
"$GENDAN" pay po-3 deposit --amount 10 --due 2026-12-01 >/dev/null
"$GENDAN" set po-3 status=closed >/dev/null

gd 0 ls order
has "$TMP/out" "^REF +NUMBER +CUSTOMER +STATUS +SHIP-BY +OUTSTANDING +OWNER$"
# 3202.50 - (1000 + 22.50)
has "$TMP/out" "^order/po-2026-118 +PO#2026/118 +ACME Trading Co\. +open +2026-12-15 +USD 2,180\.00 "
has "$TMP/out" "^order/ht-2611 +HT-2611 +宁波海天贸易有限公司 +open +2027-01-10 +CNY 12,000,000\.00 "
# closed: nothing is owed any more, as due says
has "$TMP/out" "^order/po-3 +PO-3 +ACME Trading Co\. +closed +2027-02-01 +[a-z]"
eq "ls order lists the orders only" 3 "$(tail -n +2 "$TMP/out" | wc -l)"

gd 0 ls order --format=tsv
has "$TMP/out" "^id	kind	name	grade	status	owner	country	city	last_contact	path	customer	ship_by	currency	outstanding$"
has "$TMP/out" "^po-2026-118	order	PO#2026/118		open	.*	acme	2026-12-15	USD	2180$"
has "$TMP/out" "^po-3	order	PO-3		closed	.*	acme	2027-02-01		$"

gd 0 ls --customer acme --format=tsv
eq "ls --customer: the customer, its inquiries and orders" "acme q-1 po-2026-118 po-3" \
	"$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
gd 0 ls order --customer "ACME Trading Co" --format=tsv
eq "ls order --customer REF (by name)" "po-2026-118 po-3" \
	"$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"
gd 0 ls customer --customer 海天 --format=tsv
eq "ls customer --customer: that customer" "haitian" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 ls inquiry --customer acme --status new --format=tsv
eq "--customer combines with the other filters" "q-1" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 ls order --customer haitian
has "$TMP/out" "^order/ht-2611 "
hasnt "$TMP/out" "po-2026-118"

# JSON: records as show prints them, without related
gd 0 ls --customer acme --format=json
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(len(a), any("related" in r for r in a))' \
	"$TMP/out" >"$TMP/j"
eq "ls --format=json: 4 records, none with related" "4 False" "$(cat "$TMP/j")"

# a REF that names no customer: exit 1, one line naming it
gd 1 ls --customer nosuch
has "$TMP/err" "nosuch"
eq "one line on stderr" 1 "$(wc -l <"$TMP/err")"
gd 1 ls --customer po-3
gd 2 ls --customer

# an order whose customer is not in the ledger shows the id
sed -i 's/^customer: acme$/customer: ghost-co/' "$(ls orders/*/po-3.yaml)"
gd 0 ls order
has "$TMP/out" "^order/po-3 +PO-3 +ghost-co +closed "
done_testing
