# Property: random operations on three replicas, synced in random orders,
# converge to one tree with every log entry present exactly once.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
"$GENDAN" init r1 --remote "$TMP/remote.git" >/dev/null
(cd r1 && for c in alpha bravo charlie delta; do
	"$GENDAN" add customer "$c lights" --tier B >/dev/null; done
	"$GENDAN" sync >/dev/null)
"$GENDAN" clone "$TMP/remote.git" r2 >/dev/null
"$GENDAN" clone "$TMP/remote.git" r3 >/dev/null

seed=${GENDAN_SEED:-20261123}
rand() { seed=$(( (seed * 1103515245 + 12345) % 2147483648 )); echo $(( seed % $1 )); }

logged=0
for step in $(seq 1 60); do
	r=r$(( $(rand 3) + 1 ))
	c=$(echo alpha bravo charlie delta | cut -d' ' -f$(( $(rand 4) + 1 )))
	case $(rand 6) in
	0|1|2)
		(cd "$r" && "$GENDAN" log "$c" -m "call $step from $r" \
			--at "2026-11-$(( $(rand 20) + 1 ))" >/dev/null) && logged=$((logged + 1)) ;;
	3) (cd "$r" && "$GENDAN" set "$c" tier=$(echo A B C D | cut -d' ' -f$(( $(rand 4) + 1 ))) >/dev/null) ;;
	4) (cd "$r" && "$GENDAN" set "$c" city=city$step >/dev/null) ;;
	5) (cd "$r" && "$GENDAN" sync >/dev/null 2>&1) ;;
	esac
done
# everyone syncs twice, in turn
for round in 1 2; do
	for r in r1 r2 r3; do (cd "$r" && "$GENDAN" sync >/dev/null 2>&1); done
done
t1=$(git -C r1 rev-parse HEAD^{tree})
eq "r1 and r2 converge" "$t1" "$(git -C r2 rev-parse HEAD^{tree})"
eq "r1 and r3 converge" "$t1" "$(git -C r3 rev-parse HEAD^{tree})"
eq "every log entry present exactly once" "$logged" \
	"$(cat r1/customers/*/*.yaml | grep -c 'note: call ')"
eq "no entry doubled" "$logged" \
	"$(cat r1/customers/*/*.yaml | grep 'note: call ' | sort -u | wc -l)"
cd r1 && clean "r1"
eq "the merged ledger is valid apart from open conflicts" "" \
	"$("$GENDAN" check 2>&1 | grep -v 'open conflict' | grep -v 'problems* in ' | grep -v 'no problems')"

done_testing
