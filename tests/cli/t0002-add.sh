# gendan add customer: ids, shards, canonical files, duplicate check.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"

gd 0 add customer "ACME Trading Co." --tier B --email john@acme.example --country US --city Chicago --tag lighting --tag canton-fair-2026 --source canton-fair --note "Met at booth 11.2"
has "$TMP/out" "added customer/acme-trading-co"
f=$(ls customers/*/acme-trading-co.yaml)
check "record written in its shard" test -f "$f"
cat >"$TMP/want" <<'YAML'
name: ACME Trading Co.
tier: B
status: active
owner: li.lei@example.com
email: john@acme.example
country: US
city: Chicago
owner-since: 2026-11-23
tags:
  - lighting
  - canton-fair-2026
source: canton-fair
created: 2026-11-23
note: Met at booth 11.2
YAML
check "canonical record bytes" cmp "$TMP/want" "$f"
eq "one commit per add" 2 "$(commits)"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^add: acme-trading-co \(customer\) ACME Trading Co\.$"
has "$TMP/msg" "^Gendan-Action: add$"
has "$TMP/msg" "^Gendan-Record: customers/[0-9a-f]{2}/acme-trading-co.yaml$"
clean

gd 0 add customer "宁波海天贸易有限公司" --id haitian --tier A --phone "+86 574 8888 1234"
f=$(ls customers/*/haitian.yaml)
has "$f" '^name: 宁波海天贸易有限公司$'
has "$f" '^phone: "\+86 574 8888 1234"$'

# a name without ASCII letters gets c- and a hash
gd 0 add customer "上海光明灯饰" --phone "021 5555 0000"
has "$TMP/out" "added customer/c-[0-9a-f]{6}"

# duplicate checks
gd 1 add customer "Acme Trading Company" --email sales@other.example
has "$TMP/err" "acme-trading-co"
gd 1 add customer "Someone Else" --email mary@acme.example
has "$TMP/err" "same email domain acme.example"
gd 1 add customer "Other" --email JOHN@acme.example
gd 1 add customer "Haitian Two" --phone "+86-574-88881234"
has "$TMP/err" "haitian"
gd 1 add customer "宁波海天贸易股份有限公司"
gd 0 add customer "Free Mail One" --email a.buyer@gmail.com
gd 0 add customer "Free Mail Two" --email b.buyer@gmail.com
gd 0 add customer "Acme Trading Company" --force
has "$TMP/out" "acme-trading-company"
gd 0 add customer "ACME Trading Co" --force
has "$TMP/out" "customer/acme-trading-co-2"

# explicit ids
gd 1 add customer "Whatever" --id haitian
has "$TMP/err" "already exists"
gd 1 add customer "Bad Id" --id "../etc"
gd 1 add customer "Bad Id" --id ".git"
gd 1 add customer "Bad Tier" --tier Z
n_before=$(commits)
gd 2 add customer
gd 2 add widget "X"
eq "failed adds commit nothing" "$n_before" "$(commits)"
clean "after failures"

# owner: me unless --owner
gd 0 add customer "Owned Elsewhere" --owner wang.fang@example.com
has "$(ls customers/*/owned-elsewhere.yaml)" "^owner: wang.fang@example.com$"

done_testing
