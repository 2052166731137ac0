# Sync over ssh: an sshd on 127.0.0.1 with a throwaway host key and user
# key, config written here; the default key in ~/.ssh is used.
. "$TESTDIR/lib.sh"
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ] || ! command -v ssh-keygen >/dev/null; then
	echo "ok 1 # SKIP sshd is not installed (apt-get install openssh-server)"
	echo "1..1"
	exit 0
fi
unset SSH_AUTH_SOCK
# full stacks under ASan, so tests/lsan.supp can name libgit2's ssh leak
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
mkdir -p "$TMP/sshd" "$HOME/.ssh"
chmod 700 "$HOME/.ssh"
ssh-keygen -q -t ecdsa -b 256 -m PEM -N "" -f "$TMP/sshd/host_key"
ssh-keygen -q -t ecdsa -b 256 -m PEM -N "" -f "$HOME/.ssh/id_ecdsa"
cp "$HOME/.ssh/id_ecdsa.pub" "$TMP/sshd/authorized_keys"
chmod 600 "$TMP/sshd/authorized_keys"
port=$(( 30000 + $$ % 20000 ))
cat >"$TMP/sshd/config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $TMP/sshd/host_key
PidFile $TMP/sshd/pid
AuthorizedKeysFile $TMP/sshd/authorized_keys
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
UsePAM no
SetEnv PATH=/usr/bin:/bin
CONF
mkdir -p /run/sshd 2>/dev/null
"$sshd" -D -e -f "$TMP/sshd/config" >"$TMP/sshd/log" 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; rm -rf "$TMP"' EXIT
user=$(id -un)
for i in 1 2 3 4 5 6 7 8 9 10; do
	ssh -i "$HOME/.ssh/id_ecdsa" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \
		-p "$port" "$user@127.0.0.1" true 2>/dev/null && break
	sleep 0.3
done

cd "$TMP" || exit 1
git init -q --bare -b main remote.git
# an unknown host is refused
gd 1 clone "ssh://$(id -un)@127.0.0.1:$port$TMP/remote.git" nope
has "$TMP/err" "not in ~/.ssh/known_hosts"
ssh-keyscan -p "$port" -t ecdsa 127.0.0.1 >"$HOME/.ssh/known_hosts" 2>/dev/null
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
has "$TMP/err" "not the one in ~/.ssh/known_hosts"
cp "$TMP/known" "$HOME/.ssh/known_hosts"
# no key: a clear error naming the remote
rm "$HOME/.ssh/id_ecdsa" "$HOME/.ssh/id_ecdsa.pub"
cd "$TMP/b" && "$GENDAN" log acme -m "x" >/dev/null
gd 1 sync
has "$TMP/err" "cannot fetch from 'origin' \(ssh://"
kill $daemon 2>/dev/null
done_testing
