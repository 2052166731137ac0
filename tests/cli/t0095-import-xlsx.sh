# xlsx import (SPEC 3.6): the first worksheet or --sheet; shared strings
# (rich text runs joined, phonetic guides left out), inline strings,
# numbers as written (no ".0", exponents spelled out), booleans, date
# cells (built-in and custom formats, 1900 and 1904 systems); cells placed
# by their reference, rows numbered as the sheet numbers them.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
mk() { python3 "$TESTDIR/xlsx.py" "$@"; }

cat >"$TMP/si" <<'XML'
<si><t>客户名称</t></si>
<si><r><t>等</t></r><r><rPr><b/></rPr><t>级</t></r><rPh sb="0" eb="1"><t>deng</t></rPh></si>
<si><t>Gulf Lights, LLC</t></si>
<si><r><t xml:space="preserve">宁波海天</t></r><r><t>贸易有限公司</t></r></si>
<si><t>下次跟进</t></si>
XML
# row 2 full; rows 3-4 missing; row 5 with a gap (no B5) and one cell
# without a reference (after C5: D5)
cat >"$TMP/rows" <<'XML'
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>电话</t></is></c><c r="D1" t="s"><v>4</v></c><c r="E1" t="inlineStr"><is><r><t>备</t></r><r><t>注</t></r></is></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>a级</t></is></c><c r="C2"><v>8.613800138E+12</v></c><c r="D2" s="1"><v>46364</v></c><c r="E2" s="4"><v>1.50E+3</v></c></row>
<row r="5"><c r="A5" t="s"><v>3</v></c><c r="C5" t="str"><f>"+86 574 8888 1234"</f><v>+86 574 8888 1234</v></c><c s="2"><v>46365.5</v></c><c r="E5" t="b"><v>1</v></c></row>
<row r="6"><c r="A6" s="3"/><c r="B6"/></row>
XML
mk "$TMP/book.xlsx" --strings "$TMP/si" 客户="$TMP/rows"
cp "$TMP/book.xlsx" "$TMP/book.bin"
gd 0 import "$TMP/book.bin"
has "$TMP/out" "imported 2 customer records"
f=$(ls customers/*/gulf-lights-llc.yaml)
has "$f" '^name: Gulf Lights, LLC$'
has "$f" '^tier: A$'
has "$f" '^phone: "8613800138000"$'
has "$f" '^next: 2026-12-08$'
has "$f" '^note: "1500"$'
f=$(grep -l 海天 customers/*/*.yaml)
has "$f" '^name: 宁波海天贸易有限公司$'
has "$f" '^phone: "\+86 574 8888 1234"$'
has "$f" '^next: 2026-12-09$'
has "$f" '^note: "TRUE"$'
hasnt "$f" '^tier:.*deng'
clean "after the import"

# the 1904 date system (Excel for Mac before 2011): 44902 is 2026-12-08
cat >"$TMP/rows" <<'XML'
<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>next</t></is></c><c r="C1" t="inlineStr"><is><t>note</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Mac Buyer</t></is></c><c r="B2" s="1"><v>44902</v></c><c r="C2" s="3"><v>0.75</v></c></row>
XML
mk "$TMP/mac.xlsx" --1904 Sheet1="$TMP/rows"
gd 0 import xlsx "$TMP/mac.xlsx"
has "$(ls customers/*/mac-buyer.yaml)" '^next: 2026-12-08$'
has "$(ls customers/*/mac-buyer.yaml)" '^note: "0.75"$'

# the first worksheet, or --sheet (by name, any case); an unknown sheet
# lists the sheets
printf '<row r="1"><c r="A1" t="inlineStr"><is><t>说明：第二页是客户</t></is></c></row>' >"$TMP/notes"
printf '<row r="3"><c r="B3" t="inlineStr"><is><t>name</t></is></c></row><row r="4"><c r="B4" t="inlineStr"><is><t>Second Sheet Co</t></is></c></row>' >"$TMP/second"
mk "$TMP/two.xlsx" 说明="$TMP/notes" Customers="$TMP/second"
gd 0 import "$TMP/two.xlsx"
has "$TMP/err" "two.xlsx: column '说明：第二页是客户' is neither mapped nor a field"
has "$TMP/out" "nothing to import"
gd 0 import "$TMP/two.xlsx" --sheet customers
has "$TMP/out" "imported 1 customer record"
test -n "$(ls customers/*/second-sheet-co.yaml 2>/dev/null)" && ok "the named sheet is read" ||
	not_ok "the named sheet is read"
gd 1 import "$TMP/two.xlsx" --sheet 客户
has "$TMP/err" "^gendan: .*two.xlsx: no sheet '客户'; the sheets are: '说明', 'Customers'$"
gd 1 import "$TMP/mac.xlsx" --sheet Sheet2 --dry-run
has "$TMP/err" "the sheets are: 'Sheet1'$"

# errors name the sheet's row; nothing is written
cat >"$TMP/rows" <<'XML'
<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>tier</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>Good Row Ltd</t></is></c><c r="B2" t="inlineStr"><is><t>B</t></is></c></row>
<row r="7"><c r="A7" t="inlineStr"><is><t>Bad Tier Ltd</t></is></c><c r="B7" t="inlineStr"><is><t>Z</t></is></c></row>
XML
mk "$TMP/bad.xlsx" Sheet1="$TMP/rows"
before=$(commits)
gd 1 import "$TMP/bad.xlsx"
has "$TMP/err" "bad.xlsx:7: .*'Z'"
eq "nothing was committed" "$before" "$(commits)"
clean "after the refused import"

# the word must fit the content; --sheet is for xlsx files
gd 1 import csv "$TMP/mac.xlsx"
has "$TMP/err" "mac.xlsx is an xlsx file, not csv"
printf 'name\nPlain Text Co\n' >"$TMP/plain.xlsx"
gd 1 import xlsx "$TMP/plain.xlsx"
has "$TMP/err" "plain.xlsx is a csv file, not xlsx"
gd 1 import "$TMP/plain.xlsx" --sheet X
has "$TMP/err" "plain.xlsx: --sheet is for xlsx files"

done_testing
