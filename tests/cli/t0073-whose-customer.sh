# Whose customer is it: an inquiry that matches a customer names the
# customer and its owner; --customer links it and gives it to that owner.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --email john@acme.example --owner wang.fang@example.com >/dev/null

gd 1 add inquiry --from John --email john@acme.example --product DL-20
has "$TMP/err" "customer/acme-trading-co .*owned by wang.fang@example.com; link the inquiry with --customer acme-trading-co, or use --force"
eq "nothing written" 0 "$(ls inquiries 2>/dev/null | wc -l)"
gd 0 add inquiry --from John --email john@acme.example --customer acme --product DL-20
f=$(ls inquiries/*/*.yaml)
has "$f" "^owner: wang.fang@example.com$"
has "$f" "^customer: acme-trading-co$"
gd 0 add inquiry --from Jim --company Other --customer acme --owner li.lei@example.com --force
hasnt "$TMP/err" "duplicate"
gd 0 ls inquiry --owner li.lei@example.com --format=tsv
has "$TMP/out" "	Other	"
# a customer that matches a customer gets no --customer hint
gd 1 add customer "Acme Trading Company"
has "$TMP/err" "owned by wang.fang@example.com; use --force"

done_testing
