# Every command has a man page, --help, help CMD and a completion entry,
# and every option it accepts is in its man page.
. "$TESTDIR/lib.sh"
top=$(cd "$TESTDIR/../.." && pwd)
cmds=$("$GENDAN" help | sed -n 's/^   \([a-z]*\) .*/\1/p')
check "the command list is not empty" test -n "$cmds"
for c in $cmds; do
	man="$top/docs/gendan-$c.1"
	check "$c has a man page" test -f "$man"
	has "$top/docs/gendan.1" "^\.B $c( |$)"
	gd 0 "$c" --help
	has "$TMP/out" "^usage: gendan $c"
	cp "$TMP/out" "$TMP/usage"
	"$GENDAN" help "$c" >"$TMP/help"
	check "help $c is $c --help" cmp "$TMP/help" "$TMP/usage"
	has "$top/completions/gendan.bash" "(^|[ \"])$c( |\"|\))"
	has "$top/completions/_gendan" "(^|[ \(])$c:"
	has "$top/completions/gendan.fish" "from $c[\" ]"
	sed 's/\\-/-/g' "$man" >"$TMP/man.txt"
	for o in $(sed -n 's/.*{"\([a-z-]*\)", [a-z]*_argument.*/\1/p' "$top/cmd/cmd-$c.c"); do
		grep -q -- "--$o\b" "$TMP/man.txt" &&
			ok "$c --$o is in its man page" || not_ok "$c --$o is in its man page"
	done
done
check "man renders gendan.yaml(5)" test -s "$top/docs/gendan.yaml.5"
# every GENDAN_ variable gendan reads, and the language variables, are in
# gendan(1)'s ENVIRONMENT
for v in $(grep -oh 'getenv("GENDAN_[A-Z_]*")' "$top"/lib/*.c "$top"/cmd/*.c |
		sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	has "$top/docs/gendan.1" "^\.B $v$"
done
has "$top/docs/gendan.1" "^\.B LANG, LC_ALL, LC_MESSAGES, LANGUAGE$"

done_testing
