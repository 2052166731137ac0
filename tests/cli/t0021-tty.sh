# On a terminal: colours for overdue (red) and today (yellow), NO_COLOR and
# --color, run under a real pseudo-terminal with script(1).
. "$TESTDIR/lib.sh"
if ! command -v script >/dev/null; then
	echo "ok 1 # SKIP script(1) is not installed"; echo "1..1"; exit 0
fi
new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-01T09:00:00+00:00
"$GENDAN" add customer "Late Lights" --tier B >/dev/null
export GENDAN_NOW=2026-11-23T09:00:00+00:00
"$GENDAN" add customer "宁波今天" --id today-co --tier A >/dev/null
esc=$(printf '\033')
tty() { TERM=xterm script -qec "$*" /dev/null </dev/null >"$TMP/tty" 2>&1; }
unset NO_COLOR
tty "$GENDAN" due
has "$TMP/tty" "${esc}\[31m2026-11-01 +22d late"
has "$TMP/tty" "${esc}\[33m2026-11-23 +today"
has "$TMP/tty" "${esc}\[1mDUE"
NO_COLOR=1 tty "$GENDAN" due
hasnt "$TMP/tty" "${esc}\["
NO_COLOR=1 tty "$GENDAN" --color=always due
has "$TMP/tty" "${esc}\[31m"
tty "$GENDAN" --color=never due
hasnt "$TMP/tty" "${esc}\["
"$GENDAN" --color=always due >"$TMP/pipe"
has "$TMP/pipe" "${esc}\[31m"
"$GENDAN" due >"$TMP/pipe"
hasnt "$TMP/pipe" "${esc}\["
# import shows its progress on a terminal, and only there
printf 'name\nOne Co\nTwo Co\n' >"$TMP/two.csv"
tty "$GENDAN" import csv "$TMP/two.csv" --kind customer --dry-run
has "$TMP/tty" "checking rows: 2/2 \(100%\)"
"$GENDAN" import csv "$TMP/two.csv" --kind customer --dry-run >"$TMP/pipe" 2>&1
hasnt "$TMP/pipe" "checking rows"
done_testing
