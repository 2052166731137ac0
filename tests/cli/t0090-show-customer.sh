# The customer's whole picture (SPEC 3 `show`, 3.2; issue 15): its people,
# its inquiries and orders with what each still owes by currency, and one
# timeline of its own contacts and theirs, oldest first, each saying where
# it was logged.  Every number checked: two orders in two currencies,
# partial receipts with fees, a shipped order with a balance, a cancelled
# one that owes nothing, a linked inquiry with contacts.
. "$TESTDIR/lib.sh"
export TZ=Asia/Shanghai
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-20T09:00:00+08:00
"$GENDAN" add customer "ACME Trading Co." --id acme --tier A --email john@acme.example >/dev/null
"$GENDAN" add customer "Other Co" --id other --tier B >/dev/null
cat >>"$(ls customers/*/acme.yaml)" <<'Y'
people:
  - name: John Smith
    role: purchasing
    email: john@acme.example
    phone: "+1 312 555 0100"
    wechat: jsmith
  - name: 刘经理
    role: boss
Y
"$GENDAN" commit -m "people" >/dev/null
"$GENDAN" add inquiry --id q-20261120-0001 --from "Mary Jones" --company "ACME Trading" \
	--email mary@acme.example --customer acme --product DL-20 --received "2026-11-20 08:30" >/dev/null
"$GENDAN" add inquiry --id q-other --from Bob --company "Elsewhere Ltd" --customer other >/dev/null
"$GENDAN" log q-20261120-0001 -m "Sent price list" --via email --at "2026-11-20 08:45" >/dev/null
"$GENDAN" log acme -m "Called about DL-20" --via phone --at "2026-11-19 16:00" --next 2026-11-25 >/dev/null
"$GENDAN" add order "PO#2026/118" --customer acme --ship-by 2026-12-15 --item "DL-20:500:6.405" --currency USD >/dev/null
"$GENDAN" add order "A-77" --customer acme --ship-by 2027-01-10 --currency EUR >/dev/null
"$GENDAN" add order "X-1" --customer acme --ship-by 2027-01-10 --currency USD >/dev/null
"$GENDAN" add order "O-9" --customer other --ship-by 2027-01-10 --currency USD >/dev/null
"$GENDAN" pay po-2026-118 deposit --amount 1000 --due 2026-11-25 >/dev/null
"$GENDAN" pay po-2026-118 balance --amount 2202.50 --due 2026-12-20 >/dev/null
"$GENDAN" pay a-77 deposit --amount 1,500 --due 2026-12-01 >/dev/null
"$GENDAN" pay x-1 deposit --amount 99 --due 2026-12-01 >/dev/null
"$GENDAN" pay o-9 deposit --amount 5 --due 2026-12-01 >/dev/null
export GENDAN_NOW=2026-12-18T10:00:00+08:00
# logged from Chicago: later than the inquiry's reply, though its text sorts first
"$GENDAN" log acme -m "Visit" --via visit --at "2026-11-19T20:50:00-05:00" >/dev/null
"$GENDAN" pay po-2026-118 deposit --received 2026-11-26 --amount 980 --fee 20 >/dev/null
"$GENDAN" pay po-2026-118 balance --received 2026-12-17 --amount 1000 --fee 2.50 >/dev/null
"$GENDAN" log po-2026-118 -m "Goods loaded" --via email --at "2026-12-16 11:00" >/dev/null
"$GENDAN" set po-2026-118 status=shipped >/dev/null
"$GENDAN" pay a-77 deposit --received 2026-12-02 --amount 700.25 >/dev/null
"$GENDAN" set x-1 status=cancelled >/dev/null

gd 0 show acme
cp "$TMP/out" "$TMP/show"
has "$TMP/show" "^customer/acme  ACME Trading Co\.$"
# the due date counts the contact logged on the order (SPEC 2.3), as due does
has "$TMP/show" "^  due +2026-12-19 \(follow-up: A every 84h, last contact 2026-12-16 \(email\)\)$"
hasnt "$TMP/show" "^  people"
has "$TMP/show" "^people \(2\):$"
has "$TMP/show" "^NAME +ROLE +EMAIL +PHONE +MORE$"
has "$TMP/show" "^John Smith +purchasing +john@acme\.example +\+1 312 555 0100 +wechat: jsmith$"
has "$TMP/show" "^刘经理 +boss$"
has "$TMP/show" "^inquiries \(1\):$"
has "$TMP/show" "^inquiry/q-20261120-0001 +ACME Trading +replied +2026-11-20T08:30:00\+08:00 +li\.lei@example\.com$"
hasnt "$TMP/show" "q-other|O-9|Elsewhere"
has "$TMP/show" "^orders \(3\):$"
has "$TMP/show" "^REF +NUMBER +STATUS +SHIP-BY +OUTSTANDING$"
# 1,500 - 700.25
has "$TMP/show" "^order/a-77 +A-77 +open +2027-01-10 +EUR 799\.75$"
# deposit 1000 - (980 + 20 fee) = 0; balance 2202.50 - (1000 + 2.50) = 1200, shipped
has "$TMP/show" "^order/po-2026-118 +PO#2026/118 +shipped +2026-12-15 +USD 1,200\.00$"
# cancelled: nothing is owed
has "$TMP/show" "^order/x-1 +X-1 +cancelled +2027-01-10$"
has "$TMP/show" "^outstanding: EUR 799\.75, USD 1,200\.00$"
has "$TMP/show" "^timeline \(4 contacts\):$"
sed -n '/^timeline/,$p' "$TMP/show" | grep -E '^  [0-9]' >"$TMP/tl"
cat >"$TMP/want" <<'W'
  2026-11-19 16:00  phone    li.lei@example.com
  2026-11-20 08:45  email    li.lei@example.com  (inquiry q-20261120-0001)
  2026-11-20 09:50  visit    li.lei@example.com
  2026-12-16 11:00  email    li.lei@example.com  (order PO#2026/118)
W
check "one timeline, oldest first, each line saying where it was logged" cmp "$TMP/want" "$TMP/tl"
has "$TMP/show" "^      Goods loaded$"

# an order shows its own timeline only, and no customer sections
gd 0 show po-2026-118
hasnt "$TMP/out" "^orders|^inquiries|\(order "
has "$TMP/out" "^timeline \(1 contact\):$"

# JSON: related ids for a customer (SPEC 3.2); ls and find have none
gd 0 show acme --format=json
python3 - "$TMP/out" >"$TMP/rel" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(json.dumps(j["related"], sort_keys=True), j["kind"], j["id"], "people" in j)
PY
eq "show --format=json names the related records" \
	'{"inquiries": ["q-20261120-0001"], "orders": ["a-77", "po-2026-118", "x-1"]} customer acme True' \
	"$(cat "$TMP/rel")"
gd 0 show other --format=json
has "$TMP/out" '"inquiries": \[$'
gd 0 show q-other --format=json
hasnt "$TMP/out" '"related"'
gd 0 ls customer --format=json
hasnt "$TMP/out" '"related"'
gd 0 find acme --format=json
hasnt "$TMP/out" '"related"'

# a hand edit is seen by the very next show: the summary is kept fresh
sed -i 's/^customer: other$/customer: acme/' "$(ls orders/*/o-9.yaml)"
gd 0 show acme
has "$TMP/out" "^order/o-9 +O-9 +open +2027-01-10 +USD 5\.00$"
has "$TMP/out" "^outstanding: EUR 799\.75, USD 1,205\.00$"
gd 0 show other
hasnt "$TMP/out" "o-9"
git checkout -q -- orders

# a linked record that is bad is named, the rest is shown
printf 'number: [\n' >"$(ls orders/*/a-77.yaml)"
gd 0 show acme
hasnt "$TMP/out" "a-77"
has "$TMP/out" "^outstanding: USD 1,200\.00$"
has "$TMP/err" "^gendan: orders/[0-9a-f]{2}/a-77\.yaml:"
git checkout -q -- orders

# text from records stays inert on a terminal, in every section (SPEC 5)
# (escapes are refused in records; bidi overrides are shown escaped)
sed -i 's/^people:$/people:\n  - name: "\xe2\x80\xaeliveEvil"\n    wechat: "\xe2\x80\xaeder"/' \
	"$(ls customers/*/acme.yaml)"
# the inquiry's log is its last key: one more entry
printf '  - at: 2026-12-17T10:00:00+08:00\n    by: "\342\200\256x@example.com"\n    note: hi\n' \
	>>"$(ls inquiries/*/q-20261120-0001.yaml)"
gd 0 show acme
cp "$TMP/out" "$TMP/inert"
check "no bidi override reaches the terminal" sh -c "! grep -q \"$(printf '\342\200\256')\" '$TMP/inert'"
has "$TMP/inert" "^\\\\u202eliveEvil +.*wechat: \\\\u202eder$"
has "$TMP/inert" "^  2026-12-17 10:00  -        \\\\u202ex@example.com  \(inquiry q-20261120-0001\)$"
done_testing
