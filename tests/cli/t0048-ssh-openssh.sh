# ssh is OpenSSH (SPEC 5): gendan runs the ssh program as git does, so
# ~/.ssh/config aliases, known_hosts (system file, hashed, @revoked),
# StrictHostKeyChecking, GIT_SSH_COMMAND, core.sshCommand and GIT_SSH are
# OpenSSH's and git's own; a push through ssh meets the server's hook.
. "$TESTDIR/lib.sh"
SSHD_EXTRA="GENDAN_PUSHER=li.lei@example.com"
. "$TESTDIR/lib-sshd.sh"
cd "$TMP" || exit 1
cfg=$HOME/.ssh/config
# an alias, as a team's ~/.ssh/config has it
cat >"$TMP/alias" <<CONF
Host ledgerhost
	HostName 127.0.0.1
	Port $port
	User $user
	IdentityFile $HOME/.ssh/id_ecdsa
Host viajump
	HostName 127.0.0.1
	Port $port
	User $user
	ProxyJump ledgerhost
CONF
cat "$cfg" >>"$TMP/alias" && mv "$TMP/alias" "$cfg"
echo "$hostkey" >"$HOME/.ssh/known_hosts"

# the server: gendan init --bare, in a directory whose name needs quoting
srv="$TMP/it's ledger.git"
"$GENDAN" init --bare "$srv" >/dev/null
"$GENDAN" init li >/dev/null
git -C li remote add origin "ledgerhost:$srv"
cd li || exit 1
"$GENDAN" add customer "ACME" >/dev/null
gd 0 sync
has "$TMP/out" "out: 2 commits pushed"
cd "$TMP" || exit 1

# an alias of ~/.ssh/config, scp-like
gd 0 clone "ledgerhost:$srv" b
check "the clone has the record" test -f "$(ls b/customers/*/acme.yaml)"
gd 0 clone "$user@ledgerhost:$srv" b2
gd 0 clone "ssh://ledgerhost$srv" b3
gd 0 clone "git+ssh://ledgerhost$srv" b4

# ProxyJump, as ssh does it
gd 0 clone "viajump:$srv" b5

# the key from the agent only
if command -v ssh-agent >/dev/null; then
	eval "$(ssh-agent -s)" >/dev/null
	ssh-add -q "$HOME/.ssh/id_ecdsa" 2>/dev/null
	mv "$HOME/.ssh/id_ecdsa" "$TMP/key"
	sed 's/IdentitiesOnly yes/IdentitiesOnly no/' "$cfg" >"$TMP/agent-config"
	GIT_SSH_COMMAND="ssh -F $TMP/agent-config" gd 0 clone "ledgerhost:$srv" b6
	ssh-agent -k >/dev/null
	mv "$TMP/key" "$HOME/.ssh/id_ecdsa"
	unset SSH_AUTH_SOCK SSH_AGENT_PID
fi

# an ssh that fails: its exit and its words, in one line
printf '#!/bin/sh\necho "no entry for you" >&2\nexit 3\n' >"$TMP/nossh"
chmod +x "$TMP/nossh"
GIT_SSH_COMMAND="$TMP/nossh" gd 1 clone "ledgerhost:$srv" none
has "$TMP/err" "^gendan: cannot clone 'ledgerhost:.*': ssh exited with 3: no entry for you\$"

# an ssh that talks nonsense and stays: an error, not a hang
printf '#!/bin/sh\necho "nonsense"\nexec sleep 300\n' >"$TMP/stuck"
chmod +x "$TMP/stuck"
GIT_SSH_COMMAND="$TMP/stuck" timeout 60 "$GENDAN" clone "ledgerhost:$srv" none \
	>"$TMP/out" 2>"$TMP/err"
eq "a stuck ssh: exit 1, not a hang" 1 $?
check "a failed clone leaves nothing" test ! -e none

# the remote's own words when it has no such repository
gd 1 clone "ledgerhost:$TMP/nothing.git" none
has "$TMP/err" "cannot clone 'ledgerhost:.*nothing.git'.*ssh exited with"
has "$TMP/err" "does not appear to be a git repository"
check "a failed clone leaves nothing" test ! -e none

# a key marked @revoked is refused, even beside a good line
{ echo "@revoked $hostkey"; echo "$hostkey"; } >"$HOME/.ssh/known_hosts"
gd 1 clone "ledgerhost:$srv" c1
has "$TMP/err" "REVOKED HOST KEY"
has "$TMP/err" "Host key verification failed"

# hashed entries, as HashKnownHosts writes them
echo "$hostkey" >"$HOME/.ssh/known_hosts"
ssh-keygen -q -H -f "$HOME/.ssh/known_hosts" >/dev/null 2>&1
rm -f "$HOME/.ssh/known_hosts.old"
hasnt "$HOME/.ssh/known_hosts" "127.0.0.1"
gd 0 clone "ledgerhost:$srv" c2

# the key only in a system-wide known hosts file
: >"$HOME/.ssh/known_hosts"
echo "$hostkey" >"$TMP/ssh_known_hosts"
GIT_SSH_COMMAND="ssh -F $cfg -o GlobalKnownHostsFile=$TMP/ssh_known_hosts" \
	gd 0 clone "ledgerhost:$srv" c3

# an unknown host with StrictHostKeyChecking=yes: refused, nothing written
GIT_SSH_COMMAND="ssh -F $cfg -o StrictHostKeyChecking=yes" \
	gd 1 clone "ledgerhost:$srv" c4
has "$TMP/err" "No ECDSA host key is known for \[127.0.0.1\]:$port"
has "$TMP/err" "Host key verification failed"
check "known_hosts is untouched" test ! -s "$HOME/.ssh/known_hosts"

# a changed host key is refused
ssh-keygen -q -t ecdsa -b 256 -N "" -f "$TMP/other"
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$TMP/other.pub")" >"$HOME/.ssh/known_hosts"
gd 1 clone "ledgerhost:$srv" c5
has "$TMP/err" "REMOTE HOST IDENTIFICATION HAS CHANGED"
echo "$hostkey" >"$HOME/.ssh/known_hosts"

# core.sshCommand, when GIT_SSH_COMMAND is not set; GIT_SSH without a shell
cat >"$TMP/wrap" <<EOS
#!/bin/sh
echo "wrapped: \$*" >>"$TMP/wrap.log"
exec ssh -F "$cfg" "\$@"
EOS
chmod +x "$TMP/wrap"
cd "$TMP/b" || exit 1
git config core.sshCommand "'$TMP/wrap' -o LogLevel=ERROR"
GIT_SSH_COMMAND= gd 0 sync
has "$TMP/wrap.log" "wrapped: -o LogLevel=ERROR ledgerhost git-upload-pack '$TMP/it'\\\\''s ledger.git'"
git config --unset core.sshCommand
rm -f "$TMP/wrap.log"
cd "$TMP" || exit 1
GIT_SSH_COMMAND= GIT_SSH="$TMP/wrap" gd 0 clone "ssh://ledgerhost:$port$srv" c6
has "$TMP/wrap.log" "wrapped: -p $port ledgerhost git-upload-pack"

# a push through ssh meets the server's pre-receive hook
cd "$TMP/b" || exit 1
"$GENDAN" log acme -m "li over ssh" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
pushed_as_chen "$srv"
kill $daemon 2>/dev/null
done_testing
