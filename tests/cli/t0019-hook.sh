# gendan check --hook as the pre-receive hook of a shared remote.
. "$TESTDIR/lib.sh"
cd "$TMP" || exit 1
git init -q --bare -b main remote.git
printf '#!/bin/sh\nexec "%s" check --hook\n' "$GENDAN" >remote.git/hooks/pre-receive
chmod +x remote.git/hooks/pre-receive
"$GENDAN" init l --remote "$TMP/remote.git" >/dev/null
cd l || exit 1
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
gd 0 sync
has "$TMP/out" "pushed"

# a bad record pushed with plain git is refused by the remote
f=$(ls customers/*/acme-trading-co.yaml)
sed -i 's/^tier: B$/tier: Z/' "$f"
git commit -qam "bad tier"
check "the remote refuses the push" sh -c "! git push -q origin main 2>'$TMP/push.err'"
has "$TMP/push.err" "tier 'Z' is not one of A B C D"
git reset -q --hard HEAD~1
# a symlink and a stray path are refused too
ln -s /etc/passwd customers/00-evil.yaml 2>/dev/null || true
mkdir -p customers/00 && ln -sf /etc/passwd customers/00/evil.yaml
git add -A && git commit -qm "symlink"
check "the remote refuses a symlink" sh -c "! git push -q origin main 2>'$TMP/push.err'"
has "$TMP/push.err" "customers/00/evil.yaml: not a path a ledger may hold"
git reset -q --hard HEAD~1
# a good change goes through
"$GENDAN" log acme -m "fine" >/dev/null
check "a valid push is accepted" git push -q origin main
# a config the hook cannot read is refused
printf 'tiers: [A]\n' >gendan.yaml
git commit -qam "bad config"
check "the remote refuses a bad gendan.yaml" sh -c "! git push -q origin main 2>'$TMP/push.err'"
has "$TMP/push.err" "tiers must be a mapping"

done_testing
