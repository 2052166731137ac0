# An ssh that says a lot on its error output (ssh -vvv, a chatty
# ProxyCommand) never stalls a clone, a fetch or a push: gendan reads what
# it says while it writes to it, as while it reads.
. "$TESTDIR/lib.sh"
. "$TESTDIR/lib-sshd.sh"
cd "$TMP" || exit 1
cfg=$HOME/.ssh/config
echo "$hostkey" >"$HOME/.ssh/known_hosts"
srv="$TMP/srv.git"
"$GENDAN" init --bare "$srv" >/dev/null
url="ssh://$user@127.0.0.1:$port$srv"

# the chatty ssh: 1.2 MB on its error output before ssh starts, then for
# each block it relays to ssh four times as much, waiting for each line to
# be read (a full pipe stops it, as it stops ssh)
cat >"$TMP/chatty" <<EOS
#!/usr/bin/python3
import os, select, subprocess, sys
line = b"debug3: chatter chatter chatter chatter chatter chatter chatter\n"
def say(n):
    for _ in range(n // len(line) + 1):
        done = 0
        while done < len(line):  # ssh may make the pipe non-blocking
            select.select([], [2], [])
            try:
                done += os.write(2, line[done:])
            except BlockingIOError:
                pass
say(1200000)
p = subprocess.Popen(["ssh", "-F", "$cfg"] + sys.argv[1:], stdin=subprocess.PIPE)
while True:
    select.select([0], [], [])  # ssh makes the socket non-blocking
    try:
        b = os.read(0, 65536)
    except BlockingIOError:
        continue
    if not b:
        break
    say(4 * len(b))
    try:
        p.stdin.write(b)
        p.stdin.flush()
    except BrokenPipeError:
        break
try:
    p.stdin.close()
except BrokenPipeError:
    pass
sys.exit(p.wait())
EOS
chmod +x "$TMP/chatty"

"$GENDAN" init li >/dev/null
git -C li remote add origin "$url"
cd li || exit 1
"$GENDAN" add customer "ACME" >/dev/null
# about 1 MB that does not compress: more than the socket holds
for i in 1 2 3 4 5 6 7 8; do
	"$GENDAN" log acme -m "$(head -c 90000 /dev/urandom | base64 -w0)" >/dev/null
done
GIT_SSH_COMMAND="$TMP/chatty" timeout 60 "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "a push through a chatty ssh ends" 0 $?
has "$TMP/out" "out: 10 commits pushed"
cd "$TMP" || exit 1

GIT_SSH_COMMAND="$TMP/chatty" timeout 60 "$GENDAN" clone "$url" b >"$TMP/out" 2>"$TMP/err"
eq "a clone through a chatty ssh ends" 0 $?
check "the clone has the record" test -f "$(ls b/customers/*/acme.yaml)"

cd li || exit 1
"$GENDAN" log acme -m "one more" >/dev/null
"$GENDAN" sync >/dev/null 2>&1
cd "$TMP/b" || exit 1
GIT_SSH_COMMAND="$TMP/chatty" timeout 60 "$GENDAN" sync >"$TMP/out" 2>"$TMP/err"
eq "a fetch through a chatty ssh ends" 0 $?
check "the fetch brought the entry" grep -q "one more" "$(ls customers/*/acme.yaml)"

# a chatty ssh that fails still says why, in its last words
printf '#!/bin/sh\nyes "debug1: chatter" | head -c 2000000 >&2\necho "no entry for you" >&2\nexit 3\n' \
	>"$TMP/nossh"
chmod +x "$TMP/nossh"
GIT_SSH_COMMAND="$TMP/nossh" GIT_SSH_VARIANT=ssh timeout 60 "$GENDAN" clone "$url" none >"$TMP/out" 2>"$TMP/err"
eq "a failing chatty ssh: exit 1" 1 $?
has "$TMP/err" "ssh exited with 3: no entry for you\$"
kill $daemon 2>/dev/null
done_testing
