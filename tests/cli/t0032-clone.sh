# Clone from remotes made with git's own defaults: a plain `git init
# --bare` whose HEAD names master, which does not exist once gendan has
# pushed main; a remote with one other branch; and failed clones, which
# leave nothing behind so that a retry works.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
eq "no global init.defaultBranch" "" "$(git config --global init.defaultBranch)"

# the README's team set-up, word for word
git init -q --bare srv.git
eq "a plain bare remote's HEAD names master" "ref: refs/heads/master" "$(cat srv.git/HEAD)"
gd 0 init a --remote "$TMP/srv.git"
cd a || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
gd 0 sync
cd "$TMP" || exit 1
gd 0 clone "$TMP/srv.git" b
has "$TMP/out" "Cloned gendan ledger into b"
eq "the clone works on main" "main" "$(git -C b symbolic-ref --short HEAD)"
eq "main tracks origin/main" "origin/main" \
	"$(git -C b rev-parse --abbrev-ref 'main@{upstream}')"
check "the clone has the record" test -f "$(ls b/customers/*/acme-trading-co.yaml)"
cd b || exit 1
clean "after clone"
"$GENDAN" log acme -m "called from b" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
cd "$TMP" || exit 1
eq "the push from the clone reached main" \
	"$(git -C b rev-parse HEAD)" "$(git -C srv.git rev-parse main)"

# a remote whose HEAD names a branch it has: that branch
git init -q --bare dflt.git
git -C a push -q "$TMP/dflt.git" main:master main:main
git -C dflt.git update-ref refs/heads/master "$(git -C a rev-parse HEAD~1)"
gd 0 clone "$TMP/dflt.git" d
eq "the remote's default branch is checked out" "master" \
	"$(git -C d symbolic-ref --short HEAD)"
eq "at its commit" "$(git -C a rev-parse HEAD~1)" "$(git -C d rev-parse HEAD)"

# a remote with one branch, not main, and a HEAD naming master
git init -q --bare trunk.git
git -C a push -q "$TMP/trunk.git" main:trunk
gd 0 clone "$TMP/trunk.git" t
eq "its only branch is checked out" "trunk" "$(git -C t symbolic-ref --short HEAD)"
check "with the record" test -f "$(ls t/customers/*/acme-trading-co.yaml)"

# failed clones leave nothing, and a retry succeeds
git init -q --bare empty.git
gd 1 clone "$TMP/empty.git" e
has "$TMP/err" "is empty: not a gendan ledger"
check "a failed clone leaves no directory" test ! -e e
gd 1 clone "$TMP/empty.git" e
has "$TMP/err" "is empty: not a gendan ledger"
git -C a push -q "$TMP/empty.git" main
gd 0 clone "$TMP/empty.git" e
check "the retry cloned the ledger" test -f e/gendan.yaml

mkdir e2
gd 1 clone "$TMP/trunk.git.nothing" e2
check "a failed clone into an empty directory leaves it empty" \
	test -z "$(ls -A e2)"
gd 0 clone "$TMP/srv.git" e2
check "the retry into it cloned the ledger" test -f e2/gendan.yaml

git init -q --bare two.git
git -C a push -q "$TMP/two.git" main:one main:two
gd 1 clone "$TMP/two.git" w
has "$TMP/err" "no default branch and has no main"
check "nothing left of it" test ! -e w

mkdir plain && git -C plain init -q && echo hi >plain/notes.txt
git -C plain add notes.txt && git -C plain commit -qm notes
gd 1 clone "$TMP/plain" p
check "a refused clone leaves no directory" test ! -e p
mkdir p
gd 1 clone "$TMP/plain" p
check "nor anything in an empty directory" test -z "$(ls -A p)"

mkdir full && echo mine >full/keep
gd 1 clone "$TMP/srv.git" full
has "$TMP/err" "exists and is not an empty directory"
eq "a directory that was not empty keeps what it held" "keep" "$(ls -A full)"

done_testing
