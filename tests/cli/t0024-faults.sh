# Disk full at every write of gendan log, one after another (strace fault
# injection): never a crash, the old record intact or the whole change,
# and the next command works on its own.
. "$TESTDIR/lib.sh"
if ! command -v strace >/dev/null; then
	skip "strace is not installed"; done_testing
fi
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)
crashes=0 bad=0 refused=0 lost=0
for w in $(seq 1 60); do
	cp "$f" "$TMP/before"
	before=$(git rev-list --count HEAD)
	# LeakSanitizer cannot run under ptrace; leaks are checked everywhere else
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -o /dev/null -e trace=write,pwrite64,writev \
		-e inject=write,pwrite64,writev:error=ENOSPC:when=$w \
		"$GENDAN" log acme -m "call $w" >/dev/null 2>"$TMP/err"
	rc=$?
	[ $rc -ge 2 ] && crashes=$((crashes + 1)) && sed "s/^/# write $w: /" "$TMP/err"
	[ $rc -eq 1 ] && refused=$((refused + 1))
	# the next command repairs whatever was left and must succeed
	"$GENDAN" log acme -m "after $w" >/dev/null 2>"$TMP/err2" || { bad=$((bad + 1)); sed "s/^/# after $w: /" "$TMP/err2"; }
	[ -n "$(git status --porcelain)" ] && bad=$((bad + 1)) && echo "# write $w: status not clean"
	# a contact is either committed or absent: never half-written
	if [ $rc -eq 0 ] && ! grep -q "note: call $w$" "$f"; then lost=$((lost + 1)); fi
	if [ $rc -ne 0 ] && [ "$(git log --format=%s | grep -c "call $w$")" != "$(grep -c "note: call $w$" "$f")" ]; then
		lost=$((lost + 1)); echo "# write $w: commit and file disagree"
	fi
done
echo "# $refused of 60 runs refused by an injected ENOSPC"
eq "no crash at any write" 0 "$crashes"
eq "every failure repaired by the next command" 0 "$bad"
eq "nothing half-written or lost" 0 "$lost"
check "some writes failed (the injection worked)" test "$refused" -gt 0
check "git fsck is clean" git fsck --no-progress
gd 0 check
done_testing
