# report --format=html: one self-contained page (SPEC 3.5), opened by a
# real browser (Debian's chromium, headless): inline CSS and SVG charts, no
# script, nothing from the network, the records' text escaped.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
cat >>gendan.yaml <<'YAML'
team:
  - {email: li.lei@example.com, name: 李雷, role: sales}
  - {email: wang.fang@example.com, name: Wang Fang, role: sales}
YAML
"$GENDAN" commit -m "team" >/dev/null
at() { export GENDAN_NOW=$1 GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1; }
at 2026-11-16T09:00:00+00:00
"$GENDAN" add customer "<script>alert(1)</script>" --id evil --tier A >/dev/null
"$GENDAN" add customer "Bravo & Sons" --tier A --owner wang.fang@example.com >/dev/null
"$GENDAN" add order PO-9 --customer evil --ship-by 2026-12-30 --currency USD >/dev/null
"$GENDAN" add order PO-10 --customer bravo --ship-by 2026-12-30 --currency EUR \
	--owner wang.fang@example.com >/dev/null
"$GENDAN" pay PO-9 deposit --amount 3202.50 --due 2026-11-20 >/dev/null
"$GENDAN" pay PO-10 deposit --amount 999.99 --due 2026-12-20 >/dev/null
at 2026-11-17T10:00:00+00:00
"$GENDAN" log evil -m '<img src="http://example.com/x.png">' --via phone >/dev/null
GIT_AUTHOR_EMAIL=wang.fang@example.com "$GENDAN" log bravo -m "Called" >/dev/null
"$GENDAN" add inquiry --from Maria --company "Lopez SA" --product "solar light" \
	--received 2026-11-17T08:00:00+00:00 >/dev/null
at 2026-11-18T10:00:00+00:00
"$GENDAN" log lopez -m "Prices sent" >/dev/null
"$GENDAN" pay PO-9 deposit --received 2026-11-18 --amount 3180 --fee 22.50 >/dev/null
at 2026-12-02T09:00:00+00:00

gd 0 report week --date 2026-11-18 --format=html
cp "$TMP/out" "$TMP/week.html"
gd 0 report month --date 2026-11-18 --format=html
cp "$TMP/out" "$TMP/month.html"
for f in week month; do
	h="$TMP/$f.html"
	has "$h" "^<!DOCTYPE html>$"
	has "$h" "&lt;script&gt;alert\(1\)&lt;/script&gt;"
	hasnt "$h" "<script"
	hasnt "$h" "<img"
	hasnt "$h" "<[^>]*(src|href)="
	hasnt "$h" "url\("
	hasnt "$h" "@import"
	has "$h" "<svg class=\"chart\""
	has "$h" "李雷"
	has "$h" "Bravo &amp; Sons"
done
eq "the week's page has two charts" 2 "$(grep -c '<svg' "$TMP/week.html")"
eq "the month's page has four charts" 4 "$(grep -c '<svg' "$TMP/month.html")"
has "$TMP/month.html" "<td>3180</td>"
has "$TMP/month.html" "USD 3180"
has "$TMP/month.html" "EUR 999.99"
# the same bytes as the Markdown says, in the past
"$GENDAN" report month --date 2026-11-18 --format=html >"$TMP/again"
check "a past month's page twice: the same bytes" cmp "$TMP/month.html" "$TMP/again"

if ! command -v chromium >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then
		not_ok "chromium is installed (tools/deps test)"
	else
		skip "no chromium: the page is not opened in a browser"
	fi
	done_testing
fi
for f in week month; do
	rm -f "$TMP/$f.png"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$TMP/chrome-$f" --screenshot="$TMP/$f.png" \
		--window-size=1200,1600 "file://$TMP/$f.html" >/dev/null 2>&1
	check "chromium took a screenshot of the $f's page" test -s "$TMP/$f.png"
	eq "the $f's screenshot is a PNG" "89504e470d0a1a0a" \
		"$(head -c 8 "$TMP/$f.png" | od -An -tx1 | tr -d ' \n')"
	size=$(wc -c <"$TMP/$f.png")
	check "the $f's screenshot is not blank ($size bytes)" test "$size" -gt 20000
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$TMP/chrome-$f" --dump-dom "file://$TMP/$f.html" \
		>"$TMP/$f.dom" 2>/dev/null
	has "$TMP/$f.dom" "<td>&lt;script&gt;alert\(1\)&lt;/script&gt;</td>"
	hasnt "$TMP/$f.dom" "<script"
	has "$TMP/$f.dom" "<td>李雷</td>"
	has "$TMP/$f.dom" "<td>Lopez SA</td>"
	has "$TMP/$f.dom" "<rect "
done
has "$TMP/month.dom" "EUR 999.99"
has "$TMP/month.dom" "<td>22.50</td>"
has "$TMP/week.dom" "Wang Fang: 1</text>"

done_testing
