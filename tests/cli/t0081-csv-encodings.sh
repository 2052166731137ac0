# CSV as spreadsheets write it (SPEC 3.6): GB18030/GBK with CRLF as Excel
# writes it on Chinese Windows, UTF-8 with and without BOM, UTF-16 with
# BOM ("Unicode text", TAB-separated), semicolons (European Excel), blank
# ",,,," rows; text that is no known encoding is refused naming its line,
# never imported as mojibake.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"

# GBK, CRLF: a name whose GBK bytes are not UTF-8, and a city, 石狮, whose
# bytes alone would pass for UTF-8 (the mojibake of the issue)
printf 'name,city,country\r\n宁波海天贸易有限公司,宁波,CN\r\n福建石狮服装厂,石狮,CN\r\n' |
	iconv -f UTF-8 -t GB18030 >"$TMP/gbk.csv"
gd 0 import csv "$TMP/gbk.csv" --kind customer
has "$TMP/out" "imported 2 customer records"
gd 0 ls --format=tsv
has "$TMP/out" "宁波海天贸易有限公司"
has "$TMP/out" "福建石狮服装厂.*石狮"

# UTF-16LE with BOM, TAB-separated, as Excel's "Unicode text"
printf 'name\ttier\temail\r\nNordic Lamp AB\tC\tinkop@nordiclamp.se\r\n' |
	iconv -f UTF-8 -t UTF-16LE >"$TMP/u16.body"
{ printf '\377\376'; cat "$TMP/u16.body"; } >"$TMP/u16.txt"
gd 0 import csv "$TMP/u16.txt" --kind customer
gd 0 show nordic
has "$TMP/out" "inkop@nordiclamp.se"

# semicolons, UTF-8 BOM, and blank rows as spreadsheets leave them
printf '\357\273\277name;country;city\r\nMüller GmbH;DE;München\r\n;;\r\n\r\nDupont SA;FR;Lyon\r\n' >"$TMP/semi.csv"
gd 0 import csv "$TMP/semi.csv" --kind customer
has "$TMP/out" "imported 2 customer records"
gd 0 show "Müller"
has "$TMP/out" "München"

# a bad row is named by its file line, blank rows counted
printf 'name,tier\n,,\nGood Co,B\n\nBad Co,Q\n' >"$TMP/lines.csv"
gd 1 import csv "$TMP/lines.csv" --kind customer
has "$TMP/err" "lines.csv:5: .*tier 'Q'"

# neither UTF-8 nor GB18030: refused naming the line, nothing written
printf 'name\nOK Co\n\377\377\377\n' >"$TMP/junk.csv"
before=$(git rev-list --count HEAD)
gd 1 import csv "$TMP/junk.csv" --kind customer
has "$TMP/err" "junk.csv:3: the text is neither UTF-8 nor GB18030"
# a UTF-8 BOM and then bytes that are not UTF-8
printf '\357\273\277name\nA\351B\n' >"$TMP/badbom.csv"
gd 1 import csv "$TMP/badbom.csv" --kind customer
has "$TMP/err" "badbom.csv:2: the text is not UTF-8"
eq "nothing committed" "$before" "$(git rev-list --count HEAD)"

# --encoding: any iconv name; an unknown one is a clear error
printf 'name,city\nCaf\351 Lumi\350re,Li\350ge\n' >"$TMP/latin1.csv"
gd 0 import csv "$TMP/latin1.csv" --kind customer --encoding ISO-8859-1
gd 0 show "Café"
has "$TMP/out" "Liège"
gd 1 import csv "$TMP/latin1.csv" --kind customer --encoding KLINGON-8
has "$TMP/err" "unknown encoding 'KLINGON-8'"
printf 'name\n\344\275\240\n' >"$TMP/utf8.csv"
gd 1 import csv "$TMP/utf8.csv" --kind customer --encoding ASCII
has "$TMP/err" "utf8.csv:2: the text is not ASCII"
clean
done_testing
