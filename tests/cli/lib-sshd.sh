# lib-sshd.sh - an sshd on 127.0.0.1 for the ssh tests, after lib.sh:
# a throwaway host key ($TMP/sshd/host_key), a user key in
# $HOME/.ssh/id_ecdsa, $port, $user and $daemon.  OpenSSH reads the home
# of the passwd entry, not $HOME: GIT_SSH_COMMAND points ssh at
# $HOME/.ssh/config, which names the test's known_hosts and key (and no
# system known hosts file).  Extra sshd_config lines: $SSHD_EXTRA.
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ] || ! command -v ssh-keygen >/dev/null; then
	if [ -n "${CI:-}" ]; then
		echo "not ok 1 - sshd is not installed in CI (tools/deps)"; echo "1..1"; exit 1
	fi
	echo "ok 1 # SKIP sshd is not installed (apt-get install openssh-server)"
	echo "1..1"
	exit 0
fi
unset SSH_AUTH_SOCK SSH_ASKPASS DISPLAY GIT_SSH GIT_SSH_COMMAND
mkdir -p "$TMP/sshd" "$HOME/.ssh"
chmod 700 "$HOME/.ssh"
ssh-keygen -q -t ecdsa -b 256 -N "" -f "$TMP/sshd/host_key"
ssh-keygen -q -t ecdsa -b 256 -N "" -f "$HOME/.ssh/id_ecdsa"
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
SetEnv PATH=/usr/bin:/bin ${SSHD_EXTRA:-}
CONF
mkdir -p /run/sshd 2>/dev/null
"$sshd" -D -e -f "$TMP/sshd/config" >"$TMP/sshd/log" 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; rm -rf "$TMP"' EXIT
user=$(id -un)
cat >"$HOME/.ssh/config" <<CONF
Host *
	UserKnownHostsFile $HOME/.ssh/known_hosts
	GlobalKnownHostsFile /dev/null
	IdentityFile $HOME/.ssh/id_ecdsa
	IdentitiesOnly yes
CONF
export GIT_SSH_COMMAND="ssh -F $HOME/.ssh/config"
for i in 1 2 3 4 5 6 7 8 9 10; do
	$GIT_SSH_COMMAND -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \
		-p "$port" "$user@127.0.0.1" true 2>/dev/null && break
	sleep 0.3
done
# the server's key as ssh-keyscan writes it, for known_hosts files
hostkey="[127.0.0.1]:$port $(cut -d' ' -f1,2 "$TMP/sshd/host_key.pub")"
