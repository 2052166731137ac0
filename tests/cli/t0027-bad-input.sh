# Bad command input: ids and REFs that look like paths, impossible dates
# and durations, fields set does not know.  Every one exits 1 or 2 with one
# line on stderr, makes no commit, leaves git status clean, and writes
# nothing anywhere (outside the ledger or in it).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Good Customer" --tier B >/dev/null
"$GENDAN" add order "PO-1" --customer good-customer --ship-by 2026-12-30 >/dev/null
export EDITOR=true

# the files under $TMP, but git's own and the test's output
files() {
	find "$TMP" -path "$TMP/l/.git" -prune -o -path "$TMP/out" -prune -o \
		-path "$TMP/err" -prune -o -path "$TMP/before.files" -prune -o \
		-path "$TMP/after.files" -prune -o -print | sort
}

# refused ARGS...: gendan ARGS fails cleanly and changes nothing
refused() {
	files >"$TMP/before.files"
	before=$(commits)
	"$GENDAN" "$@" </dev/null >"$TMP/out" 2>"$TMP/err"
	got=$?
	files >"$TMP/after.files" 2>/dev/null
	why=""
	[ $got -eq 1 ] || [ $got -eq 2 ] || why="exit $got"
	[ "$(commits)" = "$before" ] || why="$why, made a commit"
	[ -z "$(git status --porcelain)" ] || why="$why, git status not clean"
	cmp -s "$TMP/before.files" "$TMP/after.files" || why="$why, files changed"
	[ -s "$TMP/err" ] || why="$why, no message"
	[ -z "${want:-}" ] || grep -q -- "$want" "$TMP/err" || why="$why, no '$want'"
	# one line; usage errors may print the usage after it
	[ $got -eq 2 ] || [ "$(grep -c . "$TMP/err")" -eq 1 ] || why="$why, not one line"
	if [ -z "$why" ]; then ok "refused: gendan $* (exit $got: $(head -n 1 "$TMP/err"))"; else
		not_ok "refused: gendan $*: ${why#, }"
		sed 's/^/# err: /' "$TMP/err"
		diff "$TMP/before.files" "$TMP/after.files" | sed 's/^/# /'
	fi
}

# ids that are paths, hidden, or not ids at all
for id in a/b ../evil ../../evil /etc/passwd .hidden .git a..b Upper '' \
	"e$(printf '\033')x" 'a b' "$(printf 'a%.0s' $(seq 1 65))"; do
	refused add customer "Evil $id" --id "$id" --force
done
refused add inquiry --from X --id ../q
refused add order PO-7 --customer good-customer --ship-by 2026-12-30 --id ../o
refused add order PO-7 --customer ../good-customer --ship-by 2026-12-30
refused add customer "X" --from-inquiry ../../etc/passwd

# REFs that look like paths
refused show ../../etc/passwd
refused show /etc/passwd
refused show customers/../../etc/passwd
refused show customer/../good-customer
refused log customers/../../etc/passwd -m x
refused log customer/../good-customer -m x
refused log ./good-customer -m x
refused log .git -m x
refused set customers/8b/good-customer.yaml tier=A
refused set ../good-customer tier=A
refused hold .git --until 2026-12-01
refused hold ../../tmp/x --until 2026-12-01
refused stage ../po-1 materials --done
refused pay order/../po-1 deposit --amount 5
refused history ../../etc/passwd
refused edit ../good-customer

# impossible dates, times and durations
refused log good-customer -m x --next 2026-02-30
refused log good-customer -m x --next 2026-13-01
refused log good-customer -m x --next +99999999999999999999d
refused log good-customer -m x --next -3x
refused log good-customer -m x --at 2026-11-22T25:00:00+08:00
refused log good-customer -m x --at 2026-11-22T10:00:00+25:00
refused hold good-customer --until 2026-02-29
refused hold good-customer --until 0000-00-00
refused set good-customer next=2026-02-29
refused set good-customer created=2026-11-31
refused add order PO-7 --customer good-customer --ship-by 2026-04-31
refused add order PO-7 --customer good-customer --ship-by 2026-12-30 --buffer 0d
refused add order PO-7 --customer good-customer --ship-by 2026-12-30 --buffer -5d
refused add order PO-7 --customer good-customer --ship-by 2026-12-30 --buffer 99999999999999999999d
refused add inquiry --from X --received 2026-11-31T10:00:00+08:00
refused stage po-1 materials --plan 2026-02-30
refused pay po-1 deposit --due 2026-06-31
refused due --days many
refused report week --date 2026-02-30

# fields set does not know, or may not change
for a in colour=red log=x people=x conflicts=x path=../../x id=../evil \
	kind=order =x tier '../name=x' 'hold.until=2026-12-01'; do
	refused set good-customer "$a"
done

# text a terminal would obey, refused naming the record
want="customers/8b/good-customer.yaml: .*control character"
refused log good-customer -m "$(printf 'a\033[2Jb')"
refused set good-customer note="$(printf 'bell\007')"
want=""

gd 0 check
done_testing
