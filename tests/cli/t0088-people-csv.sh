# A customer's people in CSV (SPEC 3.6): export writes the first person as
# contact/contact-role and all of them in a people column (the record's
# YAML list); import reads them back (round trip), and maps 联系人 /
# Contact / Contact Name to a person's name and 职位 to their role.  The
# row's email and phone stay the customer's.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading" --id acme --email info@acme.example >/dev/null
"$GENDAN" person add acme "John Smith" --role purchasing --email john@acme.example \
	--phone "+1 312 555 0100" --note "two lines:
samples first" >/dev/null
"$GENDAN" person add acme 王经理 --role 老板 --wechat wang-boss >/dev/null
"$GENDAN" add customer "No People" --id nobody >/dev/null

gd 0 export csv customer
cp "$TMP/out" "$TMP/c.csv"
head -1 "$TMP/c.csv" >"$TMP/h"
has "$TMP/h" ",contact,contact-role,people"
has "$TMP/c.csv" "^acme,ACME Trading,.*,John Smith,purchasing,\"'- name: John Smith$"
has "$TMP/c.csv" "^  role: purchasing$"
has "$TMP/c.csv" "^- name: 王经理$"
has "$TMP/c.csv" "^nobody,No People,.*,,,"

# the round trip: a new ledger gets the same people back
new_ledger "$TMP/m"
gd 0 import csv "$TMP/c.csv"
a=$(ls "$TMP/l"/customers/*/acme.yaml)
b=$(ls "$TMP/m"/customers/*/acme.yaml)
eq "people come back as they were" "$(sed -n '/^people:/,/^[a-z]/p' "$a")" \
	"$(sed -n '/^people:/,/^[a-z]/p' "$b")"
hasnt "$b" "^contact"
clean

# Chinese and CRM headers: 联系人 and 职位 make a person
new_ledger "$TMP/n"
printf '客户名称,联系人,职位,电话,邮箱\n宁波海天,刘经理,采购经理,0574-8888-1234,liu@haitian.example\n' >"$TMP/zh.csv"
printf 'Company,Contact Name,Job Title,E-mail Address\nGulf Lights,Ahmed Ali,Buyer,ahmed@gulf.example\n' >"$TMP/crm.csv"
gd 0 import "$TMP/zh.csv"
f=$(grep -l 宁波海天 customers/*/*.yaml)
has "$f" "^  - name: 刘经理$"
has "$f" "^    role: 采购经理$"
has "$f" "^email: liu@haitian.example$"
has "$f" '^phone: "0574-8888-1234"$'
gd 0 import "$TMP/crm.csv"
f=$(grep -l "Gulf Lights" customers/*/*.yaml)
has "$f" "^  - name: Ahmed Ali$"
has "$f" "^    role: Buyer$"
# a role alone names nobody; a people cell that is not a list is refused
printf 'name,职位\nRole Only,buyer\n' >"$TMP/r.csv"
gd 0 import "$TMP/r.csv"
hasnt "$(grep -l 'Role Only' customers/*/*.yaml)" people
c=$(commits)
printf 'name,people\nBad People,just text\n' >"$TMP/bad.csv"
gd 1 import "$TMP/bad.csv"
has "$TMP/err" "people: not a list of people, each with a name"
eq "nothing imported" "$c" "$(commits)"
# a person's email in a people cell is checked for duplicates too
printf 'name,people\nNewer Co,"- name: Liu\n  email: liu@haitian.example"\n' >"$TMP/dup.csv"
gd 1 import "$TMP/dup.csv"
has "$TMP/err" "Newer Co looks like a duplicate: customer/.*宁波海天.*same email liu@haitian.example"
eq "nothing imported" "$c" "$(commits)"
# an inquiry's 联系人 is its sender
printf '公司,联系人,邮箱\nFoo Ltd,Mr Foo,foo@foo.example\n' >"$TMP/q.csv"
gd 0 import "$TMP/q.csv" --kind inquiry
f=$(ls inquiries/*/*.yaml)
has "$f" "^  name: Mr Foo$"
done_testing
