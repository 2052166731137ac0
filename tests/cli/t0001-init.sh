# gendan init: a git repository on main, gendan.yaml, one commit.
. "$TESTDIR/lib.sh"

gd 0 init "$TMP/ledger"
has "$TMP/out" "Initialized gendan ledger in"
cd "$TMP/ledger" || exit 1
eq "branch is main" main "$(git symbolic-ref --short HEAD)"
eq "one commit" 1 "$(commits)"
check "gendan.yaml is committed" git cat-file -e HEAD:gendan.yaml
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^init: new ledger$"
has "$TMP/msg" "^Gendan-Action: init$"
has "$TMP/msg" "^Gendan-Record: gendan.yaml$"
has gendan.yaml "^  A:$"
has gendan.yaml "every: 84h"
clean

gd 1 init "$TMP/ledger"
has "$TMP/err" "gendan: .*already"
eq "still one commit" 1 "$(commits)"

# no identity: a clear error, nothing created
(
	unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	HOME="$TMP/nohome"; mkdir -p "$HOME"; export HOME
	XDG_CONFIG_HOME="$HOME/.config"; export XDG_CONFIG_HOME
	"$GENDAN" init "$TMP/noid" >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/rc"
)
eq "init without identity exits 1" 1 "$(cat "$TMP/rc")"
has "$TMP/err" "user.email"
check "nothing created without identity" test ! -e "$TMP/noid/gendan.yaml"

# -C and GENDAN_DIR find the ledger from anywhere
cd "$TMP" || exit 1
gd 0 -C "$TMP/ledger" ls
GENDAN_DIR="$TMP/ledger" "$GENDAN" ls >"$TMP/out" 2>"$TMP/err"
eq "GENDAN_DIR finds the ledger" 0 "$?"
mkdir -p "$TMP/ledger/customers/ab"
cd "$TMP/ledger/customers/ab" || exit 1
gd 0 ls
cd "$TMP" || exit 1
gd 1 -C "$TMP" ls
has "$TMP/err" "not a gendan ledger"

# XDG_DATA_HOME/gendan is the default ledger
gd 0 init "$XDG_DATA_HOME/gendan"
cd "$TMP" || exit 1
gd 0 add customer "Default Ledger Ltd"
check "default ledger gets the record" test -n "$(ls "$XDG_DATA_HOME"/gendan/customers/*/default-ledger-ltd.yaml)"

done_testing
