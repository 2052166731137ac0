# commit.gpgsign: every commit gendan makes is signed as git signs it
# (SPEC 3.3), so git verify-commit accepts it: ssh through ssh-keygen -Y
# sign, openpgp through gpg.program.
. "$TESTDIR/lib.sh"
command -v ssh-keygen >/dev/null || { skip "no ssh-keygen"; done_testing; }
cd "$TMP" || exit 1
ssh-keygen -q -t ed25519 -N '' -C li -f "$TMP/key" || exit 1
echo "li.lei@example.com $(cat "$TMP/key.pub")" >"$TMP/allowed"
git config --global gpg.ssh.allowedSignersFile "$TMP/allowed"
new_ledger "$TMP/l"
git config commit.gpgsign true
git config gpg.format ssh
git config user.signingkey "$TMP/key"
gd 0 add customer "ACME Trading Co." --tier B
check "git verify-commit accepts the add" git verify-commit HEAD
gd 0 log acme -m "a call"
check "and the log" git verify-commit HEAD
gd 0 undo
check "and the undo" git verify-commit HEAD
clean

# a merge made by sync is signed too
git init -q --bare "$TMP/srv.git"
git remote add origin "$TMP/srv.git"
gd 0 sync
git clone -q -b main "$TMP/srv.git" "$TMP/other"
( cd "$TMP/other" && "$GENDAN" add customer "Bravo Lamps" >/dev/null && git push -q origin HEAD )
"$GENDAN" log acme -m "another call" >/dev/null
gd 0 sync
eq "sync made a merge" 2 "$(git log -1 --format=%p | wc -w)"
check "the merge is signed" git verify-commit HEAD

# a signer that fails: nothing is committed
git config user.signingkey "$TMP/nokey"
before=$(git rev-parse HEAD)
gd 1 log acme -m "unsigned"
has "$TMP/err" "cannot sign the commit with ssh-keygen"
eq "nothing committed" "$before" "$(git rev-parse HEAD)"
clean

# openpgp through gpg.program
cat >"$TMP/fake-gpg" <<'SH'
#!/bin/sh
cat >/dev/null
printf -- '-----BEGIN PGP SIGNATURE-----\n\nfake\n-----END PGP SIGNATURE-----\n'
SH
chmod +x "$TMP/fake-gpg"
git config --unset gpg.format
git config --unset user.signingkey
git config gpg.program "$TMP/fake-gpg"
gd 0 log acme -m "gpg signed"
git cat-file commit HEAD >"$TMP/commit"
has "$TMP/commit" "^gpgsig -----BEGIN PGP SIGNATURE-----"
git config gpg.program false
gd 1 log acme -m "not signed"
has "$TMP/err" "cannot sign the commit with 'false'"
clean

done_testing
