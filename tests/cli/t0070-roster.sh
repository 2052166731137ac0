# The roster (SPEC 2.1 team): owners are members who have not left.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier A >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --tier B --owner stranger@example.com >/dev/null
cp gendan.yaml "$TMP/plain.yaml"

roster() {
	cp "$TMP/plain.yaml" gendan.yaml
	cat >>gendan.yaml
	git commit -qam roster --no-verify
}

# a bad roster is refused, naming the value
bad_roster() {
	roster
	gd 1 check
	has "$TMP/err" "$1"
	git reset -q --hard HEAD~1
}
bad_roster "a member needs an email" <<'Y'
team:
  - {name: 赵敏, role: manager}
Y
bad_roster "unknown role 'boss'" <<'Y'
team:
  - {email: zhao.min@example.com, role: boss}
Y
bad_roster "two members have the email 'Zhao.Min@example.com'" <<'Y'
team:
  - {email: zhao.min@example.com, role: manager}
  - {email: Zhao.Min@example.com, role: sales}
Y

roster <<'Y'
team:
  - {email: zhao.min@example.com, name: 赵敏, role: manager}
  - {email: li.lei@example.com, name: 李雷, role: sales, login: lilei}
  - email: chen.jing@example.com
    name: 陈静
    role: merchandiser
    key: [ssh-ed25519 AAAA1 a, ssh-ed25519 AAAA2 b]
  - {email: lin.na@example.com, name: 林娜, role: assistant}
  - {email: wang.fang@example.com, name: 王芳, role: sales, left: 2026-11-01}
Y
f=$(ls customers/*/acme-trading-co.yaml)

# check names the records nobody's due would show
gd 1 check
has "$TMP/err" "gulf-lights-llc.yaml: owner 'stranger@example.com' is not a member of the team"
hasnt "$TMP/err" "acme-trading-co"

# unknown owners are refused, listing the members; nothing written
gd 1 set acme 'owner=Li Lei'
has "$TMP/err" "owner 'Li Lei' is not a member of the team"
has "$TMP/err" "zhao.min@example.com \(赵敏\)"
hasnt "$TMP/err" "wang.fang"
has "$f" "^owner: li.lei@example.com$"
gd 1 set acme owner=li.lie@example.com
has "$TMP/err" "did you mean li.lei@example.com\?"
gd 1 reassign --from li.lei@example.com --to z.nobody
has "$TMP/err" "owner 'z.nobody' is not a member"
has "$f" "^owner: li.lei@example.com$"
clean "nothing written"

# a member who left owns nothing new
gd 1 set acme owner=wang.fang@example.com
has "$TMP/err" "has left the team"
gd 1 add customer "Nord AB" --owner 王芳
has "$TMP/err" "owner '王芳' has left the team"

# prefixes of an email, a name or a login, and me
gd 0 set acme owner=陈
has "$f" "^owner: chen.jing@example.com$"
gd 0 set acme owner=me
has "$f" "^owner: li.lei@example.com$"
gd 0 reassign --from li.lei@example.com --to ZHAO
has "$f" "^owner: zhao.min@example.com$"
gd 0 add customer "Nord AB" --owner LILEI
has "$(ls customers/*/nord-ab.yaml)" "^owner: li.lei@example.com$"
gd 1 set acme owner=Li
has "$TMP/err" "owner 'Li' names several members of the team"

# an empty owner releases the record to the pool
gd 0 set acme owner=
hasnt "$f" "^owner:"
gd 0 set gulf owner=me
gd 0 check

# people read names, scripts read emails
gd 0 set acme owner=陈
gd 0 show acme
has "$TMP/out" "^  owner +陈静 <chen.jing@example.com>$"
gd 0 ls customer
has "$TMP/out" "^customer/acme-trading-co .* 陈静( |$)"
hasnt "$TMP/out" "chen.jing@"
gd 0 ls customer --format=tsv
has "$TMP/out" "^acme-trading-co	.*	chen.jing@example.com	"
gd 0 due --all
has "$TMP/out" "customer/acme-trading-co .* 陈静 "
has "$TMP/out" "customer/gulf-lights-llc .* 李雷 "
gd 0 due --all --format=json
has "$TMP/out" '"owner": "chen.jing@example.com"'
gd 0 stats --by owner
has "$TMP/out" "^陈静 +1$"
has "$TMP/out" "^李雷 +2$"

# without a roster an owner stays free text
cp "$TMP/plain.yaml" gendan.yaml
git commit -qam "no roster" --no-verify
gd 0 set acme 'owner=Li Lei'
has "$f" "^owner: Li Lei$"
gd 0 check

echo "1..$n"
[ "$failed" -eq 0 ]
