# The ssh program's variant, as git tells it (git-config(1) ssh.variant,
# GIT_SSH_VARIANT): PuTTY's plink and putty take the port as -P,
# TortoiseGit's tortoiseplink also -batch, a "simple" ssh only the host and
# the command; an unknown program is asked -G to see whether it is OpenSSH.
. "$TESTDIR/lib.sh"
. "$TESTDIR/lib-sshd.sh"
cd "$TMP" || exit 1
cfg=$HOME/.ssh/config
echo "$hostkey" >"$HOME/.ssh/known_hosts"
cat >"$TMP/alias" <<CONF
Host ledgerhost
	HostName 127.0.0.1
	Port $port
	User $user
CONF
cat "$cfg" >>"$TMP/alias" && mv "$TMP/alias" "$cfg"
srv="$TMP/srv.git"
"$GENDAN" init --bare "$srv" >/dev/null
"$GENDAN" init li >/dev/null
git -C li remote add origin "ledgerhost:$srv"
(cd li && "$GENDAN" add customer "ACME" >/dev/null && "$GENDAN" sync >/dev/null 2>&1)
url="ssh://$user@127.0.0.1:$port$srv"
unset GIT_SSH_COMMAND

# a plink that takes plink's options only, and says what it was given
mkdir -p "$TMP/bin"
cat >"$TMP/bin/plink" <<EOS
#!/bin/sh
echo "\$(basename "\$0"): \$*" >>"$TMP/plink.log"
port=
while [ \$# -gt 2 ]; do
	case \$1 in
	-batch) ;;
	-P) port=\$2; shift ;;
	-i) shift ;;
	*) echo "plink: unknown option \$1" >&2; exit 2 ;;
	esac
	shift
done
exec ssh -F "$cfg" \${port:+-p "\$port"} "\$1" "\$2"
EOS
chmod +x "$TMP/bin/plink"
cp "$TMP/bin/plink" "$TMP/bin/TortoisePlink.exe"
cp "$TMP/bin/plink" "$TMP/bin/putty"
cp "$TMP/bin/plink" "$TMP/bin/mywrap"
PATH="$TMP/bin:$PATH"
export PATH

GIT_SSH="$TMP/bin/plink" gd 0 clone "$url" c1
has "$TMP/plink.log" "^plink: -P $port $user@127.0.0.1 git-upload-pack '$srv'\$"
check "the clone has the record" test -f "$(ls c1/customers/*/acme.yaml)"
rm -f "$TMP/plink.log"
GIT_SSH=TortoisePlink.exe gd 0 clone "$url" c2
has "$TMP/plink.log" "^TortoisePlink.exe: -batch -P $port $user@127.0.0.1 git-upload-pack"
rm -f "$TMP/plink.log"
GIT_SSH=putty gd 0 clone "$url" c3
has "$TMP/plink.log" "^putty: -P $port $user@127.0.0.1 git-upload-pack"
rm -f "$TMP/plink.log"

# GIT_SSH_COMMAND and core.sshCommand: the first word's name tells
GIT_SSH_COMMAND="'$TMP/bin/plink' -i key.ppk" gd 0 clone "$url" c4
has "$TMP/plink.log" "^plink: -i key.ppk -P $port $user@127.0.0.1 git-upload-pack"
rm -f "$TMP/plink.log"
cd c4 || exit 1
git config core.sshCommand "TortoisePlink.exe -i key.ppk"
gd 0 sync
has "$TMP/plink.log" "^TortoisePlink.exe: -i key.ppk -batch -P $port $user@127.0.0.1 git-upload-pack"
rm -f "$TMP/plink.log"

# ssh.variant and GIT_SSH_VARIANT say it for a name that does not
git config core.sshCommand "mywrap"
git config ssh.variant plink
gd 0 sync
has "$TMP/plink.log" "^mywrap: -P $port $user@127.0.0.1 git-upload-pack"
hasnt "$TMP/plink.log" " -G"
rm -f "$TMP/plink.log"
GIT_SSH_VARIANT=tortoiseplink gd 0 sync
has "$TMP/plink.log" "^mywrap: -batch -P $port $user@127.0.0.1 git-upload-pack"
rm -f "$TMP/plink.log"
git config --unset core.sshCommand
git config --unset ssh.variant
cd "$TMP" || exit 1

# an unknown program that is no OpenSSH (refuses -G): simple, the host
# and the command only; with a port in the URL that cannot be
GIT_SSH=mywrap gd 0 clone "ledgerhost:$srv" c5
has "$TMP/plink.log" "^mywrap: -G ledgerhost\$"
has "$TMP/plink.log" "^mywrap: ledgerhost git-upload-pack '$srv'\$"
rm -f "$TMP/plink.log"
GIT_SSH=mywrap gd 1 clone "$url" c6
has "$TMP/err" "ssh variant 'simple' does not support setting a port"
check "a failed clone leaves nothing" test ! -e c6
# ... and one that is (takes -G): OpenSSH's -p
cat >"$TMP/bin/myssh" <<EOS
#!/bin/sh
echo "myssh: \$*" >>"$TMP/plink.log"
exec ssh -F "$cfg" "\$@"
EOS
chmod +x "$TMP/bin/myssh"
GIT_SSH=myssh gd 0 clone "$url" c7
has "$TMP/plink.log" "^myssh: -G -p $port $user@127.0.0.1\$"
has "$TMP/plink.log" "^myssh: -p $port $user@127.0.0.1 git-upload-pack"
kill $daemon 2>/dev/null
done_testing
