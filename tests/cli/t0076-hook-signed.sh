# Hook rule 8 (SPEC 5): with policy: {signed: true} in the old tip's
# gendan.yaml, every new commit needs a valid ssh signature by one of the
# keys of its author's team entry.
. "$TESTDIR/lib.sh"
command -v ssh-keygen >/dev/null || { skip "no ssh-keygen"; done_testing; }
cd "$TMP" || exit 1
: >"$HOME/.gitconfig"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
for k in zhao li chen chen2 stranger; do
	ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$TMP/$k.key" || exit 1
done
"$GENDAN" init --bare srv.git >/dev/null

# who CLONE NAME EMAIL KEY: identity and ssh signing of a clone
who() {
	git -C "$TMP/$1" config user.name "$2"
	git -C "$TMP/$1" config user.email "$3"
	git -C "$TMP/$1" config commit.gpgsign true
	git -C "$TMP/$1" config gpg.format ssh
	git -C "$TMP/$1" config user.signingkey "$TMP/$4.key"
}
back() { git -C "$TMP/$1" fetch -q origin && git -C "$TMP/$1" reset -q --hard origin/main; }

git init -q -b main zhao && who zhao "Zhao Min" zhao.min@example.com zhao
git -C zhao remote add origin "$TMP/srv.git"
cd zhao || exit 1
"$GENDAN" init . >/dev/null
cat >>gendan.yaml <<YAML
team:
  - {email: zhao.min@example.com, name: Zhao Min, role: manager, key: "$(cat "$TMP/zhao.key.pub")"}
  - {email: li.lei@example.com, name: Li Lei, role: sales, key: "$(cat "$TMP/li.key.pub")"}
  - email: chen.jing@example.com
    role: sales
    key:
      - "$(cat "$TMP/chen.key.pub")"
      - "$(cat "$TMP/chen2.key.pub")"
  - {email: lin.na@example.com, role: assistant}
policy:
  signed: true
YAML
"$GENDAN" commit -m "the team, signed commits" >/dev/null
push zhao 0 "the manager pushes the policy (no old tip: no policy yet)"
cd "$TMP" || exit 1
git clone -q srv.git li && who li "Li Lei" li.lei@example.com li
git clone -q srv.git chen && who chen "Chen Jing" chen.jing@example.com chen2

# a member's commits signed by gendan with their key pass
cd "$TMP/li" || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" log acme -m "first call" >/dev/null
push li 0 "li's signed commits pass"
# one of a list of keys
cd "$TMP/chen" && git pull -q
"$GENDAN" add customer "Gulf Lights" --tier A >/dev/null
push chen 0 "chen's commit signed by the second of her keys passes"

# unsigned: refused, one line per commit
cd "$TMP/li" && git pull -q
git config commit.gpgsign false
"$GENDAN" log acme -m "unsigned one" >/dev/null
one=$(git rev-parse HEAD)
"$GENDAN" log acme -m "unsigned two" >/dev/null
two=$(git rev-parse HEAD)
push li 1 "unsigned commits are refused"
has "$TMP/push.err" "gendan: refused $one [^ ]+: not signed"
has "$TMP/push.err" "gendan: refused $two [^ ]+: not signed"
eq "one line per commit" 2 "$(grep -c 'gendan: refused' "$TMP/push.err")"
back li

# signed by another member's key, by an unknown key
git config commit.gpgsign true
git config user.signingkey "$TMP/chen.key"
"$GENDAN" log acme -m "with chen's key" >/dev/null
push li 1 "a commit signed with another member's key is refused"
has "$TMP/push.err" "gendan: refused $(git rev-parse HEAD) [^ ]+: the signature is not a valid one by a key of 'li.lei@example.com'"
back li
git config user.signingkey "$TMP/stranger.key"
"$GENDAN" log acme -m "with a stranger's key" >/dev/null
push li 1 "a commit signed with an unknown key is refused"
has "$TMP/push.err" "refused $(git rev-parse HEAD) .*not a valid one"
back li

# tampered: a signed commit whose message was changed after signing
git config user.signingkey "$TMP/li.key"
"$GENDAN" log acme -m "honest note" >/dev/null
check "the honest commit verifies before tampering" test -n "$(git cat-file commit HEAD | grep '^gpgsig')"
bad=$(git cat-file commit HEAD | sed 's/honest note/forged note/' | git hash-object -t commit -w --stdin)
git update-ref refs/heads/main "$bad"
git reset -q --hard "$bad"
push li 1 "a tampered commit is refused"
has "$TMP/push.err" "refused $bad .*not a valid one"
back li

# a new branch is held to the policy of the branch HEAD names: an unsigned
# commit pushed to a branch of its own (to be fast-forwarded into main
# later) is refused too
git config commit.gpgsign false
"$GENDAN" log acme -m "unsigned, on a side branch" >/dev/null
side=$(git rev-parse HEAD)
( GENDAN_PUSHER=li.lei@example.com git push -q origin HEAD:refs/heads/sneak ) \
	>"$TMP/push.out" 2>"$TMP/push.err"
check "an unsigned commit on a new branch is refused" test $? -ne 0
has "$TMP/push.err" "gendan: refused $side [^ ]+: not signed"
check "the side branch was not created" test -z "$(git ls-remote origin refs/heads/sneak)"
git config commit.gpgsign true
back li

# a member without a key cannot push under the policy
cd "$TMP" && git clone -q srv.git lin && who lin "Lin Na" lin.na@example.com stranger
cd "$TMP/lin" || exit 1
"$GENDAN" add customer "Nord AB" >/dev/null
push lin 1 "a member without a key is refused"
has "$TMP/push.err" "refused [0-9a-f]{40} [^ ]+: policy signed: the author 'lin.na@example.com' has no key in the team"

# a manager pushing li's properly signed commit passes (the author's key)
cd "$TMP/li" && back li
"$GENDAN" log acme -m "signed, pushed by the boss" >/dev/null
git push -q "$TMP/zhao" main:li-work 2>/dev/null
cd "$TMP/zhao" && git pull -q origin main 2>/dev/null
git merge -q --ff-only li-work
push zhao 0 "the manager pushes li's signed commit"

done_testing
