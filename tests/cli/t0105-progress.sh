# clone and sync show their progress on stderr when it is a terminal, as
# git does (one line rewritten with \r, ended by a newline): objects
# received and sent, records merged.  Not on a pipe: there the output is
# what it was without progress, byte for byte, and stderr has none of it.
. "$TESTDIR/lib.sh"
if ! command -v script >/dev/null; then
	echo "ok 1 # SKIP script(1) is not installed"; echo "1..1"; exit 0
fi
cr=$(printf '\r')
tty() { TERM=xterm script -qec "$*" /dev/null </dev/null >"$TMP/tty" 2>&1; }
cd "$TMP" || exit 1
"$GENDAN" init --bare srv.git >/dev/null
"$GENDAN" init a --remote "$TMP/srv.git" >/dev/null
(cd a && "$GENDAN" add customer "ACME" >/dev/null && "$GENDAN" sync >/dev/null)

tty "$GENDAN" clone "file://$TMP/srv.git" b
has "$TMP/tty" "^${cr}receiving objects: +[0-9]+% \([0-9]+/[0-9]+\)"
has "$TMP/tty" "receiving objects: 100% \(([0-9]+)/[0-9]+\), done\.${cr}?\$"
has "$TMP/tty" "^Cloned gendan ledger into b"
check "the clone worked" test -f "$(ls b/customers/*/acme.yaml)"

# records merged, after the objects
(cd a && "$GENDAN" log acme -m "from a" >/dev/null && "$GENDAN" sync >/dev/null)
cd b || exit 1
"$GENDAN" add customer "Beta" >/dev/null
"$GENDAN" log acme -m "from b" >/dev/null
tty "$GENDAN" sync
has "$TMP/tty" "receiving objects: 100% \([0-9]+/[0-9]+\), done\."
has "$TMP/tty" "${cr}records merged: 1/1, done\."
has "$TMP/tty" "^merged record by record: 1 file"

# not a terminal: the same words as ever, and no progress
cd "$TMP" || exit 1
"$GENDAN" clone "file://$TMP/srv.git" c >"$TMP/pipe" 2>"$TMP/pipe-err"
printf 'Cloned gendan ledger into c\n' >"$TMP/want"
check "clone on a pipe: unchanged output" cmp "$TMP/want" "$TMP/pipe"
hasnt "$TMP/pipe-err" "objects|records|${cr}"
(cd a && "$GENDAN" log acme -m "again" >/dev/null && "$GENDAN" sync >/dev/null)
cd c || exit 1
"$GENDAN" log acme -m "from c" >/dev/null
"$GENDAN" sync >"$TMP/pipe" 2>"$TMP/pipe-err"
printf 'in: 2 commits, 1 file changed (merged)\nmerged record by record: 1 file\nout: 2 commits pushed\n' >"$TMP/want"
check "sync on a pipe: unchanged output" cmp "$TMP/want" "$TMP/pipe"
hasnt "$TMP/pipe-err" "objects|records|${cr}"
done_testing
