# Two threads share the walk of the ledger's folders: a kind folder that
# changes meanwhile (a shard made by another gendan, a checkout) never
# makes them miss or repeat a record.  (Split from t0031-list-summary.sh,
# so that each runs well within its time under AddressSanitizer.)
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
i=0
while [ $i -lt 800 ]; do
	d=customers/$(printf '%02x' $((i % 256)))
	mkdir -p "$d"
	printf 'name: Many %d\ntier: C\n' $i >"$d/many-$i.yaml"
	i=$((i + 1))
done
want=$("$GENDAN" ls --format=tsv 2>/dev/null | wc -l)
eq "the header and 800 records" 801 "$want"
( j=0; while :; do mkdir -p customers/zz$((j % 40)); rmdir customers/zz$(((j + 20) % 40)) 2>/dev/null; j=$((j + 1)); done ) &
churn=$!
wrong=0
k=0
while [ $k -lt 40 ]; do
	got=$("$GENDAN" ls --format=tsv 2>/dev/null | wc -l)
	[ "$got" = "$want" ] || wrong=$((wrong + 1))
	k=$((k + 1))
done
kill $churn
wait $churn 2>/dev/null
rmdir customers/zz* 2>/dev/null
eq "a kind folder changing during the walk: every record once, 40 times of 40" 0 "$wrong"
rm -f customers/*/many-*.yaml
done_testing
