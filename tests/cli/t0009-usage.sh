# Usage errors exit 2; --help and --version work everywhere.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
gd 0 --version
has "$TMP/out" "^gendan [0-9]"
gd 0 --help
has "$TMP/out" "due"
gd 2 frobnicate
has "$TMP/err" "'frobnicate' is not a gendan command"
gd 2 --bogus ls
gd 2
for c in add check commit due find help init log ls set show; do
	gd 0 "$c" --help
	has "$TMP/out" "^usage: gendan $c"
	gd 0 help "$c"
done
gd 2 help frobnicate
gd 2 --color=sometimes ls
gd 2 ls --format=xml
gd 2 show
gd 2 log acme -m
done_testing
