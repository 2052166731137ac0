# Commit times (SPEC 3.3): GIT_AUTHOR_DATE / GIT_COMMITTER_DATE as in git,
# else $GENDAN_NOW, else the clock; a history built with a moving clock
# reads back as it was made.
. "$TESTDIR/lib.sh"
export TZ=Asia/Shanghai GENDAN_NOW=2026-11-23T09:00:00+08:00
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
eq "author and committer time from GENDAN_NOW" "2026-11-23T09:00:00+08:00 2026-11-23T09:00:00+08:00" \
	"$(git log -1 --format='%aI %cI')"
GENDAN_NOW=2026-11-30T10:00:00+08:00 "$GENDAN" log acme -m call >/dev/null
eq "the clock moves with GENDAN_NOW" "2026-11-30T10:00:00+08:00" "$(git log -1 --format=%cI)"
GIT_COMMITTER_DATE="@1764900000 +0800" "$GENDAN" log acme -m visit --via visit >/dev/null
eq "GIT_COMMITTER_DATE in git's form" "2026-11-23T09:00:00+08:00 2025-12-05T10:00:00+08:00" \
	"$(git log -1 --format='%aI %cI')"
GIT_AUTHOR_DATE=2026-11-20T08:00:00+01:00 GIT_COMMITTER_DATE=2026-11-21T08:00:00Z \
	"$GENDAN" log acme -m mail --via email >/dev/null
eq "ISO dates" "2026-11-20T08:00:00+01:00 2026-11-21T08:00:00Z" \
	"$(git log -1 --format='%aI %cI' | sed 's/+00:00$/Z/')"
before=$(commits)
GIT_AUTHOR_DATE=yesterday-ish gd 1 log acme -m x
has "$TMP/err" "GIT_AUTHOR_DATE"
eq "a bad date commits nothing" "$before" "$(commits)"
eq "and writes nothing" "" "$(git status --porcelain)"
done_testing
