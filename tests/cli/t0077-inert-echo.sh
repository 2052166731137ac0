# Terminal output is inert (SPEC 5) on every path that echoes record or
# file text in a message: duplicate refusals, ambiguous REFs, bad records,
# import errors, reclaim and reassign lists, undo.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
printf 'pool:\n  reclaim-after: 30d\n' >>gendan.yaml
git commit -qam pool --no-verify
mkdir -p customers/00
# a valid record with a bidi override and a CR in its name and owner
cat >customers/00/evil.yaml <<'Y'
name: "Evil \u202E\r Co"
tier: B
status: active
owner: "li.lei@example.com"
email: e@evil.example
created: 2026-01-01
Y
cat >customers/00/evil-two.yaml <<'Y'
name: "Evil Two \u202E"
tier: B
status: active
owner: "mal\u202Elory@example.com"
created: 2026-01-01
Y
git add customers && git commit -qm evil --no-verify

# raw: stdout or stderr holds ESC, CR, another C0 control, or U+202E
raw() {
	LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]\|\342\200\256')" "$TMP/out" "$TMP/err" |
		awk -F: '{ s += $2 } END { print s }'
}
inert() { eq "$1: no raw control or bidi bytes" 0 "$(raw)"; }

gd 1 add customer "Other Co" --email x@evil.example
# (a message shows a C0 control as ?, and a bidi override escaped)
has "$TMP/err" "looks like a duplicate: customer/evil \(Evil \\\\u202e\? Co\)"
inert "the duplicate refusal"
gd 1 show vil
has "$TMP/err" "matches 2 records"
inert "an ambiguous REF"
gd 1 show "$(printf 'zz\033[2J')"
has "$TMP/err" "no record matches 'zz\?\[2J'"
inert "a REF not found"
gd 0 reclaim --dry-run
has "$TMP/out" "would reclaim customer/evil  Evil \\\\u202e\\\\r Co"
inert "reclaim"
gd 0 reassign --from "$(printf 'mal\342\200\256lory@example.com')" --to li.lei@example.com
has "$TMP/out" "customer/evil-two  Evil Two \\\\u202e"
inert "reassign"

# a record that is invalid because of an ESC: named, not echoed
printf 'name: "Bad \\e[2J"\n' >customers/00/bad.yaml
git add customers && git commit -qm bad --no-verify
gd 0 ls
has "$TMP/err" "customers/00/bad.yaml"
inert "ls naming a bad record"
gd 1 check
inert "check"

# import: errors echo the file's values
printf 'name,email,tier\nNew Co,x@evil.example,B\nBad Tier,b@new.example,"\033[2JA\342\200\256"\n' >"$TMP/in.csv"
gd 1 import "$TMP/in.csv"
has "$TMP/err" "in.csv:2: "
has "$TMP/err" "in.csv:3: "
inert "import errors"

# listings and reports of these records
"$GENDAN" set evil tier=A >/dev/null
for c in "due --all" "ls" "find evil" "stats --by owner" "report week" "report month" "show evil"; do
	gd 0 $c
	inert "$c"
done

# undo echoes the subject of the commit it reverts
"$GENDAN" log evil-two -m "$(printf 'called \342\200\256 back')" >/dev/null
gd 0 undo
has "$TMP/out" "undone: log: evil-two"
inert "undo"

# show's sums by currency: an order's currency is text from a record
mkdir -p orders/00
cat >orders/00/po-evil.yaml <<'Y'
number: PO-EVIL
customer: evil
status: open
currency: "US\u202ED"
ship-by: 2026-12-30
payments:
  - {what: deposit, amount: 100, due: 2026-12-01}
Y
git add orders && git commit -qm "evil order" --no-verify
gd 0 show customer/evil
has "$TMP/out" "PO-EVIL"
inert "show's outstanding by currency"

done_testing
