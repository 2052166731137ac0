# The layout docs/modules.md promises, checked in the sources: only the
# store's files see libgit2, lib/ prints nothing (cmd/ prints), no two
# lib modules call each other (in the built library's symbols), and no
# file of lib/ or cmd/ is over 900 lines.
. "$TESTDIR/lib.sh"
top=$(cd "$TESTDIR/../.." && pwd)
cd "$top" || exit 1

grep -lE '#include [<"](git2|git2/[^>"]*|store-private)\.h[>"]' lib/* cmd/* include/*.h \
	include/gendan/* | sort >"$TMP/git2"
ls lib/store.c lib/store-*.c lib/store-private.h | sort >"$TMP/store"
check "only the store's files include libgit2 or the store's private header" \
	cmp "$TMP/store" "$TMP/git2"
eq "only store-private.h includes <git2.h> itself" "lib/store-private.h" \
	"$(grep -l '#include <git2\.h>' lib/* cmd/* include/*.h include/gendan/*)"

# gd__oom is the one exception, as git's xmalloc: it says so and aborts
grep -nE '\b(stdout|stderr)\b|[^a-z_.>](printf|puts|putchar|perror)\(|[^a-z_](write|fwrite)\([^,]*, *[^,]*, *[^,]*(STDOUT|STDERR)' \
	lib/*.c | grep -v 'out of memory' >"$TMP/prints"
check "nothing in lib/ writes to stdout or stderr" test ! -s "$TMP/prints"

# dependencies point one way (the store's files are one module)
lib=$(dirname "$GENDAN")/libgendan.a
check "the library is built beside gendan" test -f "$lib"
check "no cycle among lib/'s modules" python3 "$TESTDIR/lib-deps.py" "$lib"
cp "$TMP/out" "$TMP/calls"
has "$TMP/calls" "^ledger -> .*summary.*walk"

wc -l lib/*.c lib/*.h cmd/*.c cmd/*.h | grep -v ' total$' |
	awk '$1 > 900' >"$TMP/long"
check "no file of lib/ or cmd/ is over 900 lines" test ! -s "$TMP/long"

done_testing
