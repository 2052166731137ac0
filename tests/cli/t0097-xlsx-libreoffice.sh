# An xlsx as LibreOffice writes it (issue 16): made here at run time from
# a CSV with Chinese names, a +86 phone kept as text, and a date column
# (shared strings, LibreOffice's own number formats, "General" included),
# then imported.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
if ! command -v soffice >/dev/null; then
	skip "soffice is not installed (apt-get install libreoffice-calc-nogui)"
	done_testing
fi
printf '客户名称,电话,邮箱,等级,下次跟进,备注\n宁波海天贸易有限公司,+8613800138000,wang@haitian.example,A,2026-12-08,老客户\n"Gulf Lights, LLC",+971 4 555 0100,ahmed@gulflights.ae,b级,2026/12/9,"two\nlines"\n福建石狮服装厂,0595-8888-0000,,C类,2026-12-10,1.50\n' >"$TMP/src.csv"
# the phone column as text (2), the date column as Y-M-D dates (5), as a
# user picks them in LibreOffice's CSV dialog
(cd "$TMP" && soffice -env:UserInstallation="file://$TMP/lo" --headless \
	--infilter="CSV:44,34,76,1,1/1/2/2/3/1/4/1/5/5/6/1" --convert-to xlsx src.csv >/dev/null 2>&1)
check "LibreOffice wrote the xlsx" test -s "$TMP/src.xlsx"
mv "$TMP/src.xlsx" "$TMP/客户.xlsx"
gd 0 import "$TMP/客户.xlsx"
has "$TMP/out" "imported 3 customer records"
f=$(grep -l 海天 customers/*/*.yaml)
has "$f" '^name: 宁波海天贸易有限公司$'
has "$f" '^phone: "\+8613800138000"$'
has "$f" '^email: wang@haitian.example$'
has "$f" '^tier: A$'
has "$f" '^next: 2026-12-08$'
has "$f" '^note: 老客户$'
f=$(ls customers/*/gulf-lights-llc.yaml)
has "$f" '^phone: "\+971 4 555 0100"$'
has "$f" '^tier: B$'
has "$f" '^next: 2026-12-09$'
has "$f" '^note: "two\\nlines"$'
f=$(grep -l 石狮 customers/*/*.yaml)
has "$f" '^tier: C$'
has "$f" '^next: 2026-12-10$'
has "$f" '^note: "1.5"$'
clean "after the import"

done_testing
