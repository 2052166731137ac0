# Owners with a roster (SPEC 2.1): import and a claim refuse non-members;
# --owner of due, ls and export takes me, an email or a unique prefix.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
cat >>gendan.yaml <<'Y'
team:
  - {email: zhao.min@example.com, name: 赵敏, role: manager}
  - {email: li.lei@example.com, name: 李雷, role: sales, login: lilei}
  - {email: chen.jing@example.com, name: 陈静, role: merchandiser}
  - {email: lin.na@example.com, name: 林娜, role: assistant}
  - {email: wang.fang@example.com, name: 王芳, role: sales, left: 2026-11-01}
Y
git commit -qam roster --no-verify
"$GENDAN" add customer "ACME Trading Co." --id acme --tier A >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --id gulf --tier B --owner chen >/dev/null
"$GENDAN" add customer "Pool Co" --id pool --tier C --owner "" >/dev/null
before=$(commits)

# import: an owner column names members as set does; others are refused
printf 'name,Owner\nNord AB,Li.Lei@example.com\nSouth Co,stranger@example.com\nEast Co,wang.fang@example.com\nWest Co,li.lie@example.com\n' >"$TMP/bad.csv"
gd 1 import "$TMP/bad.csv"
has "$TMP/err" "bad.csv:3: column 'Owner': owner 'stranger@example.com' is not a member of the team: .*zhao.min@example.com \(赵敏\)"
has "$TMP/err" "bad.csv:4: column 'Owner': owner 'wang.fang@example.com' has left the team"
has "$TMP/err" "bad.csv:5: column 'Owner': .*did you mean li.lei@example.com\?"
hasnt "$TMP/err" "bad.csv:2:"
eq "nothing imported" "$before" "$(commits)"
printf 'name,业务员\nNord AB,陈\nSouth Co,LILEI\nEast Co,\n' >"$TMP/good.csv"
gd 0 import "$TMP/good.csv"
has "$(ls customers/*/nord-ab.yaml)" "^owner: chen.jing@example.com$"
has "$(ls customers/*/south-co.yaml)" "^owner: li.lei@example.com$"
has "$(ls customers/*/east-co.yaml)" "^owner: li.lei@example.com$"
before=$(commits)

# import by somebody who is not a member: the default owner is refused
printf 'name\nFar Co\n' >"$TMP/far.csv"
GIT_AUTHOR_EMAIL=temp@example.com "$GENDAN" import "$TMP/far.csv" >"$TMP/out" 2>"$TMP/err"
eq "a non-member's import exits 1" 1 $?
has "$TMP/err" "far.csv:2: the default owner \(you\): owner 'temp@example.com' is not a member"
eq "nothing imported" "$before" "$(commits)"

# a claim from the pool by somebody who is not a member is refused
GIT_AUTHOR_EMAIL=temp@example.com "$GENDAN" set pool owner=me >"$TMP/out" 2>"$TMP/err"
eq "a non-member's claim exits 1" 1 $?
has "$TMP/err" "owner 'temp@example.com' is not a member of the team"
hasnt "$(ls customers/*/pool.yaml)" "^owner:"
gd 0 set pool owner=zhao
has "$(ls customers/*/pool.yaml)" "^owner: zhao.min@example.com$"
clean

# --owner filters: me, an email in any case, a prefix of email, name, login
gd 0 due --owner 陈 --format=tsv
has "$TMP/out" "^gulf	"
has "$TMP/out" "^nord-ab	"
hasnt "$TMP/out" "^acme	"
gd 0 due --owner me --format=tsv
has "$TMP/out" "^acme	"
hasnt "$TMP/out" "^gulf	"
gd 0 due --owner LILEI --format=tsv --days 30
has "$TMP/out" "^south-co	"
gd 0 ls --owner chen.j --format=tsv
has "$TMP/out" "^gulf	"
hasnt "$TMP/out" "^acme	"
gd 0 ls --owner me --format=tsv
has "$TMP/out" "^acme	"
gd 0 ls --owner CHEN.JING@EXAMPLE.COM --format=tsv
has "$TMP/out" "^gulf	"
gd 0 ls --owner none --format=tsv
hasnt "$TMP/out" "^gulf	"
# a member who left is still found: their records are to be handed over
gd 0 ls --owner 王 --format=tsv
gd 1 due --owner nobody
has "$TMP/err" "owner 'nobody' is not a member of the team"
gd 1 ls --owner "%"
gd 1 ls --owner li
has "$TMP/err" "owner 'li' names several members"
gd 0 export csv --owner 陈
has "$TMP/out" "^gulf,"

done_testing
