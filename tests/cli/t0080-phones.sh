# Phones in E.164 form (SPEC 3, duplicate check): with phone-region CN a
# number written any way people write it is one number for the duplicate
# check, REF and find; the record keeps it as typed; phone-region is
# validated, and the list summary follows it.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
printf 'phone-region: CN\n' >>gendan.yaml
git commit -qam "phone-region CN"

gd 0 add customer "宁波海天贸易有限公司" --phone "+86 574 8888 1234"
gd 0 add customer "Zhou Jie" --phone 13800138000
gd 0 add customer "Chicago Lamps" --phone "+1 312-555-0100"
f=$(ls customers/*/*.yaml | xargs grep -l 8888)
has "$f" '^phone: "\+86 574 8888 1234"$'

# the duplicate check: every spelling is the same number
for p in "0574-8888-1234" "0086-574-88881234" "+86 (0)574 8888 1234" \
	"＋８６ ５７４ ８８８８ １２３４"; do
	gd 1 add customer "Other $p" --phone "$p"
	has "$TMP/err" "same phone \+86 574 8888 1234"
done
gd 1 add customer "Other mobile" --phone "0086 138 0013 8000"
has "$TMP/err" "same phone 13800138000"
gd 1 add customer "Other US" --phone "+1 (312) 555-0100"
has "$TMP/err" "customer/chicago-lamps"
gd 1 add inquiry --from Wang --phone 0574-88881234
has "$TMP/err" "customer/"

# REF and find, in any spelling, and by the last 7 or more digits
gd 0 show 0574-8888-1234
has "$TMP/out" "宁波海天"
gd 0 show "0086 138 0013 8000"
has "$TMP/out" "Zhou Jie"
gd 0 log "+8613800138000" -m "called"
gd 0 find "0574 8888 1234"
has "$TMP/out" "宁波海天"
gd 0 find "＋８６ １３８ ００１３ ８０００"
has "$TMP/out" "Zhou Jie"
gd 0 find 88881234
has "$TMP/out" "宁波海天"
gd 0 find "312 555 0100"
has "$TMP/out" "Chicago Lamps"

# the summary's phones follow phone-region: without it, a national number
# is its digits alone
sed -i '/^phone-region/d' gendan.yaml
git commit -qam "no phone-region"
gd 1 show 0574-8888-1234
gd 0 show "+86 574 8888 1234"
has "$TMP/out" "宁波海天"

# phone-region is a country gendan knows
printf 'phone-region: XX\n' >>gendan.yaml
gd 1 ls
has "$TMP/err" "gendan.yaml:.*phone-region must be a country code such as CN, US or DE, not 'XX'"
sed -i 's/^phone-region: XX$/phone-region: [CN]/' gendan.yaml
gd 1 ls
has "$TMP/err" "phone-region must be a single value"
sed -i 's/^phone-region: .*$/phone-region: us/' gendan.yaml
gd 0 check
done_testing
