# The hook of a gendan init --bare server enforces SPEC 5's rules on plain
# git pushes: three clones, three identities, GENDAN_PUSHER per push.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
: >"$HOME/.gitconfig"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
"$GENDAN" init --bare srv.git >/dev/null

# who: set the identity of clone $1 (zhao, li, chen)
who() {
	case $1 in
	zhao) git -C "$TMP/$1" config user.name "Zhao Min"; git -C "$TMP/$1" config user.email zhao.min@example.com ;;
	li) git -C "$TMP/$1" config user.name "Li Lei"; git -C "$TMP/$1" config user.email li.lei@example.com ;;
	chen) git -C "$TMP/$1" config user.name "Chen Jing"; git -C "$TMP/$1" config user.email chen.jing@example.com ;;
	esac
}
# reset WHO: back to the server's main
back() { git -C "$TMP/$1" fetch -q origin && git -C "$TMP/$1" reset -q --hard origin/main; }

git init -q -b main zhao && who zhao && git -C zhao remote add origin "$TMP/srv.git"
cd zhao || exit 1
"$GENDAN" init . >/dev/null
cat >>gendan.yaml <<'YAML'
team:
  - {email: zhao.min@example.com, name: Zhao Min, role: manager}
  - {email: li.lei@example.com, name: Li Lei, role: sales, login: lilei}
  - {email: chen.jing@example.com, name: Chen Jing, role: sales}
YAML
"$GENDAN" commit -m "the team" >/dev/null
push zhao 0 "the manager pushes the first config"
cd "$TMP" || exit 1
git clone -q srv.git li && who li
git clone -q srv.git chen && who chen

cd "$TMP/li" || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" log acme -m "first call" --at "2026-11-20 10:00" >/dev/null
"$GENDAN" add customer "Gulf Lights" --tier A >/dev/null
push li 0 "li pushes her customers"
f=$(ls customers/*/acme-trading-co.yaml)
g=$(ls customers/*/gulf-lights.yaml)

# rule 3: a log entry rewritten
sed -i 's/first call/second thoughts/' "$f"
git commit -qam "rewrite"
push li 1 "a rewritten note is refused"
has "$TMP/push.err" "refused [0-9a-f]{40} $f: removes or changes the log entry of 2026-11-20"
back li
# rule 3: an entry deleted (the log emptied)
python3 - "$f" <<'PY'
import sys, re
p = sys.argv[1]
t = open(p).read()
t = t[:t.index("log:")]
open(p, "w").write(t)
PY
git commit -qam "drop the log"
push li 1 "a deleted log entry is refused"
has "$TMP/push.err" "removes or changes the log entry"
back li

# rule 1: commits authored by another
cd "$TMP/chen" || exit 1
git pull -q origin main
f=$(ls customers/*/acme-trading-co.yaml)
GIT_AUTHOR_EMAIL=li.lei@example.com "$GENDAN" log acme -m "as li" >/dev/null
push chen 1 "a commit authored by another is refused"
has "$TMP/push.err" "authored by 'li.lei@example.com' but pushed by 'chen.jing@example.com'"
back chen
# rule 4: a log entry by another
"$GENDAN" log acme -m "chen called" >/dev/null
sed -i 's/by: chen.jing@example.com/by: li.lei@example.com/' "$f"
git commit -qam "fake by"
push chen 1 "an entry by another is refused"
has "$TMP/push.err" "is by 'li.lei@example.com', not by its author 'chen.jing@example.com'"
back chen
# rule 5: a delete by sales
git rm -q "$f" && git commit -qm "delete"
push chen 1 "a sales person's delete is refused"
has "$TMP/push.err" "refused [0-9a-f]+ $f: deletes a record"
back chen
# rule 6: another's customer taken
sed -i 's/^owner: li.lei@example.com/owner: chen.jing@example.com/' "$f"
git commit -qam "take"
push chen 1 "taking another's customer is refused"
has "$TMP/push.err" "changes the owner from 'li.lei@example.com' to 'chen.jing@example.com'"
back chen
# rule 7: gendan.yaml by sales
sed -i 's/role: sales}/role: manager}/' gendan.yaml
git commit -qam "promote"
push chen 1 "a config change by sales is refused"
has "$TMP/push.err" "gendan.yaml: changes gendan.yaml \(only a manager may\)"
back chen
# rule 2: an invalid record in an intermediate commit, fixed at the tip
sed -i 's/^tier: B$/tier: Z/' "$f" && git commit -qam "bad"
bad=$(git rev-parse HEAD)
sed -i 's/^tier: Z$/tier: B/' "$f" && git commit -qam "fixed"
push chen 1 "an invalid intermediate commit is refused"
has "$TMP/push.err" "refused $bad $f: .*tier 'Z' is not one of A B C D"
back chen
# rule 2: a symlink in an intermediate commit
mkdir -p customers/00 && ln -s /etc/passwd customers/00/evil.yaml
git add -A && git commit -qm "link" && git rm -q customers/00/evil.yaml && git commit -qm "unlink"
push chen 1 "an intermediate symlink is refused"
has "$TMP/push.err" "customers/00/evil.yaml: not a path a ledger may hold"
back chen
# rule 2: files over 1 MiB and stray top-level files
head -c 1100000 /dev/zero | tr '\0' 'a' >README.md
echo x >notes.txt
git add -A && git commit -qm "big"
push chen 1 "a big README and a stray file are refused"
has "$TMP/push.err" "README.md: a file over 1 MiB"
has "$TMP/push.err" "notes.txt: not a path a ledger may hold"
eq "one line per problem" 2 "$(grep -c 'gendan: refused' "$TMP/push.err")"
back chen
# rule 1: a rewritten history and a deleted branch
git checkout -q --orphan other && git commit -qm orphan && git branch -q -M main
push chen 1 "a force-pushed orphan history is refused" --force
back chen
( cd "$TMP/chen" && GENDAN_PUSHER=chen.jing@example.com git push -q origin :main ) 2>"$TMP/push.err"
check "the branch still exists" git -C "$TMP/srv.git" rev-parse -q --verify refs/heads/main
eq "nothing of the refused pushes landed" "$(git -C "$TMP/li" rev-parse origin/main)" \
	"$(git -C "$TMP/srv.git" rev-parse main)"

# legitimate: chen logs his own contact; a claim from the pool
"$GENDAN" log acme -m "chen called too" >/dev/null
push chen 0 "a contact of one's own passes"
cd "$TMP/li" || exit 1
git pull -q origin main
"$GENDAN" set gulf owner= >/dev/null
push li 0 "the owner releases to the pool"
cd "$TMP/chen" || exit 1
git pull -q origin main
"$GENDAN" set gulf owner=chen.jing@example.com >/dev/null
push chen 0 "a claim from the pool passes"
# the manager hands over, deletes, and changes the config
cd "$TMP/zhao" || exit 1
git pull -q origin main
f=$(ls customers/*/acme-trading-co.yaml)
"$GENDAN" reassign --from li.lei@example.com --to chen.jing@example.com >/dev/null
push zhao 0 "the manager's hand-over passes"
sed -i 's/reply-within: 24h/reply-within: 48h/' gendan.yaml
"$GENDAN" commit -m "slower replies" >/dev/null
push zhao 0 "the manager's config change passes"
# but not a config that makes records invalid
python3 - <<'PY'
t = open("gendan.yaml").read()
t = t.replace("  B: {every: 7d", "  X: {every: 7d")
t = t.replace("  B:\n", "  X:\n")
open("gendan.yaml", "w").write(t)
PY
git commit -qam "no more B"
push zhao 1 "a config that makes a record invalid is refused"
has "$TMP/push.err" "$f: .*tier 'B' is not one of"
back zhao
git rm -q "$f" && git commit -qm "delete"
push zhao 0 "the manager's delete passes"

done_testing
