# Team sync: a bare remote, clones, record-by-record merges, races,
# hostile trees, and git daemon on 127.0.0.1.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
gd 0 init a --remote "$TMP/remote.git"
cd a || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null
"$GENDAN" add customer "Bravo Lamps" --tier C >/dev/null
gd 0 sync
has "$TMP/out" "out: 3 commits pushed"
gd 0 status
has "$TMP/out" "0 commits not pushed"
cd "$TMP" || exit 1
gd 0 clone "$TMP/remote.git" b
has "$TMP/out" "Cloned gendan ledger into b"
check "clone has the records" test -f "$(ls b/customers/*/acme-trading-co.yaml)"
fa=$(ls "$TMP"/a/customers/*/acme-trading-co.yaml)
fb=$(ls "$TMP"/b/customers/*/acme-trading-co.yaml)

# both log on the same customer; one changes the tier, the other the owner
cd "$TMP/b" || exit 1
"$GENDAN" log acme -m "from b" --at 2026-11-21 >/dev/null
"$GENDAN" set acme owner=wang.fang@example.com >/dev/null
gd 0 sync
cd "$TMP/a" || exit 1
"$GENDAN" log acme -m "from a" --at 2026-11-22 >/dev/null
"$GENDAN" set acme tier=A >/dev/null
gd 0 due
has "$TMP/err" "2 commits not pushed"
gd 0 sync
has "$TMP/out" "merged record by record: 1 file"
has "$fa" "note: from a"
has "$fa" "note: from b"
has "$fa" "^tier: A$"
has "$fa" "^owner: wang.fang@example.com$"
hasnt "$fa" "conflicts"
eq "each log entry once" 2 "$(grep -c 'note: from' "$fa")"
clean "a after merge"
eq "merge commit has two parents" 2 "$(git log -1 --format=%P | wc -w)"
cd "$TMP/b" || exit 1
gd 0 sync
check "both clones converge" cmp "$fa" "$fb"
clean "b after sync"

# both change the tier: remote kept, local under conflicts
"$GENDAN" set acme tier=C >/dev/null
"$GENDAN" sync >/dev/null 2>&1
cd "$TMP/a" || exit 1
"$GENDAN" set acme tier=D >/dev/null
gd 0 sync
has "$TMP/out" "conflict: customers/[0-9a-f]{2}/acme-trading-co.yaml"
has "$fa" "^tier: C$"
has "$fa" "^  - field: tier$"
has "$fa" "^    value: D$"
gd 1 check
has "$TMP/err" "open conflict"

# one deletes while the other logs: the record is kept
cd "$TMP/b" || exit 1
"$GENDAN" sync >/dev/null 2>&1
fbr=$(ls customers/*/bravo-lamps.yaml)
git rm -q "$fbr" && git commit -qm "delete bravo"
"$GENDAN" sync >/dev/null 2>&1
cd "$TMP/a" || exit 1
"$GENDAN" log bravo -m "still buying" >/dev/null
gd 0 sync
check "a record changed on one side survives a delete" test -f "$(ls customers/*/bravo-lamps.yaml)"
has "$(ls customers/*/bravo-lamps.yaml)" "still buying"

# a push race: b moves the remote after a fetched; a retries and wins
cd "$TMP/b" || exit 1
"$GENDAN" sync >/dev/null 2>&1
"$GENDAN" add customer "Race One" >/dev/null
cd "$TMP/a" || exit 1
"$GENDAN" add customer "Race Two" >/dev/null
cd "$TMP/b" && "$GENDAN" sync >/dev/null 2>&1
cd "$TMP/a" || exit 1
gd 0 sync
check "race: a has b's record" test -f "$(ls customers/*/race-one.yaml)"
cd "$TMP/b" && "$GENDAN" sync >/dev/null 2>&1
check "race: b has a's record" test -f "$(ls customers/*/race-two.yaml)"
eq "race: same tree" "$(git -C "$TMP/a" rev-parse HEAD^{tree})" "$(git -C "$TMP/b" rev-parse HEAD^{tree})"

# hand edits must be committed before a sync
echo "x: 1" >>"$fb"
gd 1 sync
has "$TMP/err" "gendan commit"
git checkout -q -- "$fb"

# hostile commits on the remote are refused; nothing changes
for attack in symlink traversal badid; do
	rm -rf "$TMP/evil" && git clone -q "$TMP/remote.git" "$TMP/evil"
	cd "$TMP/evil" || exit 1
	case $attack in
	symlink) mkdir -p customers/00 && ln -s /etc/passwd customers/00/evil.yaml ;;
	traversal) mkdir -p notes && echo x >notes/evil.txt ;;
	badid) mkdir -p customers/00 && echo "name: x" >customers/00/Not_An_Id.yaml ;;
	esac
	git add -A && git -c user.name=E -c user.email=e@x commit -qm evil && git push -q origin main
	cd "$TMP/a" || exit 1
	before=$(git rev-parse HEAD)
	gd 1 sync
	has "$TMP/err" "unsafe path"
	eq "$attack: HEAD unchanged" "$before" "$(git rev-parse HEAD)"
	clean "$attack refused"
	# repair the remote for the next case
	cd "$TMP/evil" && git reset -q --hard HEAD~1 && git push -q -f origin main
done

# git daemon on 127.0.0.1: clone and sync over git://
# a free port: try a few, the daemon exits at once on a busy one
for try in 1 2 3 4 5; do
	port=$(( 20000 + ($$ * 7 + try * 911) % 20000 ))
	git daemon --reuseaddr --listen=127.0.0.1 --port=$port --base-path="$TMP" \
		--export-all --enable=receive-pack "$TMP" >"$TMP/daemon.log" 2>&1 &
	daemon=$!
	for i in 1 2 3 4 5 6 7 8 9 10; do
		git ls-remote "git://127.0.0.1:$port/remote.git" >/dev/null 2>&1 && break 2
		kill -0 $daemon 2>/dev/null || break
		sleep 0.3
	done
	kill $daemon 2>/dev/null
done
trap 'kill $daemon 2>/dev/null; rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
gd 0 clone "git://127.0.0.1:$port/remote.git" c
cd c || exit 1
"$GENDAN" log acme -m "over git daemon" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
cd "$TMP/a" || exit 1
gd 0 sync
has "$(ls customers/*/acme-trading-co.yaml)" "over git daemon"
gd 1 clone "git://127.0.0.1:1/nothing.git" "$TMP/nothing"
has "$TMP/err" "cannot clone"
kill $daemon 2>/dev/null

done_testing
