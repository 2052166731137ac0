# gendan due: the cadence rules of SPEC 2.3, ordering, filters and formats.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-01T09:00:00+00:00
"$GENDAN" add customer "Alpha Lights" --tier A >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier B >/dev/null
"$GENDAN" add customer "Charlie Co" --tier C >/dev/null
"$GENDAN" add customer "Delta Imports" --tier D --owner wang.fang@example.com >/dev/null
"$GENDAN" add customer "Echo Unowned" --tier B --owner "" >/dev/null
"$GENDAN" add customer "Foxtrot Sleeping" --tier A >/dev/null
"$GENDAN" set foxtrot status=dormant >/dev/null
"$GENDAN" log alpha -m "first call" --via phone >/dev/null
"$GENDAN" log bravo -m "call" --next 2026-11-20 >/dev/null

export GENDAN_NOW=2026-11-10T09:00:00+00:00
gd 0 due --format=json
cp "$TMP/out" "$TMP/due.json"
has "$TMP/due.json" '"id": "alpha-lights"'
has "$TMP/due.json" '"id": "charlie-co"'
has "$TMP/due.json" '"id": "echo-unowned"'
hasnt "$TMP/due.json" '"id": "delta-imports"'
hasnt "$TMP/due.json" '"id": "bravo-lamps"'
hasnt "$TMP/due.json" 'foxtrot'
# alpha: contacted 11-01 09:00 + 84h = 11-04 21:00 -> 6 days late
has "$TMP/due.json" '"due": "2026-11-04"'
has "$TMP/due.json" '"days_late": 6'
has "$TMP/due.json" '"reason": "follow-up"'
has "$TMP/due.json" '"path": "customers/[0-9a-f]{2}/alpha-lights.yaml"'
for key in kind id name owner grade due days_late reason detail path; do
	has "$TMP/due.json" "\"$key\": "
done
# ordering: days late desc, then grade
gd 0 due --format=tsv
head -1 "$TMP/out" >"$TMP/header"
has "$TMP/header" "^id	kind	name	owner	grade	due	days_late	reason	detail	path$"
eq "order by days late, then grade" "echo-unowned charlie-co alpha-lights" \
	"$(tail -n +2 "$TMP/out" | cut -f1 | tr '\n' ' ' | sed 's/ $//')"

gd 0 due --all --format=tsv
has "$TMP/out" "^delta-imports	"
gd 0 due --owner wang.fang@example.com --format=tsv
eq "owner filter" "delta-imports" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 due --owner none --format=tsv
eq "owner none" "echo-unowned" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 due --tier C --format=tsv
eq "tier filter" "charlie-co" "$(tail -n +2 "$TMP/out" | cut -f1)"
gd 0 due --kind inquiry --format=tsv
eq "kind filter" "" "$(tail -n +2 "$TMP/out" | cut -f1)"

# --days adds upcoming items with negative days_late
gd 0 due --days 10 --format=json
has "$TMP/out" '"id": "bravo-lamps"'
has "$TMP/out" '"days_late": -10'
gd 0 due --days 9 --format=tsv
hasnt "$TMP/out" "bravo-lamps"

# time zones: dates are local dates
GENDAN_NOW=2026-11-04T17:00:00+00:00 TZ=UTC "$GENDAN" due --format=tsv --tier A >"$TMP/utc"
GENDAN_NOW=2026-11-04T17:00:00+00:00 TZ=Asia/Shanghai "$GENDAN" due --format=tsv --tier A >"$TMP/sh"
has "$TMP/utc" "^alpha-lights	.*	2026-11-04	0	"
has "$TMP/sh" "^alpha-lights	.*	2026-11-05	0	"

# a contact restarts the cadence; an explicit next overrides it
"$GENDAN" log charlie -m "talked" >/dev/null
gd 0 due --format=tsv
hasnt "$TMP/out" "charlie-co"
"$GENDAN" set charlie next=2026-11-12 >/dev/null
gd 0 due --days 2 --format=tsv
has "$TMP/out" "^charlie-co	.*	2026-11-12	-2	"

# a hold keeps a record out until its end
cat >>"$(ls customers/*/alpha-lights.yaml)" <<'YAML'
hold:
  until: 2026-11-15
  reason: Chinese New Year
YAML
"$GENDAN" commit -m "hold by hand" >/dev/null
gd 0 due --format=tsv
hasnt "$TMP/out" "alpha-lights"
GENDAN_NOW=2026-11-15T08:00:00+00:00 "$GENDAN" due --format=tsv >"$TMP/out"
has "$TMP/out" "^alpha-lights	.*	2026-11-15	0	"

# table output with --explain
export GENDAN_NOW=2026-11-10T09:00:00+00:00
gd 0 due --explain
has "$TMP/out" "DUE +WHEN +REF +NAME"
has "$TMP/out" "never contacted"
gd 0 due
has "$TMP/out" "customer/echo-unowned"
gd 2 due --days x
gd 2 due --format=xml
gd 2 due --kind widget

done_testing
