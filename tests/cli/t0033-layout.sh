# The layout docs/modules.md promises, checked in the sources: only the
# store's files see libgit2, and lib/ prints nothing (cmd/ prints).
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

done_testing
