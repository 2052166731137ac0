# Terminal output is inert (SPEC 5): text from records and commits never
# reaches the terminal as control characters (records refuse them, commits
# do not), nor as bidi overrides; show indents a multi-line note and
# prints no bare CR.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)
# a past version with an ESC in it, as a patch shows it
printf 'note: x\033[5mblink\n' >>"$f" && git commit -qam "bad note"
sed -i '/^note:/d' "$f" && git commit -qam "no note"
cat >>"$f" <<'YAML'
log:
  - at: 2026-11-20T10:00:00+00:00
    by: li.lei@example.com
    note: "line one\r\nline two\rline three \u202Eevil"
YAML
git add "$f"
GIT_AUTHOR_NAME="$(printf 'Mallory\033[1m')" git commit -qm "$(printf 'hand edit \033[31mred\033[0m')"

bad() { LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')" "$1"; }
gd 0 history acme --patch
eq "history prints no control character" 0 "$(bad "$TMP/out")"
has "$TMP/out" 'hand edit \\x1b\[31mred\\x1b\[0m'
has "$TMP/out" 'Mallory\\x1b\[1m'
has "$TMP/out" '^\+note: x\\x1b\[5mblink$'
gd 0 show acme
eq "show prints no control character" 0 "$(bad "$TMP/out")"
has "$TMP/out" '^      line one$'
has "$TMP/out" '^      line two$'
has "$TMP/out" '^      line three \\u202eevil$'
gd 0 ls --format=tsv
eq "ls prints no control character" 0 "$(bad "$TMP/out")"

done_testing
