# gendan log: a contact adds lines and changes none; one commit each.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B --email john@acme.example >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)
cp "$f" "$TMP/before"

gd 0 log acme --via phone -m "Wants samples of DL-20; quote by Friday." --next fri
has "$TMP/out" "next 2026-11-27"
cat >"$TMP/want" <<'YAML'
log:
  - at: 2026-11-23T09:00:00+00:00
    by: li.lei@example.com
    via: phone
    note: Wants samples of DL-20; quote by Friday.
    next: 2026-11-27
YAML
cat "$TMP/before" "$TMP/want" >"$TMP/want.full"
check "log appends exactly the entry" cmp "$TMP/want.full" "$f"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^log: acme-trading-co \(phone\) Wants samples of DL-20; quote by Friday\.$"
has "$TMP/msg" "^Gendan-Action: log$"
clean

# a backdated contact goes in its place, and the diff only adds lines
gd 0 log acme-trading-co --via email -m "Sent catalogue" --at 2026-11-20
git diff HEAD~1 HEAD --numstat -- "$f" >"$TMP/numstat"
has "$TMP/numstat" "^4	0	"
grep -n "at:" "$f" >"$TMP/ats"
has "$TMP/ats" "^[0-9]+:  - at: 2026-11-20T09:00:00\+00:00"
eq "backdated entry comes first" "2026-11-20T09:00:00+00:00" "$(grep -m1 'at:' "$f" | sed 's/.*at: //')"

# REF by email, by phone digits; unknown and ambiguous refs
"$GENDAN" add customer "Haitian Trading" --id haitian --phone "+86 574 8888 1234" >/dev/null
gd 0 log john@acme.example -m "Called back"
gd 0 log 88881234 -m "Phone ref"
has "$(ls customers/*/haitian.yaml)" "note: Phone ref"
gd 1 log nobody -m "x"
has "$TMP/err" "no record matches 'nobody'"
"$GENDAN" add customer "Haitian Lighting" --force >/dev/null
gd 1 log "trading" -m "x"
has "$TMP/err" "matches 2 records"

# bad input changes nothing
before=$(commits)
gd 1 log acme --via telegram -m "x"
has "$TMP/err" "telegram"
gd 1 log acme --next someday -m "x"
gd 1 log acme --next 2026-02-30 -m "x"
gd 1 log acme --at "yesterday noon" -m "x"
gd 2 log
gd 2 log acme --bogus
eq "no commit from failed logs" "$before" "$(commits)"
clean

# no -m: the editor writes the note; an empty note aborts
cat >"$TMP/ed.sh" <<'SH'
#!/bin/sh
printf 'Discussed price of DL-20\n# a comment\n' >"$1"
SH
chmod +x "$TMP/ed.sh"
EDITOR="$TMP/ed.sh" "$GENDAN" log acme --via wechat >"$TMP/out" 2>"$TMP/err"
eq "log with EDITOR exits 0" 0 "$?"
has "$f" "note: Discussed price of DL-20$"
printf '#!/bin/sh\nexit 0\n' >"$TMP/empty.sh"; chmod +x "$TMP/empty.sh"
before=$(commits)
EDITOR="$TMP/empty.sh" "$GENDAN" log acme >"$TMP/out" 2>"$TMP/err"
eq "empty note exits 1" 1 "$?"
has "$TMP/err" "empty note"
eq "empty note commits nothing" "$before" "$(commits)"

# hand edits block writes until committed
echo "extra: by hand" >>"$f"
gd 1 log acme -m "x"
has "$TMP/err" "gendan commit"
gd 0 commit -m "hand edit"
gd 0 log acme -m "after commit"
clean

# an index left behind by a killed command (HEAD and files new, index
# old) does not block the next log, which heals it
"$GENDAN" log acme -m "before the crash" >/dev/null
git read-tree HEAD~1
gd 0 log acme -m "after the crash"
clean "after a stale index"

# the commit is HEAD's tree with the record changed: what someone staged
# by hand stays staged, out of gendan's commit, and the index says the
# same as HEAD for everything else
echo "call list for Monday" >notes.txt
git add notes.txt
gd 0 log acme -m "with a file staged by hand"
eq "only the record is in the commit" "$(ls customers/*/acme-trading-co.yaml)" \
	"$(git diff-tree --no-commit-id --name-only -r HEAD)"
eq "the file staged by hand is still staged" "A  notes.txt" "$(git status --porcelain)"
git rm -q --cached notes.txt && rm notes.txt
eq "the index is HEAD's tree" "$(git rev-parse 'HEAD^{tree}')" "$(git write-tree)"

# concurrent logs serialise: none lost
before=$(commits)
for i in $(seq 1 20); do "$GENDAN" log haitian -m "parallel $i" >/dev/null 2>&1 & done
wait
eq "20 parallel logs all kept" 20 "$(grep -c 'note: parallel' "$(ls customers/*/haitian.yaml)")"
eq "20 parallel logs, 20 commits" $((before + 20)) "$(commits)"
clean "after parallel logs"

done_testing
