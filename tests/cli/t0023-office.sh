# Real-world files: a CSV written by LibreOffice from an .xlsx, and the
# ICS export read back by a real iCalendar parser (python3-icalendar).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"

if command -v soffice >/dev/null; then
	lo() { soffice -env:UserInstallation="file://$TMP/lo" --headless "$@" >/dev/null 2>&1; }
	printf 'Name,Tier,Email,Country,Note\n"Gulf Lights, LLC",A,ahmed@gulflights.ae,AE,"two\nlines"\n宁波海天贸易有限公司,B,,CN,"said ""call me"""\n' >"$TMP/src.csv"
	# the .xlsx a user would have, then LibreOffice's own CSV of it (UTF-8)
	(cd "$TMP" && lo --convert-to xlsx src.csv && mv src.xlsx book.xlsx &&
		lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' book.xlsx)
	check "LibreOffice wrote a CSV from the xlsx" test -s "$TMP/book.csv"
	gd 0 import csv "$TMP/book.csv" --kind customer
	has "$TMP/out" "imported 2 customer records"
	has "$(ls customers/*/gulf-lights-llc.yaml)" '^name: Gulf Lights, LLC$'
	has "$(ls customers/*/gulf-lights-llc.yaml)" '^note: "two\\nlines"$'
	has "$(ls customers/c-*/*.yaml customers/*/c-*.yaml 2>/dev/null | head -1)" '^note: said "call me"$'
else
	skip "soffice is not installed (apt-get install libreoffice-calc-nogui)"
	"$GENDAN" add customer "Gulf Lights, LLC" --tier A --email ahmed@gulflights.ae >/dev/null
fi

py=/usr/bin/python3
if [ -x "$py" ] && "$py" -c 'import icalendar' 2>/dev/null; then
	"$GENDAN" log gulf -m "Quote sent, call back Friday" --next 2026-11-27 >/dev/null
	gd 0 export ics
	cp "$TMP/out" "$TMP/g.ics"
	"$py" - "$TMP/g.ics" >"$TMP/parsed" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for ev in cal.walk('VEVENT'):
    print(ev['UID'], ev.decoded('DTSTART').isoformat(), ev['SUMMARY'], '|', str(ev['DESCRIPTION']).replace('\n', ' / '))
PY
	eq "the parser reads every event" "$(grep -c '^BEGIN:VEVENT' "$TMP/g.ics")" "$(wc -l <"$TMP/parsed")"
	has "$TMP/parsed" "^customer-gulf-lights-llc@gendan 2026-11-27 follow-up: Gulf Lights, LLC \| next agreed 2026-11-27.* / last contact 2026-11-23: Quote sent, call back Friday$"
else
	skip "python3-icalendar is not installed"
fi

done_testing
