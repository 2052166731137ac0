# gendan log and hold refuse implausible dates: --at after now, --next
# before the contact, hold --until not after today (SPEC 3; issue 14
# item 9).  One line naming the option and what is accepted; nothing written.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
export GENDAN_NOW=2026-12-02T09:00:00+00:00
"$GENDAN" add customer "Acme Lights" --tier A >/dev/null
head=$(git rev-parse HEAD)
gd 1 log acme -m "typo" --at 2027-12-10
has "$TMP/err" "^gendan: --at 2027-12-10.* is after now: .*now or earlier"
eq "one line" 1 "$(wc -l <"$TMP/err")"
gd 1 log acme -m "an hour ahead" --at "2026-12-02 10:00"
has "$TMP/err" "--at .* is after now"
gd 1 log acme -m "December" --next 2026-01-05
has "$TMP/err" "^gendan: --next 2026-01-05 is before the contact \(2026-12-02\): "
gd 1 log acme -m "back-dated" --at 2026-11-20 --next 2026-11-19
has "$TMP/err" "--next 2026-11-19 is before the contact \(2026-11-20\)"
gd 1 hold acme --until 2026-12-02
has "$TMP/err" "^gendan: --until 2026-12-02 is not after today \(2026-12-02\): "
gd 1 hold acme --until yesterday
has "$TMP/err" "--until 2026-12-01 is not after today"
eq "nothing committed" "$head" "$(git rev-parse HEAD)"
clean
# what is plausible passes
gd 0 log acme -m "now" --next 2026-12-02
gd 0 log acme -m "earlier" --at 2026-11-20 --next 2026-11-25
gd 0 hold acme --until tomorrow
done_testing
