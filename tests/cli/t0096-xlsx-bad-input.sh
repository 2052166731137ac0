# Hostile and broken xlsx files (SPEC 3.6, issue 16): each is refused
# with one line naming the file (and part, line or cell), exit 1, nothing
# written, never a crash, and memory stays bounded: a zip bomb stops at
# 256 MiB unpacked, a sheet at 200,000 rows, a cell at 1 MiB of text.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
mk() { python3 "$TESTDIR/xlsx.py" "$@"; }
before=$(commits)

# refused: exit 1, one line on stderr matching PATTERN, nothing written
refused() {
	gd 1 import "$@"
	eq "one line on stderr" 1 "$(wc -l <"$TMP/err")"
	eq "nothing committed" "$before" "$(commits)"
}

printf '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Fine Co</t></is></c></row>' >"$TMP/rows"
mk "$TMP/good.xlsx" Sheet1="$TMP/rows"

# not a zip, though it starts like one and names the workbook
size=$(wc -c <"$TMP/good.xlsx")
head -c $((size / 2)) "$TMP/good.xlsx" >"$TMP/cut.xlsx"
refused xlsx "$TMP/cut.xlsx"
has "$TMP/err" "^gendan: .*cut.xlsx: not an xlsx file \(not a zip archive\)$"

# a zip without a workbook; a workbook without its relationships
python3 -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1],"w").writestr("hello.txt","hi")' "$TMP/other.zip"
refused xlsx "$TMP/other.zip"
has "$TMP/err" "other.zip is a zip archive without xl/workbook.xml: not an xlsx file$"
mk "$TMP/norels.xlsx" --omit xl/_rels/workbook.xml.rels Sheet1="$TMP/rows"
refused "$TMP/norels.xlsx"
has "$TMP/err" "norels.xlsx: xl/_rels/workbook.xml.rels is missing: not an xlsx file$"

# Excel 97-2003
printf '\320\317\021\340\241\261\032\341rest of an OLE2 file' >"$TMP/old.xls"
refused "$TMP/old.xls"
has "$TMP/err" "old.xls is an Excel 97-2003 \(.xls\) file: save it as .xlsx or CSV UTF-8"

# zip bombs: one part that says it unpacks to 300 MiB, and parts that
# together unpack to more than 256 MiB (each alone under it)
python3 - "$TMP" <<'PY'
import sys, zipfile
d = sys.argv[1]
def bomb(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, head, mib, tail in parts:
            with z.open(name, 'w', force_zip64=True) as f:
                f.write(head.encode())
                block = b' ' * (1 << 20)
                for _ in range(mib):
                    f.write(block)
                f.write(tail.encode())
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
wb = f'<workbook {ns} xmlns:r="{r}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
rels = f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{r}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
base = [('xl/workbook.xml', wb, 0, ''), ('xl/_rels/workbook.xml.rels', rels, 0, '')]
bomb(d + '/bomb.xlsx', base + [('xl/worksheets/sheet1.xml', f'<worksheet {ns}><sheetData>', 300, '</sheetData></worksheet>')])
bomb(d + '/bombs.xlsx', base + [('xl/sharedStrings.xml', f'<sst {ns}>', 150, '</sst>'),
                                ('xl/worksheets/sheet1.xml', f'<worksheet {ns}><sheetData>', 150, '</sheetData></worksheet>')])
PY
refused "$TMP/bomb.xlsx"
has "$TMP/err" "bomb.xlsx: xl/worksheets/sheet1.xml unpacks to more than the 256 MiB an xlsx file may hold"
refused "$TMP/bombs.xlsx"
has "$TMP/err" "bombs.xlsx: xl/worksheets/sheet1.xml unpacks to more than the 256 MiB"

# bad FILE ROWS PATTERN [xlsx.py options]: a workbook whose one sheet
# has ROWS (printf %b: \n is a line break; @PATH: that file's rows) is
# refused with one line matching PATTERN
bad() {
	file=$1 rows=$2 pattern=$3
	shift 3
	case $rows in
	@*) cp "${rows#@}" "$TMP/rows" ;;
	*) printf '%b' "$rows" >"$TMP/rows" ;;
	esac
	mk "$TMP/$file" "$@" Sheet1="$TMP/rows"
	refused "$TMP/$file"
	has "$TMP/err" "$pattern"
}

# shared strings out of range, and not a number
printf '<si><t>name</t></si><si><t>Acme</t></si>' >"$TMP/si"
bad sst.xlsx '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row>' \
	"^gendan: .*sst.xlsx:3: cell A3: shared string '2' does not exist \(the file has 2\)$" --strings "$TMP/si"
bad sst.xlsx '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>' \
	"sst.xlsx:1: cell A1: shared string '-1' does not exist" --strings "$TMP/si"

# references outside a sheet
bad ref.xlsx '<row r="1"><c r="XFE1"><v>1</v></c></row>' \
	"ref.xlsx: xl/worksheets/sheet1.xml: cell 'XFE1' is not a cell of a sheet$"
bad ref.xlsx '<row r="1048577"><c><v>1</v></c></row>' \
	"ref.xlsx: xl/worksheets/sheet1.xml: row '1048577' is not a row of a sheet$"

# a 10 MB cell, inline and shared
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
big = 'x' * (10 << 20)
open(d + '/big', 'w').write(f'<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>{big}</t></is></c></row>')
open(d + '/si', 'w').write(f'<si><t>name</t></si><si><r><t>{big}</t></r></si>')
PY
bad cell.xlsx @"$TMP/big" "cell.xlsx:2: cell B2: more than 1024 KiB of text$"
bad cell.xlsx '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' \
	"cell.xlsx: xl/sharedStrings.xml: string 1 is longer than 1024 KiB$" --strings "$TMP/si"

# one shared string of 1,000,000 characters named by 200 cells: 200 MB
# of text from a file of a few kilobytes, refused at 128 MiB
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
open(d + '/si', 'w').write('<si><t>name</t></si><si><t>' + 'x' * 1000000 + '</t></si>')
rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
rows += ''.join(f'<row r="{i}"><c r="A{i}" t="s"><v>1</v></c></row>' for i in range(2, 202))
open(d + '/many', 'w').write(rows)
PY
bad sst.xlsx @"$TMP/many" "sst.xlsx: the sheet's cells hold more than 128 MiB of text: import it in parts$" \
	--strings "$TMP/si"

# malformed XML names the part, line and column; a DOCTYPE (entity
# expansion) is refused before any entity is read
bad xml.xlsx '<row r="1">\n<c r="A1"><v>1</v></row>' \
	"xml.xlsx: xl/worksheets/sheet1.xml:3:[0-9]+: malformed XML: mismatched tag$"
printf '<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>' >"$TMP/lol"
bad lol.xlsx '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' \
	"lol.xlsx: xl/sharedStrings.xml: a DOCTYPE is not allowed in an xlsx part$" \
	--part xl/sharedStrings.xml="$TMP/lol"

# a sheet of 1,048,576 rows (Excel's most) is refused at row 200,001,
# within bounded memory
python3 - "$TMP/rows" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>')
    for i in range(2, 1048577):
        f.write(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>Buyer {i}</t></is></c></row>')
PY
mk "$TMP/huge.xlsx" Sheet1="$TMP/rows"
rm -f "$TMP/rows"
if ldd "$GENDAN" 2>/dev/null | grep -q 'libasan'; then
	skip "a sanitizer's shadow memory does not fit under ulimit -v"
	refused "$TMP/huge.xlsx"
else
	(ulimit -v 400000 && "$GENDAN" import "$TMP/huge.xlsx" >"$TMP/out" 2>"$TMP/err")
	eq "exit 1 within 400 MB of address space" 1 "$?"
fi
has "$TMP/err" "huge.xlsx: the sheet has more than 200000 rows or 5000000 cells: import it in parts$"
eq "nothing committed" "$before" "$(commits)"
clean "after every refusal"

done_testing
