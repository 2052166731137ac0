# gendan person add|set|rm: a customer's contact persons (SPEC 2.2 people,
# 3 person).  Names compare trimmed and without case; bad input names the
# value and writes nothing; set with no change makes no commit.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading" --id acme --email info@acme.example >/dev/null
"$GENDAN" add customer "Gulf Lights" --id gulf --email buy@gulf.example \
	--owner wang.fang@example.com >/dev/null
"$GENDAN" add inquiry --from Liu --company Other --product DL-20 --id q1 >/dev/null
f=$(ls customers/*/acme.yaml)

gd 0 person add acme "John Smith" --role purchasing --email john@acme.example \
	--phone "+1 312 555 0100" --wechat jsmith --whatsapp "+1 312 555 0100" --note "prefers mail"
has "$TMP/out" "updated customer/acme"
has $f "^people:$"
has $f "^  - name: John Smith$"
has $f "^    role: purchasing$"
has $f "^    email: john@acme.example$"
has $f '^    phone: "\+1 312 555 0100"$'
has $f "^    wechat: jsmith$"
has $f '^    whatsapp: "\+1 312 555 0100"$'
has $f "^    note: prefers mail$"
eq "commit summary" "person: acme add John Smith" "$(git log -1 --format=%s)"
check "action trailer" sh -c "git log -1 --format=%B | grep -q '^Gendan-Action: person$'"
clean
gd 0 person add acme 王经理 --role 老板
has $f "^  - name: 王经理$"

# a name given twice, in another case or with blanks
c=$(commits)
gd 1 person add acme "  john SMITH "
has "$TMP/err" "customer/acme already has a person named 'John Smith'"
gd 1 person set acme Jane --role boss
has "$TMP/err" "customer/acme has no person named 'Jane' \(people: 'John Smith', '王经理'\)"
gd 1 person rm acme Jane
has "$TMP/err" "no person named 'Jane'"
gd 1 person rm gulf Jane
has "$TMP/err" "people: none yet"
gd 1 person add acme Mary --email not-an-email
has "$TMP/err" "invalid email 'not-an-email'"
gd 1 person set acme "John Smith" --phone "n/a"
has "$TMP/err" "invalid phone 'n/a'"
gd 1 person add acme "   "
has "$TMP/err" "a person needs a name"
gd 1 person add q1 Liu
has "$TMP/err" "inquiry/q1 is an inquiry: only customers have contact persons"
gd 1 set acme people=Liu
has "$TMP/err" "set cannot change 'people': use 'gendan person add\|set\|rm acme NAME'"
gd 2 person add acme
gd 2 person move acme John
gd 2 person rm acme John --role x
eq "nothing written by refusals" "$c" "$(commits)"
clean

# set: the fields given, "" removes; no change, no commit
gd 0 person set acme "john smith" --role buyer --note ""
has $f "^    role: buyer$"
hasnt $f "prefers mail"
c=$(commits)
gd 0 person set acme "John Smith" --role buyer
has "$TMP/out" "customer/acme unchanged"
eq "no commit when nothing changes" "$c" "$(commits)"

# another record's email or phone: refused naming it and its owner
gd 1 person add acme Ahmed --email buy@gulf.example
has "$TMP/err" "person 'Ahmed' of customer/acme looks like a duplicate: customer/gulf \(Gulf Lights\).*owned by wang.fang@example.com; use --force"
hasnt $f "Ahmed"
gd 0 person add acme Ahmed --email buy@gulf.example --force
has $f "name: Ahmed"
gd 1 person add gulf Omar --phone "+1 (312) 555-0100"
has "$TMP/err" "customer/acme \(ACME Trading\).*same phone"
# the customer's own address is no duplicate
gd 0 person add acme Info --email info@acme.example
gd 0 person rm acme Info
hasnt $f "name: Info"

# rm: the last person takes the list with it
gd 0 person rm acme ahmed
gd 0 person rm acme 王经理
gd 0 person rm acme "John Smith"
hasnt $f "people"
clean

# people written by hand in flow style read, and are rewritten in block style
cat >>$f <<'YAML'
people: [{name: Liu, role: boss}, {phone: "+86 574 8888 1234", name: Chen}]
YAML
git commit -qam "by hand"
gd 0 person set acme chen --role accounts
has $f "^  - name: Chen$"
has $f "^    role: accounts$"
has $f '^    phone: "\+86 574 8888 1234"$'
has $f "^  - name: Liu$"
hasnt $f "\{"
# a person without a name is an invalid record
"$GENDAN" add customer Nameless --id nameless >/dev/null
printf 'people:\n  - role: boss\n' >>"$(ls customers/*/nameless.yaml)"
git commit -qam "by hand"
gd 1 check
has "$TMP/err" "nameless.yaml:.*name"
clean

done_testing
