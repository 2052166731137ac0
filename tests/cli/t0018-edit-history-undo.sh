# gendan edit, history and undo.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
"$GENDAN" init l --remote "$TMP/remote.git" >/dev/null
cd l || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

# edit: a good change is committed in canonical form
cat >"$TMP/good.sh" <<'SH'
#!/bin/sh
sed -i 's/^tier: B$/tier: A/' "$1"
printf 'city:   Chicago\n' >>"$1"
SH
chmod +x "$TMP/good.sh"
EDITOR="$TMP/good.sh" "$GENDAN" edit acme >"$TMP/out" 2>"$TMP/err"
eq "edit exits 0" 0 "$?"
has "$f" "^tier: A$"
has "$f" "^city: Chicago$"
git log -1 --format=%s >"$TMP/msg"
has "$TMP/msg" "^edit: acme-trading-co by hand$"
clean
# unchanged: no commit
before=$(git rev-list --count HEAD)
EDITOR=true "$GENDAN" edit acme >"$TMP/out" 2>"$TMP/err"
eq "unchanged edit exits 0" 0 "$?"
eq "unchanged edit commits nothing" "$before" "$(git rev-list --count HEAD)"
# an invalid change is shown again with the error; giving up changes nothing
cat >"$TMP/bad.sh" <<'SH'
#!/bin/sh
n=$(cat "$0.count" 2>/dev/null || echo 0); echo $((n + 1)) >"$0.count"
if [ "$n" = 0 ]; then sed -i 's/^tier: A$/tier: Z/' "$1"; else cp "$1" "$0.seen"; fi
SH
chmod +x "$TMP/bad.sh"
EDITOR="$TMP/bad.sh" "$GENDAN" edit acme >"$TMP/out" 2>"$TMP/err"
eq "giving up exits 1" 1 "$?"
has "$TMP/bad.sh.seen" "^# gendan: .*tier 'Z' is not one of A B C D"
has "$TMP/err" "not changed"
has "$f" "^tier: A$"
eq "a refused edit commits nothing" "$before" "$(git rev-list --count HEAD)"
clean "after a refused edit"
# fixed on the second try
cat >"$TMP/fix.sh" <<'SH'
#!/bin/sh
n=$(cat "$0.count" 2>/dev/null || echo 0); echo $((n + 1)) >"$0.count"
if [ "$n" = 0 ]; then sed -i 's/^tier: A$/tier: Z/' "$1"; else sed -i 's/^tier: Z$/tier: C/' "$1"; fi
SH
chmod +x "$TMP/fix.sh"
EDITOR="$TMP/fix.sh" "$GENDAN" edit acme >"$TMP/out" 2>"$TMP/err"
eq "a fixed edit exits 0" 0 "$?"
has "$f" "^tier: C$"
hasnt "$f" "gendan:"

# history: newest first, --patch shows the diff
"$GENDAN" log acme -m "called about samples" >/dev/null
gd 0 history acme
eq "one line per commit that touched it" 4 "$(wc -l <"$TMP/out")"
head -1 "$TMP/out" >"$TMP/first"
has "$TMP/first" "log: acme-trading-co called about samples$"
tail -1 "$TMP/out" >"$TMP/last"
has "$TMP/last" "add: acme-trading-co \(customer\) ACME Trading Co.$"
gd 0 history acme --patch
has "$TMP/out" "^\+    note: called about samples$"
has "$TMP/out" "^-tier: A$"

# undo: a new commit that reverts the last one
before=$(git rev-list --count HEAD)
gd 0 undo
has "$TMP/out" "undone: log: acme-trading-co called about samples"
hasnt "$f" "called about samples"
eq "undo is a new commit" $((before + 1)) "$(git rev-list --count HEAD)"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^undo: log: acme-trading-co called about samples$"
has "$TMP/msg" "^Gendan-Action: undo$"
has "$TMP/msg" "^Gendan-Record: $f$"
clean "after undo"
# once pushed, refused unless --force
"$GENDAN" log acme -m "pushed call" >/dev/null
"$GENDAN" sync >/dev/null
gd 1 undo
has "$TMP/err" "already pushed"
has "$f" "pushed call"
gd 0 undo --force
hasnt "$f" "pushed call"
git commit -q --allow-empty -m "by hand"
gd 1 undo
has "$TMP/err" "not made by a gendan command"
gd 2 undo now

# history follows a record moved by hand, as git log --follow does
"$GENDAN" add customer "Move Me Ltd" >/dev/null
"$GENDAN" log move-me -m "before the move" >/dev/null
old=$(ls customers/*/move-me-ltd.yaml)
mkdir -p customers/zz
git mv "$old" customers/zz/move-me-ltd.yaml
git commit -q -m "move by hand"
"$GENDAN" log move-me -m "after the move" >/dev/null
gd 0 history move-me
eq "history goes on past a move" 4 "$(wc -l <"$TMP/out")"
has "$TMP/out" "log: move-me-ltd after the move$"
has "$TMP/out" "move by hand$"
has "$TMP/out" "log: move-me-ltd before the move$"
has "$TMP/out" "add: move-me-ltd \(customer\) Move Me Ltd$"
gd 0 history move-me --patch
has "$TMP/out" "^rename from $old$"
has "$TMP/out" "^rename to customers/zz/move-me-ltd.yaml$"
has "$TMP/out" "^\+    note: before the move$"
# moved under another name and edited in the same commit
git mv customers/zz/move-me-ltd.yaml customers/zz/moved.yaml
sed 's/^name: Move Me Ltd$/name: Moved Ltd/' customers/zz/moved.yaml >"$TMP/moved"
cp "$TMP/moved" customers/zz/moved.yaml
git commit -q -am "rename and edit by hand"
gd 0 history customer/moved
eq "history goes on past a move with an edit" 5 "$(wc -l <"$TMP/out")"
has "$TMP/out" "add: move-me-ltd \(customer\) Move Me Ltd$"
gd 0 history customer/moved --patch
has "$TMP/out" "^-name: Move Me Ltd$"
has "$TMP/out" "^\+name: Moved Ltd$"
clean "after moves by hand"

done_testing
