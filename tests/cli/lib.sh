# lib.sh - shared set-up for the end-to-end tests of the gendan binary.
#
# Each test runs the real binary in a temporary ledger, with a fixed clock
# (GENDAN_NOW), a fixed time zone, its own HOME and a git identity, and
# prints TAP ("ok N - what", "not ok N - what") so a failure says what was
# expected.

set -u

: "${GENDAN:?GENDAN must name the gendan binary}"
# in memory where the system has it (as git's test suite can run in
# /dev/shm): gendan syncs every file and object it writes, and on a disk
# busy with other work that alone made the suite several times slower
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	TMPDIR=/dev/shm
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gendan-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home"
mkdir -p "$HOME"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export TZ=UTC
export GENDAN_NOW=2026-11-23T09:00:00+00:00
export GIT_AUTHOR_NAME="Li Lei" GIT_AUTHOR_EMAIL=li.lei@example.com
export GIT_COMMITTER_NAME="Li Lei" GIT_COMMITTER_EMAIL=li.lei@example.com
export NO_COLOR=1 LC_ALL=C.UTF-8
unset GENDAN_DIR EDITOR VISUAL LANGUAGE
# set by `git rebase -x` and hooks: git (and gendan through libgit2) would
# act on that repository instead of the test's
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY \
	GIT_ALTERNATE_OBJECT_DIRECTORIES
git config --global user.name "Li Lei"
git config --global user.email li.lei@example.com

n=0
failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
	desc=$1; shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then ok "$desc"; else
		not_ok "$desc"; echo "# exit $?: $*"; sed 's/^/# /' "$TMP/out" "$TMP/err"; fi
}

# gd EXPECTED_EXIT ARGS...: run gendan, keep stdout/stderr in $TMP/out and
# $TMP/err, and check its exit code.
gd() {
	want=$1; shift
	"$GENDAN" "$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "gendan $* exits $want"; else
		not_ok "gendan $* exits $want (got $got)"
		sed 's/^/# out: /' "$TMP/out"; sed 's/^/# err: /' "$TMP/err"; fi
}

# has FILE PATTERN: FILE has a line matching the grep -E pattern.
has() {
	if grep -Eq -- "$2" "$1"; then ok "$(basename "$1") has '$2'"; else
		not_ok "$(basename "$1") has '$2'"; sed 's/^/# /' "$1"; fi
}

hasnt() {
	if grep -Eq -- "$2" "$1"; then not_ok "$(basename "$1") lacks '$2'"
		sed 's/^/# /' "$1"; else ok "$(basename "$1") lacks '$2'"; fi
}

# eq DESCRIPTION EXPECTED ACTUAL
eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1"; echo "# expected: $2"; echo "# actual:   $3"; fi
}

# clean: git status of the ledger in the current directory is clean.
clean() {
	s=$(git status --porcelain)
	eq "git status is clean${1:+ ($1)}" "" "$s"
}

commits() { git rev-list --count HEAD; }

# not_believed FILE MAGIC WANT CMD...: with FILE truncated, made of random
# bytes, or under another magic than MAGIC, CMD still prints the file
# WANT (three checks).
not_believed() {
	file=$1 magic=$2 want=$3
	shift 3
	head -c 100 "$file" >"$TMP/c" && cp "$TMP/c" "$file"
	"$@" >"$TMP/got"
	check "a truncated summary" cmp "$want" "$TMP/got"
	head -c 20000 /dev/urandom >"$file"
	"$@" >"$TMP/got"
	check "a random summary" cmp "$want" "$TMP/got"
	sed "s/$magic/${magic%?}9/" "$file" >"$TMP/c"
	check "the summary's magic is $magic" sh -c "! cmp -s '$file' '$TMP/c'"
	cp "$TMP/c" "$file"
	"$@" >"$TMP/got"
	check "a foreign summary" cmp "$want" "$TMP/got"
}

# damage_each FILE STEP WANT CMD...: overwrite every STEP-th byte of FILE
# in turn, each time on an undamaged copy, and run CMD; prints how many
# times CMD failed or printed (stdout and stderr) other than the file
# WANT.  FILE is left undamaged.
damage_each() {
	file=$1 step=$2 want=$3
	shift 3
	cp "$file" "$TMP/undamaged"
	size=$(wc -c <"$TMP/undamaged")
	wrong=0
	i=0
	while [ "$i" -lt "$size" ]; do
		cp "$TMP/undamaged" "$file"
		printf '\377' | dd of="$file" bs=1 seek="$i" conv=notrunc 2>/dev/null
		if ! "$@" >"$TMP/damaged-out" 2>&1 || ! cmp -s "$want" "$TMP/damaged-out"; then
			wrong=$((wrong + 1))
			echo "# byte $i damaged: a wrong answer or a failure" >&2
		fi
		i=$((i + step))
	done
	cp "$TMP/undamaged" "$file"
	echo "$wrong"
}

# same_stat FILE FROM TO: replace FROM with TO (same length) in FILE in
# place, and put its mtime back to the nanosecond, as some tools do; only
# its ctime says it changed.
same_stat() {
	python3 - "$1" "$2" "$3" <<'PY'
import os, sys
f, a, b = sys.argv[1:]
st = os.stat(f)
text = open(f, encoding="utf-8").read()
assert len(a) == len(b) and a in text
with open(f, "r+", encoding="utf-8") as out:
    out.write(text.replace(a, b))
os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
PY
}

# team_of_two: a roster of 李雷 (li.lei@example.com, me) and 韩梅梅
# (han.mei@example.com) in the ledger here, committed.
team_of_two() {
	printf 'team:\n  - {email: li.lei@example.com, name: 李雷}\n  - {email: han.mei@example.com, name: 韩梅梅}\n' >>gendan.yaml
	git commit -qam team
}

# push WHO WANT DESC [ARGS]: git push (with ARGS) from the clone $TMP/WHO
# to origin main as GENDAN_PUSHER (its user.email), exit WANT (any
# failure counts as 1); output in $TMP/push.out and $TMP/push.err.
push() {
	p=$1 want=$2 desc=$3
	shift 3
	( cd "$TMP/$p" && GENDAN_PUSHER=$(git config user.email) git push -q "$@" origin main ) \
		>"$TMP/push.out" 2>"$TMP/push.err"
	got=$?
	[ "$got" -ne 0 ] && got=1
	if [ "$got" -eq "$want" ]; then ok "$desc"; else
		not_ok "$desc (exit $got)"; sed 's/^/# /' "$TMP/push.err"; fi
}

# receipts_out_of_range ORDER DAY: a payment whose two receipts on DAY sum
# beyond the range of amounts appended to ORDER's file (its payments last),
# committed by hand.
receipts_out_of_range() {
	f=$(ls orders/*/"$1".yaml)
	cat >>"$f" <<Y
  - what: extra
    amount: 1
    receipts:
      - {"on": $2, amount: 900000000000000}
      - {"on": $2, amount: 900000000000000}
Y
	git commit -qam "receipts out of range"
}

# new_ledger DIR: a fresh ledger, and cd into it.
new_ledger() {
	"$GENDAN" init "$1" >/dev/null 2>&1 || { not_ok "init $1"; exit 1; }
	cd "$1" || exit 1
}

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
	exit $?
}

# pushed_as_chen SERVER: in the clone here, a contact logged as Chen Jing
# goes to SERVER through `gendan sync`, whose hook knows the pusher as Li
# Lei: refused with the hook's line, exit 1, nothing landed.
pushed_as_chen() {
	GIT_AUTHOR_NAME="Chen Jing" GIT_AUTHOR_EMAIL=chen.jing@example.com \
		"$GENDAN" log acme -m "as chen" >/dev/null
	before=$(git -C "$1" rev-parse main)
	gd 1 sync
	has "$TMP/err" "the remote 'origin' refused the push"
	has "$TMP/err" "refused [0-9a-f]{40} refs/heads/main: authored by 'chen.jing@example.com' but pushed by 'li.lei@example.com'"
	eq "nothing landed" "$before" "$(git -C "$1" rev-parse main)"
}
