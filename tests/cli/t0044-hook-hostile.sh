# Hostile pushes against the hook of a gendan init --bare server: each is
# refused with one line and never crashes or hangs the hook; a push of
# 4,000 commits is checked in seconds.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
: >"$HOME/.gitconfig"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
export GIT_AUTHOR_NAME="Li Lei" GIT_AUTHOR_EMAIL=li.lei@example.com
export GIT_COMMITTER_NAME="Li Lei" GIT_COMMITTER_EMAIL=li.lei@example.com
export GENDAN_PUSHER=li.lei@example.com
"$GENDAN" init --bare srv.git >/dev/null
git init -q li
"$GENDAN" init li --remote "$TMP/srv.git" >/dev/null
cd li || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" log acme -m "first" --at "2026-11-20 10:00" >/dev/null
"$GENDAN" sync >/dev/null 2>&1 || not_ok "the first sync"
f=$(ls customers/*/acme-trading-co.yaml)

# push DESC: a plain git push that must be refused with exactly one line
refused() {
	if git push -q origin HEAD:main 2>"$TMP/push.err"; then not_ok "$1 (accepted)"
	elif [ "$(grep -c 'gendan: refused' "$TMP/push.err")" -ne 1 ]; then
		not_ok "$1 (not one line)"; sed 's/^/# /' "$TMP/push.err"
	else ok "$1"; fi
	git fetch -q origin && git reset -q --hard origin/main
}

# a merge that drops a log entry one of its parents holds
git checkout -q -b a
"$GENDAN" log acme -m "on a" --at "2026-11-21 10:00" >/dev/null
git checkout -q main && git branch -q -D b 2>/dev/null
git checkout -q -b b
"$GENDAN" log acme -m "on b" --at "2026-11-22 10:00" >/dev/null
git merge -q -s ours --no-edit a
git checkout -q main && git reset -q --hard b
refused "a merge that drops a parent's log entry"
has "$TMP/push.err" "removes or changes the log entry of 2026-11-21"
git branch -q -D a b

# a record moved to another shard with its log changed
mkdir -p customers/zz
sed 's/note: first/note: rewritten/' "$f" >customers/zz/acme-trading-co.yaml
git rm -q "$f" && git add -A && git commit -qm move
refused "a record moved to another shard"

# 1,000 levels of YAML in an intermediate commit
mkdir -p customers/zz
python3 -c 'print("name: x\nnote: " + "[" * 1000 + "]" * 1000)' >customers/zz/deep.yaml
git add -A && git commit -qm deep && git rm -q customers/zz/deep.yaml && git commit -qm undeep
refused "1,000 levels of YAML in an intermediate commit"

# a tag pointing at a hostile commit
mkdir -p customers/zz && ln -s /etc/passwd customers/zz/link.yaml && git add -A && git commit -qm link
git tag evil && git reset -q --hard HEAD~1
if git push -q origin evil 2>"$TMP/push.err"; then not_ok "a tag to a hostile commit (accepted)"
else ok "a tag to a hostile commit is refused"; fi
git tag -d evil >/dev/null

# 4,000 commits in one push, one of them bad, checked in seconds (a
# test stays fast under ASan; 10,000 take about a second without it)
many=4000
python3 - "$many" "$(git rev-parse HEAD)" <<'PY' | git fast-import --quiet
import sys
n, parent = int(sys.argv[1]), sys.argv[2]
out = sys.stdout
for i in range(n):
    body = ("big news %d\n" % i).encode()
    name = "README.md" if i != n // 2 else "stray.txt"
    out.write("commit refs/heads/many\n")
    out.write("author Li Lei <li.lei@example.com> %d +0000\n" % (1764000000 + i))
    out.write("committer Li Lei <li.lei@example.com> %d +0000\n" % (1764000000 + i))
    out.write("data 4\nmany\n")
    if i == 0:
        out.write("from %s\n" % parent)
    out.write("M 100644 inline %s\ndata %d\n" % (name, len(body)))
    out.flush()
    sys.stdout.buffer.write(body)
    out.write("\n")
PY
start=$(date +%s)
git push -q origin many:main 2>"$TMP/push.err"
took=$(( $(date +%s) - start ))
eq "the bad one of 4,000 commits is named, once" 1 "$(grep -c 'gendan: refused' "$TMP/push.err")"
has "$TMP/push.err" "stray.txt: not a path a ledger may hold"
check "4,000 commits checked in under 20 s (took ${took}s)" test "$took" -lt 20
git branch -q -D many
eq "nothing landed" "$(git rev-parse HEAD)" "$(git -C "$TMP/srv.git" rev-parse main)"

done_testing
