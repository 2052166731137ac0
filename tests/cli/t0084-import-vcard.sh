# vCards from phones and mail programs (SPEC 3.6): 2.1 with
# quoted-printable and CHARSET=, 3.0 and 4.0 folded lines; ORG's first
# component names the customer, else FN; TEL, EMAIL, ADR city and country,
# NOTE.  The format comes from the word or from the content; a word the
# content contradicts is an error.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"

# vCard 2.1 as an Android phone exports it: quoted-printable UTF-8
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E8=8A=B3;;;\r\n' >"$TMP/phone.vcf"
printf 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E8=8A=B3\r\n' >>"$TMP/phone.vcf"
printf 'ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=AE=81=E6=B3=A2=E6=B5=B7=E5=A4=A9=E8=B4=B8=E6=98=93=\r\n=E6=9C=89=E9=99=90=E5=85=AC=E5=8F=B8;=E9=94=80=E5=94=AE=E9=83=A8\r\n' >>"$TMP/phone.vcf"
printf 'TEL;CELL:+86 138 0013 8000\r\nEMAIL;HOME:wang@haitian.example\r\n' >>"$TMP/phone.vcf"
printf 'ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;=E4=B8=AD=E5=B1=B1=E8=B7=AF 1=E5=8F=B7;=E5=AE=81=E6=B3=A2;;315000;CN\r\nEND:VCARD\r\n' >>"$TMP/phone.vcf"
# 2.1 in GBK, as older phones write it
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GBK:福建石狮服装厂\r\nTEL:0595-8888-0000\r\nEND:VCARD\r\n' |
	iconv -f UTF-8 -t GBK >>"$TMP/phone.vcf"
gd 0 import "$TMP/phone.vcf"
has "$TMP/out" "imported 2 customer records"
f=$(grep -l 海天 customers/*/*.yaml)
has "$f" "^name: 宁波海天贸易有限公司$"
has "$f" '^phone: "\+86 138 0013 8000"$'
has "$f" "^email: wang@haitian.example$"
has "$f" "^city: 宁波$"
has "$f" "^country: CN$"
# the FN of a card with an ORG is a person; TEL and EMAIL stay the customer's
has "$f" "^people:$"
has "$f" "^  - name: 王芳$"
hasnt "$f" "^    email:"
check "a GBK card is read" test -n "$(grep -l 福建石狮服装厂 customers/*/*.yaml)"

# vCard 3.0, folded lines and escapes, as macOS Contacts writes it
cat >"$TMP/mac.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
N:Ali;Ahmed;;;
FN:Ahmed Ali
TITLE:Purchasing Manager
ORG:Gulf Lights\, LLC;Purchasing
item1.EMAIL;type=INTERNET;type=pref:ahmed@gulflights.ae
TEL;type=WORK;type=VOICE:+971 4 555 0100
ADR;type=WORK:;;Street 1;Dubai;;;United Arab Emirates
NOTE:Met at the Canton Fair\; wants a quote
  by Friday
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Maria Lopez
EMAIL:maria@lopez.example
END:VCARD
VCF
gd 0 import vcf "$TMP/mac.vcf"
f=$(grep -l 'Gulf Lights' customers/*/*.yaml)
has "$f" "^name: Gulf Lights, LLC$"
has "$f" "^city: Dubai$"
has "$f" "^  - name: Ahmed Ali$"
has "$f" "^    role: Purchasing Manager$"
has "$f" "^note: Met at the Canton Fair; wants a quote by Friday$"
check "FN names a card without ORG" test -n "$(grep -l 'Maria Lopez' customers/*/*.yaml)"
hasnt "$(grep -l 'Maria Lopez' customers/*/*.yaml)" "people"

# a card with no name is named by its line; the word must fit the content
printf 'BEGIN:VCARD\nVERSION:3.0\nTEL:+1 312 555 0100\nEND:VCARD\n' >"$TMP/noname.vcf"
gd 1 import "$TMP/noname.vcf"
has "$TMP/err" "noname.vcf:1: no name to make an id from"
gd 1 import csv "$TMP/mac.vcf"
has "$TMP/err" "mac.vcf is a vCard file, not csv"
printf 'name\nX\n' >"$TMP/x.csv"
gd 1 import vcf "$TMP/x.csv"
has "$TMP/err" "x.csv is a csv file, not vcf"
printf 'BEGIN:VCARD\nFN:Half\n' >"$TMP/half.vcf"
gd 1 import "$TMP/half.vcf"
has "$TMP/err" "half.vcf:1: a vCard without END:VCARD"
clean
done_testing
