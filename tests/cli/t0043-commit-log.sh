# gendan commit applies the append-only log rule of the shared remote:
# a hand edit that removes or changes a log entry is refused, one that
# adds an entry or changes other fields is committed.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
"$GENDAN" log acme -m "first call" --at "2026-11-20 10:00" >/dev/null
"$GENDAN" log acme -m "second call" --at "2026-11-21 10:00" >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)
cp "$f" "$TMP/orig"

sed -i 's/first call/a better story/' "$f"
gd 1 commit -m "rewrite"
has "$TMP/err" "$f: removes or changes the log entry of 2026-11-20T10:00:00\+00:00 \(the log is append-only\); log a correction instead"
eq "nothing committed" 4 "$(commits)"

cp "$TMP/orig" "$f"
python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
lines = open(p).read().split("\n")
i = lines.index("  - at: 2026-11-21T10:00:00+00:00")
del lines[i:i + 3]
open(p, "w").write("\n".join(lines))
PY
gd 1 commit
has "$TMP/err" "removes or changes the log entry of 2026-11-21"

# entries reordered and re-quoted, a field changed, an entry added: fine
cp "$TMP/orig" "$f"
sed -i 's/^tier: B$/tier: A/' "$f"
cat >>"$f" <<'YAML'
  - at: '2026-11-22T10:00:00+00:00'
    by: li.lei@example.com
    note: third call
YAML
gd 0 commit -m "tier and a call"
eq "committed" 5 "$(commits)"
clean

done_testing
