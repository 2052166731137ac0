# Author and committer as git makes them (SPEC 3.3): borrowing an author
# does not borrow the committer; times follow GIT_AUTHOR_DATE and
# GIT_COMMITTER_DATE, else GENDAN_NOW, else the clock.
. "$TESTDIR/lib.sh"
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
new_ledger "$TMP/l"
now=$(date -d 2026-11-23T09:00:00+00:00 +%s)

GIT_AUTHOR_NAME="Wang Fang" GIT_AUTHOR_EMAIL=wang.fang@example.com \
	"$GENDAN" add customer "ACME Trading Co." >/dev/null
eq "the author is borrowed" "Wang Fang <wang.fang@example.com>" "$(git log -1 --format='%an <%ae>')"
eq "the committer is not" "Li Lei <li.lei@example.com>" "$(git log -1 --format='%cn <%ce>')"
eq "the author time is GENDAN_NOW" "$now" "$(git log -1 --format=%at)"
eq "the committer time is GENDAN_NOW" "$now" "$(git log -1 --format=%ct)"

GIT_COMMITTER_NAME="Build Bot" GIT_COMMITTER_EMAIL=bot@example.com \
	"$GENDAN" log acme -m "a call" >/dev/null
eq "the author is user.name" "Li Lei <li.lei@example.com>" "$(git log -1 --format='%an <%ae>')"
eq "the committer is GIT_COMMITTER_*" "Build Bot <bot@example.com>" "$(git log -1 --format='%cn <%ce>')"

GIT_AUTHOR_DATE="@1700000000 +0800" GIT_COMMITTER_DATE="2026-11-20T10:00:00+01:00" \
	"$GENDAN" log acme -m "another call" >/dev/null
eq "GIT_AUTHOR_DATE as @seconds" "1700000000 +0800" "$(git log -1 --format=%at) $(git log -1 --format=%ad --date=format:%z)"
eq "GIT_COMMITTER_DATE as ISO 8601" "2026-11-20T10:00:00+01:00" "$(git log -1 --format=%cI)"
GIT_AUTHOR_DATE="Fri, 20 Nov 2026 08:30:00 -0500" "$GENDAN" set acme tier=A >/dev/null
eq "GIT_AUTHOR_DATE as RFC 2822" "2026-11-20T08:30:00-05:00" "$(git log -1 --format=%aI)"
GIT_AUTHOR_DATE="1700000000 +0000" "$GENDAN" set acme tier=B >/dev/null
eq "GIT_AUTHOR_DATE as seconds and zone" "1700000000" "$(git log -1 --format=%at)"

GIT_AUTHOR_DATE="next tuesday" "$GENDAN" set acme tier=C >"$TMP/out" 2>"$TMP/err"
eq "a date git would not read is refused" 1 $?
has "$TMP/err" "invalid GIT_AUTHOR_DATE 'next tuesday'"
eq "nothing committed" B "$(sed -n 's/^tier: //p' customers/*/acme-trading-co.yaml)"
clean

done_testing
