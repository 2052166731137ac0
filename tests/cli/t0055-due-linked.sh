# gendan due: a customer's contacts include those logged on the inquiries
# and orders linked to it (SPEC 2.3; issue 14 item 2), and the due summary
# sees a hand edit of any of them at once.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
WANG=wang.fang@example.com
export GENDAN_NOW=2026-11-20T09:00:00+00:00
"$GENDAN" add customer "Acme Lights" --tier B --email buyer@acme.example >/dev/null
"$GENDAN" add inquiry --from "Ann" --email ann@acme.example --customer acme \
	--received 2026-11-20T08:00:00+00:00 >/dev/null
q=$(ls inquiries/*/*.yaml | head -1); qid=$(basename "$q" .yaml)
# Wang calls back on the inquiry and agrees on the 28th
export GENDAN_NOW=2026-11-21T09:00:00+00:00
GIT_AUTHOR_EMAIL=$WANG GIT_COMMITTER_EMAIL=$WANG \
	"$GENDAN" log "$qid" -m "called, samples next week" --via phone --next 2026-11-28 >/dev/null
export GENDAN_NOW=2026-11-22T09:00:00+00:00
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-11-28	-6	follow-up	next agreed 2026-11-28, last contact 2026-11-21 \(phone\)	"
hasnt "$TMP/out" "never contacted"
# the same answer without the summary, and in the weekly report's list
rm -f .git/gendan-due
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-11-28	-6	follow-up	"

# a contact logged on a linked order counts as well
"$GENDAN" add order "PO-9" --customer acme --ship-by 2026-12-30 >/dev/null
export GENDAN_NOW=2026-11-29T09:00:00+00:00
"$GENDAN" log po-9 -m "confirmed the artwork" --via email >/dev/null
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-06	-7	follow-up	B every 7d, last contact 2026-11-29 \(email\)	"

# a hand edit of the inquiry is seen by the very next command
cat >>"$q" <<'YAML'
  - at: 2026-11-29T10:00:00+00:00
    by: li.lei@example.com
    note: by hand
    next: 2026-12-09
YAML
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-09	-10	follow-up	next agreed 2026-12-09"
# removed by hand: its contacts go with it
mv "$q" "$TMP/q.yaml"
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-06	-7	follow-up	"
mv "$TMP/q.yaml" "$q"
git checkout -q -- "$q"
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-06	-7	follow-up	"
# a branch where the inquiry agreed on another day, and back
git switch -q -c side
sed -i 's/next: 2026-11-28/next: 2026-12-20/' "$q"
git commit -qam "side"
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-20	-21	follow-up	"
git switch -q main
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-06	-7	follow-up	"

# a customer made from an inquiry after the call is not "never contacted"
"$GENDAN" add inquiry --from "Bob" --company "Bravo Lamps" --email bob@bravo.example \
	--received 2026-11-29T08:00:00+00:00 >/dev/null
b=$(basename "$(grep -l Bravo inquiries/*/*.yaml)" .yaml)
"$GENDAN" log "$b" -m "called back" --via phone >/dev/null
gd 0 add customer --from-inquiry "$b" --tier A
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^bravo-lamps	customer	.*	A every 84h, last contact 2026-11-29 \(phone\)	"
hasnt "$TMP/out" "^bravo-lamps	.*never contacted"
done_testing
