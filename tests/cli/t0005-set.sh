# gendan set: change fields; no change makes no commit.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

gd 0 set acme tier=A owner=wang.fang@example.com
has "$f" "^tier: A$"
has "$f" "^owner: wang.fang@example.com$"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^set: acme-trading-co tier=A owner=wang.fang@example.com$"
has "$TMP/msg" "^Gendan-Action: set$"
before=$(commits)
gd 0 set acme tier=A
eq "setting the current value makes no commit" "$before" "$(commits)"
gd 0 set acme next=tomorrow country=NO note=yes
has "$f" "^next: 2026-11-24$"
has "$f" '^country: "NO"$'
has "$f" '^note: "yes"$'
gd 0 set acme owner=me
has "$f" "^owner: li.lei@example.com$"
gd 0 set acme note=
hasnt "$f" "^note:"
gd 0 set acme tags=lighting,led
has "$f" "^  - led$"
before=$(commits)
gd 1 set acme tier=Z
has "$TMP/err" "tier 'Z' is not one of A B C D"
gd 1 set acme status=sleeping
gd 1 set acme next=2026-13-01
gd 1 set acme colour=red
gd 1 set acme log=x
gd 2 set acme
gd 2 set acme tier
eq "failed sets commit nothing" "$before" "$(commits)"
clean

done_testing
