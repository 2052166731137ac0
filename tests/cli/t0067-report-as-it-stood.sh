# What a report prints (review of issues 14/15): a past period names
# records as they stood at its end, a money total that leaves an amount
# out says so (and stderr names it), and an empty section shows what
# every empty section shows.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
team_of_two
at() { export GENDAN_NOW=$1 GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1; }

at 2026-11-02T09:00:00+00:00
"$GENDAN" add customer "Alpha Lights" --tier A >/dev/null
"$GENDAN" add inquiry --id q1 --from Maria --company "Lopez SA" --product lamp \
	--received 2026-11-03T08:00:00+00:00 >/dev/null
"$GENDAN" add order PO-7 --customer alpha --ship-by 2026-12-30 --currency USD >/dev/null
"$GENDAN" pay PO-7 deposit --amount 1000 --due 2026-11-04 >/dev/null
at 2026-11-04T09:00:00+00:00
"$GENDAN" log alpha -m "Called" --via phone >/dev/null
"$GENDAN" pay PO-7 deposit --received 2026-11-04 --amount 600 >/dev/null
# after the week: renamed, handed over; and a customer made later
at 2026-11-12T09:00:00+00:00
"$GENDAN" set alpha "name=Alpha Renamed" >/dev/null
"$GENDAN" set alpha owner=han.mei@example.com >/dev/null
"$GENDAN" set q1 owner=han.mei@example.com >/dev/null
"$GENDAN" set q1 "from.company=Lopez Renamed" >/dev/null 2>&1 ||
	sed -i 's/company: Lopez SA/company: Lopez Renamed/' inquiries/*/q1.yaml
"$GENDAN" set po-7 number=PO-77 >/dev/null
"$GENDAN" commit -m "hand edits" >/dev/null 2>&1
at 2026-11-13T09:00:00+00:00
"$GENDAN" add customer "Late Co" --tier B >/dev/null
# a contact logged later but made within the week, on the record made later
"$GENDAN" log late -m "Met at the fair" --via visit --at 2026-11-05T10:00:00+00:00 >/dev/null
clean "set-up"

gd 0 report week --date 2026-11-04
cp "$TMP/out" "$TMP/week.md"
has "$TMP/week.md" '^- Alpha Lights \(customer/alpha-lights\): 1 contact$'
has "$TMP/week.md" '^- Lopez SA \(inquiry/q1\), lamp: '
has "$TMP/week.md" '^- Alpha Lights \(customer/alpha-lights\), 李雷: last contact 2026-11-04'
# a record made after the week: its name today
has "$TMP/week.md" '^- Late Co \(customer/late-co\): 1 contact$'
hasnt "$TMP/week.md" 'Renamed|韩梅梅'
gd 0 report week --date 2026-11-04 --format=json
cp "$TMP/out" "$TMP/week.json"
hasnt "$TMP/week.json" 'Renamed|han\.mei'
# the week's records of an owner: as they were owned then
gd 0 report week --date 2026-11-04 --owner li.lei@example.com
has "$TMP/out" '^- Alpha Lights \(customer/alpha-lights\): 1 contact$'
has "$TMP/out" '^- Lopez SA \(inquiry/q1\)'
gd 0 report week --date 2026-11-04 --owner han.mei@example.com
hasnt "$TMP/out" 'Alpha|Lopez'
# this week (not ended): as they are
at 2026-11-13T10:00:00+00:00
gd 0 report week
has "$TMP/out" '^- Alpha Renamed \(customer/alpha-lights\), 韩梅梅: '
# the month of 2026-11 is not over: receipts name the order as it is
gd 0 report month
has "$TMP/out" '^- PO-77 deposit: USD 600 on 2026-11-04$'
gd 0 report month --date 2026-11-04 --format=json

# a money total that cannot hold an amount: marked, and named on stderr
at 2026-12-01T09:00:00+00:00
"$GENDAN" add order PO-8 --customer alpha --ship-by 2027-01-30 --currency USD >/dev/null
"$GENDAN" add order PO-9 --customer alpha --ship-by 2027-01-30 --currency USD >/dev/null
"$GENDAN" pay PO-8 deposit --amount 900000000000000 --due 2026-12-24 >/dev/null
"$GENDAN" pay PO-9 deposit --amount 900000000000000 --due 2026-12-24 >/dev/null
"$GENDAN" pay PO-8 deposit --received 2026-12-01 --amount 800000000000000 >/dev/null
"$GENDAN" pay PO-9 deposit --received 2026-12-01 --amount 800000000000000 >/dev/null
at 2026-12-02T09:00:00+00:00
gd 0 report month
cp "$TMP/out" "$TMP/dec.md"
has "$TMP/dec.md" '^- total USD 800000000000000 \(1 amount unreadable, not counted\)$'
has "$TMP/dec.md" '^- total USD 200000000000400$'
has "$TMP/err" "^gendan: order/po-9: payments\[1\]\.receipts\[1\]\.amount '800000000000000': amount out of range; not counted in the total$"
eq "one line on stderr" 1 "$(wc -l <"$TMP/err")"
# a payment whose own numbers cannot be added up: named by its field
receipts_out_of_range po-8 2026-10-20
gd 0 report month
cp "$TMP/out" "$TMP/dec.md"
has "$TMP/dec.md" '^- total USD 200000000000400 \(1 amount unreadable, not counted\)$'
has "$TMP/err" '^gendan: order/po-8: payments\[2\]: amount out of range; not counted in the total$'
eq "two lines on stderr" 2 "$(wc -l <"$TMP/err")"
gd 0 report month --format=json
cp "$TMP/out" "$TMP/dec.json"
check "JSON: what each total leaves out" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["received"] == {"USD": "800000000000000"}, r["received"]
assert [(x["ref"], x["field"], x["currency"], x["value"]) for x in r["received_not_counted"]] == \
	[("order/po-9", "payments[1].receipts[1].amount", "USD", "800000000000000")], r["received_not_counted"]
assert [(x["ref"], x["field"], x["value"]) for x in r["outstanding_not_counted"]] == \
	[("order/po-8", "payments[2]", None)], r["outstanding_not_counted"]
' "$TMP/dec.json"
gd 0 report month --format=html
has "$TMP/out" '<p class="late">USD 800000000000000 \(1 amount unreadable, not counted\)</p>'
export LANGUAGE=zh_CN
gd 0 report month
unset LANGUAGE
has "$TMP/out" 'USD 800000000000000（1 笔金额无法读取，未计入）$'
# a month without such amounts carries empty lists
gd 0 report month --date 2026-11-04 --format=json
has "$TMP/out" '"received_not_counted": \[\]'
clean
# a past month's receipts name the order as it stood at the month's end
"$GENDAN" set po-7 number=PO-777 >/dev/null
gd 0 report month --date 2026-11-04
has "$TMP/out" '^- PO-77 deposit: USD 600 on 2026-11-04$'
hasnt "$TMP/out" 'PO-777'
# empty sections: all alike, a dash, in Markdown and HTML
new_ledger "$TMP/empty"
gd 0 report week --date 2026-11-16
cp "$TMP/out" "$TMP/empty.md"
for s in "Contacts: 0" "Customers followed up" "New inquiries" "Overdue as of 2026-11-22"; do
	check "'$s' empty shows a dash" sh -c "sed -n '/^## $s\$/,/^##/p' '$TMP/empty.md' | grep -qx '—'"
done
gd 0 report week --date 2026-11-16 --format=html
sed -n '/<h2>New inquiries<\/h2>/{n;p}' "$TMP/out" >"$TMP/after"
eq "HTML: no new inquiries shows a dash" '<p class="none">&#8212;</p>' "$(cat "$TMP/after")"
export LANGUAGE=zh_CN
gd 0 report week --date 2026-11-16 --format=html
cp "$TMP/out" "$TMP/zh.html"
has "$TMP/zh.html" '<h2>新询盘</h2>'
sed -n '/<h2>新询盘<\/h2>/{n;p}' "$TMP/zh.html" >"$TMP/after"
eq "zh_CN HTML: a dash" '<p class="none">&#8212;</p>' "$(cat "$TMP/after")"
gd 0 report week --date 2026-11-16
cp "$TMP/out" "$TMP/zh.md"
check "zh_CN Markdown: a dash" sh -c "sed -n '/^## 新询盘\$/,/^##/p' '$TMP/zh.md' | grep -qx '—'"
unset LANGUAGE
cd "$TMP/l" || exit 1

done_testing
