# `gendan due` answers from its summary (.git/gendan-due) exactly what it
# answers from the record files: after hand edits, files added or deleted by
# hand, a branch switch, a pull behind gendan's back, a new configuration, a
# new day, another time zone, and with a corrupt or foreign summary.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier C >/dev/null
"$GENDAN" add customer "Gulf Lights" --tier A >/dev/null
"$GENDAN" log gulf -m "asked for samples" --via phone >/dev/null
"$GENDAN" add inquiry --from "Carlos <carlos@andes.example>" --product "LED strip" >/dev/null
GENDAN_NOW=2026-11-20T09:00:00+00:00 "$GENDAN" add order "PO-7" --customer gulf \
	--ship-by 2026-12-30 >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

# due ARGS...: the due list, all owners, a year ahead, as TSV
due() { "$GENDAN" due --all --days 400 --format=tsv "$@" 2>"$TMP/due-err"; }
# same WHAT: the summary's answer is the files' answer, before and after
# the summary is (re)written
same() {
	due >"$TMP/warm1"
	due >"$TMP/warm2"
	mv .git/gendan-due "$TMP/summary" 2>/dev/null
	due >"$TMP/cold"
	if cmp -s "$TMP/warm1" "$TMP/cold" && cmp -s "$TMP/warm2" "$TMP/cold"; then
		ok "$1"
	else
		not_ok "$1"; diff "$TMP/cold" "$TMP/warm1" | sed 's/^/# /'
	fi
}

gd 0 due --all
check "the summary is written" test -s .git/gendan-due
same "a fresh ledger"
eq "every kind is listed" "customer inquiry order" \
	"$(due | tail -n +2 | cut -f2 | sort -u | tr '\n' ' ' | sed 's/ $//')"

# a hand edit is seen by the very next command, also one that keeps the size
due >/dev/null
sed -i 's/^tier: B$/tier: A/' "$f"
due >"$TMP/out"
has "$TMP/out" "^acme-trading-co	customer	ACME Trading Co.	[^	]*	A	"
same "after a hand edit"
sed -i 's/^tier: A$/tier: D/' "$f"
due >"$TMP/out"
has "$TMP/out" "^acme-trading-co	customer	ACME Trading Co.	[^	]*	D	"
git checkout -q -- "$f"

# added and deleted by hand, a bad record, the same id twice
mkdir -p customers/00 customers/01
printf 'name: Hand Made\ntier: A\ncreated: 2026-11-01\n' >customers/00/hand-made.yaml
due >"$TMP/out"
has "$TMP/out" "^hand-made	"
same "after a file added by hand"
printf 'name: [oops\n' >customers/00/broken.yaml
due >"$TMP/out"
has "$TMP/due-err" "customers/00/broken.yaml:[0-9]+:[0-9]+: "
due >"$TMP/out"
has "$TMP/due-err" "customers/00/broken.yaml:[0-9]+:[0-9]+: "
has "$TMP/out" "^hand-made	"
printf 'name: Hand Made Twice\ntier: A\ncreated: 2026-11-01\n' >customers/01/hand-made.yaml
due >"$TMP/out"
has "$TMP/due-err" "duplicate id 'hand-made'"
due >"$TMP/out"
has "$TMP/due-err" "duplicate id 'hand-made'"
eq "a duplicate id is listed once" 1 "$(grep -c '^hand-made	' "$TMP/out")"
same "with a bad record and a duplicate id"
rm customers/00/hand-made.yaml customers/00/broken.yaml customers/01/hand-made.yaml
due >"$TMP/out"
hasnt "$TMP/out" "^hand-made	"
check "no error once they are gone" test ! -s "$TMP/due-err"

# a branch switch and a pull behind gendan's back
git checkout -q -b other
"$GENDAN" set bravo tier=A >/dev/null
due >"$TMP/out"
has "$TMP/out" "^bravo-lamps	customer	Bravo Lamps	[^	]*	A	"
git checkout -q main
due >"$TMP/out"
has "$TMP/out" "^bravo-lamps	customer	Bravo Lamps	[^	]*	C	"
git merge -q --ff-only other
due >"$TMP/out"
has "$TMP/out" "^bravo-lamps	customer	Bravo Lamps	[^	]*	A	"
same "after a merge by git"

# a new cadence changes every due date
due >"$TMP/before"
sed -i 's/every: 7d/every: 2d/' gendan.yaml
due >"$TMP/out"
check "a new configuration is seen" sh -c "! cmp -s '$TMP/before' '$TMP/out'"
same "after a configuration change"
git checkout -q -- gendan.yaml

# a new day: a late stage says how late, and a record without `created`
# is due on the day it is looked at
printf 'name: No Date\ntier: A\n' >customers/00/no-date.yaml
GENDAN_NOW=2026-12-10T09:00:00+00:00 due >"$TMP/d1"
GENDAN_NOW=2026-12-12T09:00:00+00:00 due >"$TMP/d2"
has "$TMP/d1" "^no-date	.*	2026-12-10	0	"
has "$TMP/d2" "^no-date	.*	2026-12-12	0	"
rm -f .git/gendan-due
GENDAN_NOW=2026-12-12T09:00:00+00:00 due >"$TMP/d2cold"
check "a new day's answer is the files' answer" cmp "$TMP/d2" "$TMP/d2cold"
grep "^po-7	" "$TMP/d1" | cut -f9 >"$TMP/s1"
grep "^po-7	" "$TMP/d2" | cut -f9 >"$TMP/s2"
check "a late stage's lateness follows the day" sh -c "! cmp -s '$TMP/s1' '$TMP/s2'"
rm customers/00/no-date.yaml

# due dates are local dates: another time zone, another answer
TZ=Pacific/Kiritimati due >"$TMP/east"
rm -f .git/gendan-due
TZ=Pacific/Kiritimati due >"$TMP/eastcold"
check "another time zone is not answered from the summary" cmp "$TMP/east" "$TMP/eastcold"

# the user's language: the table in Chinese and JSON in English, both from
# one summary, both what the files say
if [ -n "${GENDAN_LOCALEDIR:-}" ]; then
	LANGUAGE=zh_CN "$GENDAN" due --all --days 400 >"$TMP/zh1"
	LANGUAGE=zh_CN "$GENDAN" due --all --days 400 --format=json >"$TMP/json1"
	LANGUAGE=zh_CN "$GENDAN" due --all --days 400 >"$TMP/zh2"
	rm -f .git/gendan-due
	LANGUAGE=zh_CN "$GENDAN" due --all --days 400 >"$TMP/zhcold"
	"$GENDAN" due --all --days 400 --format=json >"$TMP/jsoncold"
	has "$TMP/zh1" "^到期日"
	check "the Chinese table from the summary" cmp "$TMP/zh1" "$TMP/zhcold"
	check "and again" cmp "$TMP/zh2" "$TMP/zhcold"
	check "JSON stays English from a Chinese summary" cmp "$TMP/json1" "$TMP/jsoncold"
else
	not_ok "GENDAN_LOCALEDIR is set by meson test"
fi

# an edit that puts the mtime back is seen by its ctime, also once the
# file is old enough to be trusted by its stat data (two seconds)
sleep 3
due >/dev/null
same_stat "$f" "tier: B" "tier: D"
sleep 3
due >"$TMP/out"
has "$TMP/out" "^acme-trading-co	customer	ACME Trading Co.	[^	]*	D	"
same_stat "$f" "tier: D" "tier: B"

# corrupt, truncated, random and foreign summaries are rebuilt, not believed
sleep 3 # old enough to be taken from a summary, had it been believed
due >"$TMP/good"
not_believed .git/gendan-due GDDUE005 "$TMP/good" due
# damage bytes of the summary in turn: never a crash, never a wrong list
# (a sample here, through the real binary; every byte in tests/test-scan.c)
due >/dev/null
eq "a damaged summary is never believed" 0 "$(damage_each .git/gendan-due 101 "$TMP/good" due)"
# an entry whose stat data do not match its file is not used
printf 'name: ACME Trading Co.\ntier: C\nstatus: active\n' >"$f"
due >"$TMP/out"
has "$TMP/out" "^acme-trading-co	customer	ACME Trading Co.	[^	]*	C	"
gd 0 check
done_testing
