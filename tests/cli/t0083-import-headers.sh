# Headers and values as teams' files have them (SPEC 3.6): Chinese headers
# in a GBK file from Excel, Google Contacts and Outlook exports, the team's
# import.columns in gendan.yaml; tiers in any case, as A类 or A级; dates in
# the DATE forms and as Excel serials.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"

printf '客户名称,电话,邮箱,国家,城市,等级,备注,创建日期\r\n' >"$TMP/zh.txt"
printf '宁波海天贸易有限公司,+86 574 8888 1234,sales@haitian.example,CN,宁波,A类,老客户,2026/11/3\r\n' >>"$TMP/zh.txt"
printf '福建石狮服装厂,0595-8888-0000,,CN,石狮,b级,,45000\r\n' >>"$TMP/zh.txt"
printf 'Lagos Lights,,,NG,Lagos,c,,11月20日\r\n' >>"$TMP/zh.txt"
iconv -f UTF-8 -t GB18030 "$TMP/zh.txt" >"$TMP/zh.csv"
gd 0 import csv "$TMP/zh.csv" --kind customer
has "$TMP/out" "imported 3 customer records"
hasnt "$TMP/err" "ignored"
f=$(grep -l 海天 customers/*/*.yaml)
has "$f" "^tier: A$"
has "$f" "^email: sales@haitian.example$"
has "$f" "^city: 宁波$"
has "$f" "^note: 老客户$"
has "$f" "^created: 2026-11-03$"
f=$(grep -l 石狮服装 customers/*/*.yaml)
has "$f" "^tier: B$"
has "$f" "^created: 2023-03-15$"
f=$(ls customers/*/lagos-lights.yaml)
has "$f" "^tier: C$"
has "$f" "^created: 2026-11-20$"

# Google Contacts and Outlook headers
cat >"$TMP/google.csv" <<'CSV'
Name,Given Name,Organization 1 - Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value
Ahmed Ali,Ahmed,Gulf Lights LLC,* Work,ahmed@gulflights.ae,Mobile,+971 50 123 4567
CSV
gd 0 import csv "$TMP/google.csv" --kind customer
f=$(ls customers/*/gulf-lights-llc.yaml)
has "$f" "^email: ahmed@gulflights.ae$"
has "$f" '^phone: "\+971 50 123 4567"$'
printf 'First Name,Last Name,Company,E-mail Address,Business Phone,Business City,Business Country/Region\r\nMaria,Lopez,Lopez Iluminación SA,maria@lopez.example,+34 91 555 0101,Madrid,ES\r\n' >"$TMP/outlook.csv"
gd 0 import csv "$TMP/outlook.csv" --kind customer
f=$(grep -l 'Lopez Ilum' customers/*/*.yaml)
has "$f" "^email: maria@lopez.example$"
has "$f" "^city: Madrid$"
has "$f" "^country: ES$"

# the team's own headers, from gendan.yaml
printf 'import:\n  columns:\n    客户编号: id\n    Kunde: name\n' >>gendan.yaml
git commit -qam "import columns"
printf '客户编号,Kunde,Land\nmueller,Müller GmbH,DE\n' >"$TMP/team.csv"
gd 0 import csv "$TMP/team.csv" --kind customer
has "$TMP/err" "column 'Land' is neither mapped nor a field: ignored"
check "the id column named the record" test -n "$(ls customers/*/mueller.yaml)"
printf 'import:\n  columns: [a]\n' >"$TMP/bad.yaml"
cp "$TMP/bad.yaml" gendan.yaml
gd 1 ls
has "$TMP/err" "import.columns must be a mapping"
done_testing
