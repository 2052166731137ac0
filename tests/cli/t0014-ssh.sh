# Sync over ssh, through the ssh program as git does (SPEC 5): an sshd on
# 127.0.0.1 with a throwaway host key and user key (lib-sshd.sh).
. "$TESTDIR/lib.sh"
. "$TESTDIR/lib-sshd.sh"

cd "$TMP" || exit 1
git init -q --bare -b main remote.git
# an unknown host is refused
gd 1 clone "ssh://$(id -un)@127.0.0.1:$port$TMP/remote.git" nope
has "$TMP/err" "ssh exited with 255: Host key verification failed"
echo "$hostkey" >"$HOME/.ssh/known_hosts"
"$GENDAN" init a --remote "$TMP/remote.git" >/dev/null
(cd a && "$GENDAN" add customer "ACME" >/dev/null && "$GENDAN" sync >/dev/null)
url="ssh://$user@127.0.0.1:$port$TMP/remote.git"
gd 0 clone "$url" b
cd b || exit 1
"$GENDAN" log acme -m "over ssh" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
cd "$TMP/a" && "$GENDAN" sync >/dev/null
has "$(ls customers/*/acme.yaml)" "over ssh"
# a different host key: refused as a possible attack
cd "$TMP/b" || exit 1
cp "$HOME/.ssh/known_hosts" "$TMP/known"
ssh-keygen -q -t ecdsa -b 256 -N "" -f "$TMP/other"
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$TMP/other.pub")" >"$HOME/.ssh/known_hosts"
gd 1 sync
has "$TMP/err" "REMOTE HOST IDENTIFICATION HAS CHANGED.*Host key verification failed"
cp "$TMP/known" "$HOME/.ssh/known_hosts"
# no key: a clear error naming the remote
rm "$HOME/.ssh/id_ecdsa" "$HOME/.ssh/id_ecdsa.pub"
cd "$TMP/b" && "$GENDAN" log acme -m "x" >/dev/null
gd 1 sync
has "$TMP/err" "cannot fetch from 'origin' \(ssh://"
has "$TMP/err" "Permission denied"
kill $daemon 2>/dev/null
done_testing
