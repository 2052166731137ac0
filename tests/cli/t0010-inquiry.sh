# Inquiries: from an Alibaba message to a won order.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Gulf Lights LLC" --tier A --email ahmed@gulflights.ae >/dev/null

export GENDAN_NOW=2026-11-18T09:30:00+00:00
gd 0 add inquiry --from "Maria Lopez" --company "Lopez Iluminación" --email maria@lopez-ilum.mx --country MX --channel alibaba --product "solar garden light" --qty 5000 --grade B --received 2026-11-18T08:05:00+00:00
has "$TMP/out" "added inquiry/q-20261118-[0-9a-f]{4} "
q=$(sed -n 's/^added inquiry\/\([^ ]*\) .*/\1/p' "$TMP/out")
f=$(ls inquiries/*/"$q".yaml)
has "$f" "^received: 2026-11-18T08:05:00\+00:00$"
has "$f" "^  company: Lopez Iluminación$"
has "$f" "^status: new$"
has "$f" "^grade: B$"
clean

# a reply is owed: listed first, whatever --days says
gd 0 due --format=tsv
has "$TMP/out" "^$q	inquiry	Lopez Iluminación	li.lei@example.com	B	2026-11-19	-1	reply	"
export GENDAN_NOW=2026-11-20T09:00:00+00:00
gd 0 due --all --format=tsv
eq "reply owed comes first" "$q" "$(sed -n 2p "$TMP/out" | cut -f1)"

# the same sender again: look before you add
gd 1 add inquiry --from "Maria" --email maria@lopez-ilum.mx
has "$TMP/err" "Lopez Iluminación already wrote on 2026-11-18 about solar garden light: inquiry/$q, grade B, status new"
gd 1 add inquiry --company "Gulf Lights" --email other@gulflights.ae
has "$TMP/err" "customer/gulf-lights-llc"
gd 0 add inquiry --company "Gulf Lights" --email other@gulflights.ae --customer gulf
has "$TMP/out" "added inquiry/q-20261120-"
gd 1 add inquiry
has "$TMP/err" "who sent the inquiry"
gd 1 add inquiry --from X --grade Z
gd 1 add inquiry --from X --received 2026-02-30

# the first contact is the reply
gd 0 log "$q" --via email -m "Sent price list and MOQ"
has "$f" "^status: replied$"
has "$f" "^replied: 2026-11-20T09:00:00\+00:00$"
gd 0 due --all --format=tsv
hasnt "$TMP/out" "$q	.*	reply	"
# followed up by grade B: 7 days after the reply
gd 0 due --all --days 7 --format=tsv
has "$TMP/out" "^$q	inquiry	.*	2026-11-27	-7	follow-up	"

gd 0 set "$q" status=quoted grade=A
has "$f" "^grade: A$"
gd 1 set "$q" status=bogus
gd 0 set "$q" customer=gulf
has "$f" "^customer: gulf-lights-llc$"

# from inquiry to customer, linked
gd 0 add customer --from-inquiry "$q"
has "$TMP/out" "added customer/lopez-iluminaci-n"
c=$(ls customers/*/lopez-iluminaci-n.yaml)
has "$c" "^email: maria@lopez-ilum.mx$"
has "$c" "^country: MX$"
has "$c" "^tier: A$"
has "$c" "^source: alibaba$"
has "$f" "^customer: lopez-iluminaci-n$"
git show --stat HEAD >"$TMP/show"
has "$TMP/show" "inquiries/"
has "$TMP/show" "customers/"
gd 0 set "$q" status=won
gd 0 due --all --format=tsv
hasnt "$TMP/out" "^$q	"
clean

done_testing
