# `ls`, `find` and a REF that is not an id answer from the summary
# .git/gendan-list exactly what the record files say: after hand edits,
# files added or deleted by hand, a bad record, a duplicate id, a branch
# switch, a merge by git, another language, and with a corrupt or foreign
# summary.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example \
	--phone "+1 312 555 0100" --country US --city Chicago --tag lighting >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier C --country DE >/dev/null
"$GENDAN" add customer "宁波海天贸易有限公司" --tier A --country CN --city 宁波 >/dev/null
"$GENDAN" log bravo -m "wants the 5W bulb price" --via phone >/dev/null
"$GENDAN" add inquiry --from "Carlos <carlos@andes.example>" --product "LED strip" >/dev/null
"$GENDAN" add order "PO-7" --customer bravo --ship-by 2026-12-30 >/dev/null
"$GENDAN" hold bravo --until 2026-12-01 -m "trade fair" >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

# answers [cold]: what every command below prints, with its exit code and
# errors; cold: each without a summary, from the record files alone
answers() {
	for args in "ls --format=tsv" "ls customer --tier a --format=tsv" \
		"ls --country de" "ls --city 宁波 --format=tsv" "ls --tag LIGHTING" \
		"ls --owner none --format=tsv" "ls --status active --format=tsv" \
		"find acme --format=tsv" "find 5w BULB" "find 555-0100" "find 海天" \
		"find carlos --format=json" "ls order --format=json" \
		"show Bravo --format=json" "show 宁波 --format=json" \
		"show JOHN@acme.example --format=json" "show 5550100 --format=json" \
		"show po-7 --format=json" "show acme-t --format=json" "show l" \
		"show nobody"; do
		[ "${1:-}" = cold ] && rm -f .git/gendan-list
		# shellcheck disable=SC2086
		"$GENDAN" $args 2>&1
		echo "exit $?"
	done
}
# same WHAT: the summary's answer is the files' answer, as the first
# command finds the summary (perhaps stale), once it is rewritten (the
# commands after it), and with no summary for each command
same() {
	answers >"$TMP/warm"
	answers cold >"$TMP/cold"
	if cmp -s "$TMP/warm" "$TMP/cold"; then
		ok "$1"
	else
		not_ok "$1"; diff "$TMP/cold" "$TMP/warm" | sed 's/^/# /'
	fi
}

gd 0 ls
check "the summary is written" test -s .git/gendan-list
same "a fresh ledger"
answers >"$TMP/out"
has "$TMP/out" "^bravo-lamps	customer	Bravo Lamps	C	active \(hold until 2026-12-01\)	"
has "$TMP/out" "^acme-trading-co	customer	ACME Trading Co\.	B	active	[^	]+	US	Chicago		"
has "$TMP/out" "'l' matches 2 records: customer/bravo-lamps \(Bravo Lamps\), inquiry/"
has "$TMP/out" "^gendan: no record matches 'nobody'"

# a hand edit is seen by the very next command, also one that keeps the size
sed -i 's/^tier: B$/tier: A/' "$f"
"$GENDAN" ls customer --tier A --format=tsv >"$TMP/out"
has "$TMP/out" "^acme-trading-co	"
sed -i 's/^name: ACME Trading Co\.$/name: ACME Tradinq Co./' "$f"
gd 0 show tradinq
has "$TMP/out" "^  name +ACME Tradinq Co\."
gd 1 show trading
same "after hand edits"
git checkout -q -- "$f"

# added and deleted by hand, a bad record, the same id twice
mkdir -p customers/00 customers/01
printf 'name: Hand Made\ntier: A\nemail: hm@hand.example\n' >customers/00/hand-made.yaml
gd 0 show hm@hand.example
has "$TMP/out" "^  name +Hand Made$"
same "after a file added by hand"
printf 'name: [oops\n' >customers/00/broken.yaml
gd 0 ls
has "$TMP/err" "customers/00/broken.yaml:[0-9]+:[0-9]+: "
has "$TMP/out" "customer/hand-made "
gd 0 find hand
has "$TMP/err" "customers/00/broken.yaml:[0-9]+:[0-9]+: "
printf 'name: Hand Made Twice\ntier: A\n' >customers/01/hand-made.yaml
gd 0 ls --format=tsv
has "$TMP/err" "duplicate id 'hand-made'"
eq "a duplicate id is listed once" 1 "$(grep -c '^hand-made	' "$TMP/out")"
gd 0 ls --format=tsv
eq "and again, from the summary" 1 "$(grep -c '^hand-made	' "$TMP/out")"
same "with a bad record and a duplicate id"
rm customers/00/hand-made.yaml customers/00/broken.yaml customers/01/hand-made.yaml
gd 1 show hm@hand.example
has "$TMP/err" "no record matches 'hm@hand.example'"
gd 0 find hand
check "no error once they are gone" test ! -s "$TMP/err"

# a branch switch and a merge by git behind gendan's back
git checkout -q -b other
"$GENDAN" set bravo tier=A >/dev/null
"$GENDAN" ls customer --tier A --format=tsv >"$TMP/out"
has "$TMP/out" "^bravo-lamps	"
git checkout -q main
"$GENDAN" ls customer --tier A --format=tsv >"$TMP/out"
hasnt "$TMP/out" "^bravo-lamps	"
git merge -q --ff-only other
"$GENDAN" ls customer --tier A --format=tsv >"$TMP/out"
has "$TMP/out" "^bravo-lamps	"
same "after a merge by git"

# a REF found in the summary is the record as its file says now
"$GENDAN" log "Bravo" -m "sent the price list" --via email >/dev/null
gd 0 show Bravo
has "$TMP/out" "sent the price list"
gd 0 ls customer --format=tsv
has "$TMP/out" "^bravo-lamps	.*	2026-[0-9-]+ email	"

# a new configuration: a channel no longer known makes a record bad
cp gendan.yaml "$TMP/cfg"
sed -i '/^  - email$/d' gendan.yaml
gd 0 ls --format=tsv
has "$TMP/err" "bravo-lamps\.yaml"
hasnt "$TMP/out" "^bravo-lamps	"
same "after a configuration change"
cp "$TMP/cfg" gendan.yaml
gd 0 ls --format=tsv
has "$TMP/out" "^bravo-lamps	"

# add looks before it adds through the summary: a duplicate by what a hand
# edit wrote, an id taken by a file kept elsewhere, a customer by name
sed -i 's/^email: john@acme\.example$/email: john@acme-lighting.example/' "$f"
gd 1 add customer "John's Shop" --email sales@acme-lighting.example
has "$TMP/err" "looks like a duplicate: customer/acme-trading-co \(ACME Trading Co\.\), tier B, status active \(same email domain acme-lighting\.example\)"
gd 0 add customer "Old Mail Shop" --email shop@acme.example
git checkout -q -- "$f"
printf 'name: Kept Elsewhere\ntier: A\n' >customers/00/zeta.yaml
gd 0 add customer "Zeta" --tier A
has "$TMP/out" "^added customer/zeta-2 "
gd 1 add customer "Zeta" --tier A --id zeta
has "$TMP/err" "customer 'zeta' already exists"
rm -f .git/gendan-list
gd 1 add customer "Kept Elsewhere Ltd"
has "$TMP/err" "looks like a duplicate: customer/zeta \(Kept Elsewhere\)"
gd 0 add order PO-8 --customer "Bravo Lamps" --ship-by 2026-12-30
has "$TMP/out" "^added order/po-8 "
rm customers/00/zeta.yaml

# the user's language: the hold is worded in Chinese from a Chinese
# summary, and in English again after
if [ -n "${GENDAN_LOCALEDIR:-}" ]; then
	LANGUAGE=zh_CN "$GENDAN" ls customer >"$TMP/zh1"
	LANGUAGE=zh_CN "$GENDAN" ls customer >"$TMP/zh2"
	has "$TMP/zh1" "active（搁置至 2026-12-01）"
	check "the Chinese listing from the summary" cmp "$TMP/zh1" "$TMP/zh2"
	"$GENDAN" ls customer >"$TMP/en"
	has "$TMP/en" "active \(hold until 2026-12-01\)"
else
	not_ok "GENDAN_LOCALEDIR is set by meson test"
fi

# a file is trusted by its stat data only once they are two seconds old:
# an edit that puts the mtime back is seen by its ctime, also when old
sleep 3
"$GENDAN" ls --format=tsv >/dev/null
same_stat "$f" "tier: B" "tier: D"
gd 0 ls customer --tier D --format=tsv
has "$TMP/out" "^acme-trading-co	"
sleep 3
gd 0 ls customer --tier D --format=tsv
has "$TMP/out" "^acme-trading-co	"
same_stat "$f" "tier: D" "tier: B"

# corrupt, truncated, random and foreign summaries are rebuilt, not believed
sleep 3 # old enough to be taken from a summary, had it been believed
answers >"$TMP/good"
not_believed .git/gendan-list GDLIST05 "$TMP/good" answers
"$GENDAN" due >/dev/null
cp .git/gendan-due .git/gendan-list
answers >"$TMP/got"
check "due's summary in its place" cmp "$TMP/good" "$TMP/got"
# damage bytes of the summary in turn: never a crash, never a wrong answer
# (a sample here, through the real binary; every byte in tests/test-scan.c)
three() {
	"$GENDAN" ls --format=tsv 2>&1
	"$GENDAN" find 5w 2>&1
	"$GENDAN" show 5550100 --format=json 2>&1
}
rm -f .git/gendan-list
three >"$TMP/want"
eq "a damaged summary is never believed" 0 "$(damage_each .git/gendan-list 101 "$TMP/want" three)"
clean "reading never changes the ledger"
gd 0 check
done_testing
