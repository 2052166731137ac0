# gendan due without a git identity: exit 1 telling the user to set it,
# never an empty list (SPEC 2.3; issue 14 item 10).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Acme Lights" --tier B --owner "" >/dev/null
noid() {
	(unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
	 HOME="$TMP/nobody" XDG_CONFIG_HOME="$TMP/nobody/.config" \
		"$GENDAN" "$@" >"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc")
}
mkdir -p "$TMP/nobody"
noid due
eq "due without identity exits 1" 1 "$(cat "$TMP/rc")"
has "$TMP/err" "user.email"
has "$TMP/err" "--all"
eq "nothing on stdout" "" "$(cat "$TMP/out")"
noid due --format=json
eq "due --format=json without identity exits 1" 1 "$(cat "$TMP/rc")"
# --all and --owner need nobody's identity
noid due --all --format=tsv
eq "due --all without identity exits 0" 0 "$(cat "$TMP/rc")"
has "$TMP/out" "^acme-lights	"
noid due --owner none --format=tsv
eq "due --owner without identity exits 0" 0 "$(cat "$TMP/rc")"
has "$TMP/out" "^acme-lights	"
done_testing
