# gendan due: an agreed next stands until a contact on or after it, or a
# newer agreement (SPEC 2.3 rule 2; issue 14 item 1).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
WANG=wang.fang@example.com
export GENDAN_NOW=2026-11-23T09:00:00+00:00 # a Monday
"$GENDAN" add customer "Acme Lights" --tier B --owner $WANG >/dev/null
GIT_AUTHOR_EMAIL=$WANG GIT_COMMITTER_EMAIL=$WANG \
	"$GENDAN" log acme -m "call back Friday" --next fri >/dev/null
# the boss visits on Tuesday and agrees nothing
export GENDAN_NOW=2026-11-24T15:00:00+00:00
"$GENDAN" log acme -m "visit" --via visit >/dev/null
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-11-27	-3	follow-up	next agreed 2026-11-27, last contact 2026-11-24 \\(visit\\)	"
# on Friday it is due, not hidden behind the cadence
export GENDAN_NOW=2026-11-27T08:00:00+00:00
gd 0 due --all --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-11-27	0	follow-up	"
# Friday's call keeps the promise: the cadence restarts from it
"$GENDAN" log acme -m "called as agreed" >/dev/null
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-04	-7	follow-up	"
# a newer agreement replaces an older one, earlier or later
"$GENDAN" log acme -m "call again" --next 2026-12-15 >/dev/null
export GENDAN_NOW=2026-11-30T08:00:00+00:00
"$GENDAN" log acme -m "boss called" --next 2026-12-02 >/dev/null
"$GENDAN" log acme -m "email" --via email >/dev/null
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-02	-2	follow-up	"
# the summary says the same after a hand edit adds a later agreement
cat >>"$(ls customers/*/acme-lights.yaml)" <<'YAML'
  - at: 2026-11-30T10:00:00+00:00
    by: li.lei@example.com
    note: by hand
    next: 2026-12-09
YAML
gd 0 due --all --days 30 --format=tsv
has "$TMP/out" "^acme-lights	.*	2026-12-09	-9	follow-up	"
done_testing
