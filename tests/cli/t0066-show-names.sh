# What `show` prints (review of issues 14/15): the timeline's `by` as the
# team member's name, an order's and a linked inquiry's customer by name
# with its id, sums by currency that never merge two currencies and say
# which amounts they leave out.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
team_of_two
"$GENDAN" add customer "ACME Trading Co." --tier A >/dev/null
"$GENDAN" add order PO-7 --customer acme --ship-by 2026-12-30 --currency USD >/dev/null
"$GENDAN" add inquiry --id q1 --from Bob --customer acme >/dev/null
"$GENDAN" add inquiry --id q2 --from Ann >/dev/null
"$GENDAN" log acme -m "Called" --via phone --at "2026-11-23 08:00" >/dev/null
GIT_AUTHOR_EMAIL=wang@example.com "$GENDAN" log acme -m "Visited" --via visit \
	--at "2026-11-23 08:30" >/dev/null
GIT_AUTHOR_EMAIL=han.mei@example.com "$GENDAN" log q1 -m "Sent prices" --via email \
	--at "2026-11-23 08:45" >/dev/null

# the timeline names who made each contact as the team does
gd 0 show acme
cp "$TMP/out" "$TMP/acme"
sed -n '/^timeline/,$p' "$TMP/acme" | grep -E '^  [0-9]' >"$TMP/tl"
cat >"$TMP/want" <<'W'
  2026-11-23 08:00  phone    李雷
  2026-11-23 08:30  visit    wang@example.com
  2026-11-23 08:45  email    韩梅梅  (inquiry q1)
W
check "the timeline names team members, emails otherwise" cmp "$TMP/want" "$TMP/tl"
# as the inquiries' owners are named
has "$TMP/acme" '^inquiry/q1 +Bob +replied +.* 李雷$'
# JSON keeps the email, as the record has it
gd 0 show acme --format=json
has "$TMP/out" '"by": "li\.lei@example\.com"'
hasnt "$TMP/out" '李雷'

# an order's and a linked inquiry's customer: its name and id
gd 0 show po-7
has "$TMP/out" '^  customer +ACME Trading Co\. \(acme-trading-co\)$'
gd 0 show q1
has "$TMP/out" '^  customer +ACME Trading Co\. \(acme-trading-co\)$'
gd 0 show q2
hasnt "$TMP/out" 'customer'
gd 0 show po-7 --format=json
has "$TMP/out" '"customer": "acme-trading-co",'
# a customer not in the ledger: its id as written
f=$(ls orders/*/po-7.yaml)
sed -i 's/^customer: .*/customer: gone-co/' "$f"
git commit -qam "customer gone"
gd 0 show po-7
has "$TMP/out" '^  customer +gone-co$'
git checkout -q HEAD~1 -- "$f" && git commit -qm back

# two currencies sharing their first 15 bytes and more are two sums
"$GENDAN" add order PO-8 --customer acme --ship-by 2026-12-30 \
	--currency "US dollars by irrevocable documentary letter of credit at sight (A)" >/dev/null
"$GENDAN" add order PO-9 --customer acme --ship-by 2026-12-30 \
	--currency "US dollars by irrevocable documentary letter of credit at sight (B)" >/dev/null
"$GENDAN" pay PO-8 deposit --amount 5 --due 2026-12-01 >/dev/null
"$GENDAN" pay PO-9 deposit --amount 7 --due 2026-12-01 >/dev/null
gd 0 show acme
has "$TMP/out" '^order/po-8 .* US dollars by irrevocable documentary letter of credit at sight \(A\) 5\.00$'
has "$TMP/out" '^outstanding: US dollars by irrevocable documentary letter of credit at sight \(A\) 5\.00, US dollars by irrevocable documentary letter of credit at sight \(B\) 7\.00$'
eq "nothing on stderr" "" "$(cat "$TMP/err")"
# ls order too shows the whole currency with its amount
gd 0 ls order
has "$TMP/out" '^order/po-9 .* US dollars by irrevocable documentary letter of credit at sight \(B\) 7\.00 '

# an amount the sums cannot hold: named on stderr, the rest shown, the
# sum saying it leaves one out
"$GENDAN" pay PO-7 deposit --amount 900000000000000 --due 2026-12-01 >/dev/null
"$GENDAN" add order PO-10 --customer acme --ship-by 2026-12-30 --currency USD >/dev/null
"$GENDAN" pay PO-10 deposit --amount 900000000000000 --due 2026-12-01 >/dev/null
gd 0 show acme
has "$TMP/out" '^order/po-10 .* USD 900,000,000,000,000\.00$'
has "$TMP/out" '^order/po-7 .* USD 900,000,000,000,000\.00$'
has "$TMP/out" '^outstanding: USD 900,000,000,000,000\.00, US dollars by irrevocable documentary letter of credit at sight \(A\) 5\.00, US dollars by irrevocable documentary letter of credit at sight \(B\) 7\.00 \(1 amount unreadable, not counted\)$'
has "$TMP/err" '^gendan: order/po-7: outstanding: .*; not counted$'
eq "one line on stderr" 1 "$(wc -l <"$TMP/err")"
has "$TMP/out" '^timeline \(3 contacts\):$'
# a payment whose own receipts overflow: named by its field
receipts_out_of_range po-9 2026-11-23
gd 0 show acme
has "$TMP/err" '^gendan: order/po-9: payments\[2\]: amount out of range; not counted$'
has "$TMP/out" '^order/po-9 .* US dollars by irrevocable documentary letter of credit at sight \(B\) 7\.00$'
has "$TMP/out" '^outstanding: .*\(2 amounts unreadable, not counted\)$'
eq "two lines on stderr" 2 "$(wc -l <"$TMP/err")"
clean
done_testing
