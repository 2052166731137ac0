# gendan init --bare: the shared server repository of SPEC 5, and init in
# an empty repository whose unborn HEAD is git's master.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
: >"$HOME/.gitconfig"

gd 0 init --bare srv.git
has "$TMP/out" "Initialized shared gendan repository in srv.git"
eq "bare" "true" "$(git -C srv.git rev-parse --is-bare-repository)"
eq "HEAD names main" "ref: refs/heads/main" "$(cat srv.git/HEAD)"
for k in receive.denyNonFastForwards receive.denyDeletes receive.fsckObjects core.logAllRefUpdates; do
	eq "$k is on" "true" "$(git -C srv.git config --bool "$k")"
done
check "the hook is executable" test -x srv.git/hooks/pre-receive
has srv.git/hooks/pre-receive "^exec '/.*' check --hook$"
abs=$(sed -n "s/^exec '\(.*\)' check --hook$/\1/p" srv.git/hooks/pre-receive)
check "the hook runs this gendan by its absolute path" test "$abs" -ef "$GENDAN"
gd 1 init --bare srv.git
has "$TMP/err" "already a git repository"
gd 2 init --bare
gd 2 init --bare x.git --remote y

# a ledger pushed to it and cloned back: main everywhere
export GIT_AUTHOR_NAME="Li Lei" GIT_COMMITTER_NAME="Li Lei"
gd 0 init a --remote "$TMP/srv.git"
cd a || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
gd 0 sync
cd "$TMP" || exit 1
gd 0 clone "$TMP/srv.git" b
eq "the clone is on main" "main" "$(git -C b symbolic-ref --short HEAD)"
eq "the server's main is the ledger's" "$(git -C a rev-parse HEAD)" "$(git -C srv.git rev-parse main)"

# init in an empty repository whose unborn HEAD is master makes main
git init -q -b master empty
gd 0 init empty
eq "init makes main" "main" "$(git -C empty symbolic-ref --short HEAD)"
eq "one commit on main" "1" "$(git -C empty rev-list --count main)"
check "no master" sh -c "! git -C empty rev-parse -q --verify refs/heads/master"

done_testing
