# gendan sync meets the remote's hook as git push does (a path or file://
# remote too), merges two people's offline logs through it, and stops on
# a rewritten or unrelated remote history.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
: >"$HOME/.gitconfig"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
"$GENDAN" init --bare srv.git >/dev/null
ident() { git -C "$1" config user.name "$2"; git -C "$1" config user.email "$3"; }

git init -q li && ident li "Li Lei" li.lei@example.com
"$GENDAN" init li >/dev/null
git -C li remote add origin "file://$TMP/srv.git"
cd li || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
GENDAN_PUSHER=li.lei@example.com "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "the first sync through the hook passes" 0 $?
cd "$TMP" || exit 1
"$GENDAN" clone "$TMP/srv.git" chen >/dev/null && ident chen "Chen Jing" chen.jing@example.com

# two people's offline logs, merged by sync, pass the hook
cd "$TMP/li" || exit 1
"$GENDAN" log acme -m "li called" --at "2026-11-22 10:00" >/dev/null
GENDAN_PUSHER=li.lei@example.com "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "li's sync passes" 0 $?
cd "$TMP/chen" || exit 1
"$GENDAN" log acme -m "chen called" --at "2026-11-22 11:00" >/dev/null
GENDAN_PUSHER=chen.jing@example.com "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "chen's merging sync passes" 0 $?
sed 's/^/# /' "$TMP/err"
f=$(ls customers/*/acme-trading-co.yaml)
git -C "$TMP/srv.git" show "main:$f" >"$TMP/server.yaml"
has "$TMP/server.yaml" "li called"
has "$TMP/server.yaml" "chen called"

# a push gendan makes is checked as one git makes: as another is refused
GIT_AUTHOR_EMAIL=li.lei@example.com "$GENDAN" log acme -m "as li" >/dev/null
before=$(git -C "$TMP/srv.git" rev-parse main)
GENDAN_PUSHER=chen.jing@example.com "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "sync refused by the hook exits 1" 1 $?
has "$TMP/err" "the remote 'origin' refused the push"
has "$TMP/err" "refused [0-9a-f]{40} refs/heads/main: authored by 'li.lei@example.com' but pushed by 'chen.jing@example.com'"
hasnt "$TMP/err" "kept moving"
eq "nothing landed" "$before" "$(git -C "$TMP/srv.git" rev-parse main)"
git reset -q --hard origin/main

# a hook that refuses everything, on a plain path remote
cd "$TMP" || exit 1
git init -q --bare no.git
printf '#!/bin/sh\necho "no pushes today" >&2\nexit 1\n' >no.git/hooks/pre-receive
chmod +x no.git/hooks/pre-receive
cd li || exit 1
git remote add no "$TMP/no.git"
"$GENDAN" sync no >"$TMP/out" 2>"$TMP/err"
eq "a path remote's refusing hook stops sync" 1 $?
has "$TMP/err" "no pushes today"
check "nothing landed on the path remote" sh -c "! git -C '$TMP/no.git' rev-parse -q --verify refs/heads/main"

# a rewritten remote history stops sync, naming both commits
cd "$TMP/li" || exit 1
GENDAN_PUSHER=li.lei@example.com "$GENDAN" sync >/dev/null 2>&1
last=$(git rev-parse origin/main)
head=$(git rev-parse HEAD)
# the server's admin rewrites main by hand, past the hook
git -C "$TMP" clone -q srv.git evil
( cd "$TMP/evil" && git checkout -q --orphan x &&
  git -c user.name=E -c user.email=e@x commit -qm orphan )
git -C "$TMP/srv.git" fetch -q "$TMP/evil" x
git -C "$TMP/srv.git" update-ref refs/heads/main FETCH_HEAD
new=$(git -C "$TMP/srv.git" rev-parse main)
"$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "sync stops on a rewritten history" 1 $?
has "$TMP/err" "rewrote its history: $last, fetched last, is not in its new tip $new"
eq "nothing merged" "$head" "$(git rev-parse HEAD)"
"$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "and stops again" 1 $?
clean "after the refused sync"

# an unrelated remote history stops sync too
cd "$TMP" || exit 1
git init -q other && ident other "Li Lei" li.lei@example.com
GENDAN_NOW=2026-11-24T09:00:00+00:00 "$GENDAN" init other >/dev/null
git -C other remote add origin "$TMP/chen"
cd other || exit 1
"$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "sync stops on an unrelated history" 1 $?
has "$TMP/err" "shares no history with this ledger"
eq "still one commit" 1 "$(git rev-list --count HEAD)"

# an ignored SIGCHLD inherited from a launcher: gendan still waits for
# the git it runs (before, it waited for it forever)
cd "$TMP" || exit 1
git init -q --bare plain.git
git init -q solo && ident solo "Li Lei" li.lei@example.com
GENDAN_NOW=2026-11-24T09:00:00+00:00 "$GENDAN" init solo >/dev/null
git -C solo remote add origin "$TMP/plain.git"
cd solo || exit 1
"$GENDAN" add customer "Calm Co" >/dev/null
timeout 60 perl -e '$SIG{CHLD} = "IGNORE"; exec @ARGV' "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "sync with SIGCHLD ignored" 0 $?
eq "and it pushed" "$(git rev-parse HEAD)" "$(git -C "$TMP/plain.git" rev-parse main)"

done_testing
