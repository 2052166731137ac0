# A customer's people count as the customer's own contact fields: their
# emails and phones for REF, their names, emails and phones for find,
# their emails, domains and phones for the duplicate check of add and
# import (SPEC 3) -- all read from the list summary, which an older
# gendan's summary (without people's keys) does not stand in for.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
printf 'phone-region: CN\n' >>gendan.yaml
git commit -qam region
"$GENDAN" add customer "Ningbo Haitian" --id haitian >/dev/null
"$GENDAN" add customer "Other Co" --id other >/dev/null
f=$(ls customers/*/haitian.yaml)
cat >>"$f" <<'YAML'
people:
  - {name: 刘经理, role: 采购, email: liu@haitian-trade.example, phone: "0574-8888-1234"}
  - {name: Chen Jing, whatsapp: "+86 138 0013 8000"}
YAML
git commit -qam "people by hand"

# REF: a person's email, their phone in any spelling, its trailing digits
gd 0 show liu@haitian-trade.example
has "$TMP/out" "Ningbo Haitian"
gd 0 show "+86 574 8888 1234"
has "$TMP/out" "Ningbo Haitian"
gd 0 show 88881234
has "$TMP/out" "Ningbo Haitian"

# find: people's names, emails and phones
gd 0 find 刘经理 --format=tsv
has "$TMP/out" "^haitian	"
gd 0 find "chen jing" --format=tsv
has "$TMP/out" "^haitian	"
gd 0 find haitian-trade --format=tsv
has "$TMP/out" "^haitian	"
gd 0 find "8888 1234" --format=tsv
has "$TMP/out" "^haitian	"
gd 0 find liu --format=tsv
hasnt "$TMP/out" "^other	"

# the duplicate check of add: a person's email, domain, phone
c=$(commits)
gd 1 add customer "Haitian Trading" --email liu@haitian-trade.example
has "$TMP/err" "customer/haitian \(Ningbo Haitian\).*same email liu@haitian-trade.example, of its person '刘经理'.*owned by li.lei@example.com"
gd 1 add customer "Someone" --email sales@haitian-trade.example
has "$TMP/err" "same email domain haitian-trade.example, of its person '刘经理'"
gd 1 add customer "Someone" --phone "+86 (0)574 8888 1234"
has "$TMP/err" "same phone 0574-8888-1234, of its person '刘经理'"
gd 1 add inquiry --from Liu --email liu@haitian-trade.example
has "$TMP/err" "link the inquiry with --customer haitian"
eq "nothing added" "$c" "$(commits)"

# and of import
printf 'name,email\nHT Trading,liu@haitian-trade.example\n' >"$TMP/in.csv"
gd 1 import "$TMP/in.csv"
has "$TMP/err" "of its person '刘经理'"
eq "nothing imported" "$c" "$(commits)"

# the summary is what answers: an old one (GDLIST03, without people's keys)
# is rebuilt, not believed
check "the list summary is there" test -s .git/gendan-list
check "the summary is of this format" grep -q GDLIST05 .git/gendan-list
done_testing
