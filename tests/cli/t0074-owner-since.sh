# owner-since (SPEC 2.2): written on every change of hands, read by
# reclaim (SPEC 3, issue 14 item 7); old ledgers read unchanged.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
printf 'pool:\n  reclaim-after: 30d\n' >>gendan.yaml
git commit -qam pool --no-verify
export GENDAN_NOW=2026-09-01T09:00:00+00:00
"$GENDAN" add customer "ACME Trading Co." --id acme --tier A --city Chicago >/dev/null
"$GENDAN" add customer "Gulf Lights LLC" --id gulf --tier B --owner wang.fang@example.com >/dev/null
"$GENDAN" add customer "Nord AB" --id nord --tier B >/dev/null
"$GENDAN" add customer "Pool Co" --id pool --tier C --owner "" >/dev/null
"$GENDAN" add customer "Linked Ltd" --id linked --tier C >/dev/null
"$GENDAN" add inquiry --from Ana --company "Linked Ltd" --customer linked --force >/dev/null
acme=$(ls customers/*/acme.yaml)
gulf=$(ls customers/*/gulf.yaml)
nord=$(ls customers/*/nord.yaml)
pool=$(ls customers/*/pool.yaml)

# add: the creation date, after city in canonical order
has "$acme" "^owner-since: 2026-09-01$"
eq "owner-since right after city" "city: Chicago
owner-since: 2026-09-01" "$(grep -A1 '^city:' "$acme")"
hasnt "$pool" "owner-since"
inq=$(ls inquiries/*/*.yaml)
hasnt "$inq" "owner-since"

# set owner= (a hand-over), the same owner again (nothing), a release,
# a claim
export GENDAN_NOW=2026-10-10T09:00:00+00:00
gd 0 set acme owner=zhang.wei@example.com
has "$acme" "^owner-since: 2026-10-10$"
before=$(commits)
GENDAN_NOW=2026-10-11T09:00:00+00:00 "$GENDAN" set acme owner=zhang.wei@example.com >/dev/null
eq "the same owner again: no commit" "$before" "$(commits)"
has "$acme" "^owner-since: 2026-10-10$"
gd 0 set nord owner=
hasnt "$nord" "^owner:"
has "$nord" "^owner-since: 2026-10-10$"

# reassign: the team hand-over
export GENDAN_NOW=2026-11-20T09:00:00+00:00
gd 0 reassign --from wang.fang@example.com --to li.lei@example.com
has "$gulf" "^owner: li.lei@example.com$"
has "$gulf" "^owner-since: 2026-11-20$"
gd 0 set pool owner=me
has "$pool" "^owner-since: 2026-11-20$"

# import: new records with an owner are theirs from the import
printf 'name,owner\nImported One,chen.jing@example.com\nImported Two,\n' >"$TMP/in.csv"
gd 0 import "$TMP/in.csv"
has "$(ls customers/*/imported-one.yaml)" "^owner-since: 2026-11-20$"
has "$(ls customers/*/imported-two.yaml)" "^owner: li.lei@example.com$"
has "$(ls customers/*/imported-two.yaml)" "^owner-since: 2026-11-20$"
clean

# reclaim a week later: handed over or claimed last week stays; a contact
# by the owner on a linked inquiry counts; never touched is taken
export GENDAN_NOW=2026-11-27T09:00:00+00:00
"$GENDAN" log "$(basename "$inq" .yaml)" -m "called Ana" --at 2026-11-26 >/dev/null
gd 0 reclaim --dry-run
has "$TMP/out" "would reclaim customer/acme"
hasnt "$TMP/out" "gulf"
hasnt "$TMP/out" "customer/pool"
hasnt "$TMP/out" "linked"
hasnt "$TMP/out" "imported"
gd 0 reclaim
has "$TMP/out" "reclaimed customer/acme"
hasnt "$acme" "^owner:"
has "$acme" "^owner-since: 2026-11-27$"
has "$gulf" "^owner: li.lei@example.com$"
clean

# an old ledger without owner-since reads unchanged, is never rewritten
# by reading, and reclaim falls back to created
mkdir -p customers/00
cat >customers/00/old.yaml <<'Y'
name: Old Friend
tier: B
status: active
owner: li.lei@example.com
created: 2026-01-05
Y
git add customers/00/old.yaml && git commit -qm old --no-verify
cp customers/00/old.yaml "$TMP/old"
for c in "due --all" "ls" "show old" "check" "reclaim --dry-run"; do
	"$GENDAN" $c >/dev/null 2>&1
done
check "an old record is not rewritten by reading" cmp "$TMP/old" customers/00/old.yaml
gd 0 reclaim --dry-run
has "$TMP/out" "would reclaim customer/old  Old Friend  \(owner li.lei@example.com, 326 days"
gd 0 log old -m "still here"
hasnt customers/00/old.yaml "owner-since"
clean

done_testing
