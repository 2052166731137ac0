# https as git does it: git http-backend behind lighttpd over TLS on
# 127.0.0.1 with a throwaway CA, basic auth; the client trusts the CA only
# through http.sslCAInfo, and git's credential helper answers (and is told
# whether its answer worked).  A push the server's hook refuses prints the
# hook's line.
. "$TESTDIR/lib.sh"
lighttpd=$(command -v lighttpd || echo /usr/sbin/lighttpd)
if [ ! -x "$lighttpd" ] || [ ! -e /usr/lib/lighttpd/mod_openssl.so ] ||
	! command -v openssl >/dev/null || [ ! -x /usr/lib/git-core/git-http-backend ]; then
	if [ -n "${CI:-}" ]; then
		echo "not ok 1 - lighttpd, lighttpd-mod-openssl or openssl missing in CI (tools/deps)"
		echo "1..1"; exit 1
	fi
	echo "ok 1 # SKIP lighttpd (with lighttpd-mod-openssl) or openssl is not installed"
	echo "1..1"; exit 0
fi
unset GIT_SSL_CAINFO GIT_SSL_CAPATH GIT_SSL_NO_VERIFY SSL_CERT_FILE SSL_CERT_DIR
d=$TMP/httpd
mkdir -p "$d" "$TMP/srv" "$TMP/www"
cd "$d" || exit 1
# a CA, and the server's certificate signed by it
ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -x509 $ec -keyout ca.key -out ca.pem -days 2 -subj "/CN=gendan test CA" 2>/dev/null
openssl req $ec -keyout srv.key -out srv.csr -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=DNS:127.0.0.1,IP:127.0.0.1\n' >ext
openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out srv.pem \
	-days 2 -extfile ext 2>/dev/null
openssl req -x509 $ec -keyout other.key -out other-ca.pem -days 2 -subj "/CN=other CA" 2>/dev/null
echo "li:secret" >users
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >lighttpd.conf <<CONF
server.modules = ("mod_openssl", "mod_alias", "mod_setenv", "mod_cgi", "mod_auth", "mod_authn_file")
server.document-root = "$TMP/www"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$d/error.log"
ssl.engine = "enable"
ssl.pemfile = "$d/srv.pem"
ssl.privkey = "$d/srv.key"
alias.url = ("/git" => "/usr/lib/git-core/git-http-backend")
\$HTTP["url"] =~ "^/git" {
	cgi.assign = ("" => "")
	setenv.add-environment = (
		"GIT_PROJECT_ROOT" => "$TMP/srv",
		"GIT_HTTP_EXPORT_ALL" => "",
		"GENDAN_PUSHER" => "li.lei@example.com"
	)
	auth.backend = "plain"
	auth.backend.plain.userfile = "$d/users"
	auth.require = ("" => ("method" => "basic", "realm" => "ledger", "require" => "valid-user"))
}
CONF
"$lighttpd" -D -f lighttpd.conf >"$d/log" 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; rm -rf "$TMP"' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do
	openssl s_client -connect "127.0.0.1:$port" </dev/null >/dev/null 2>&1 && break
	sleep 0.3
done

# the server: gendan init --bare, with a first ledger pushed to it
cd "$TMP" || exit 1
"$GENDAN" init --bare srv/ledger.git >/dev/null
"$GENDAN" init first --remote "$TMP/srv/ledger.git" >/dev/null
(cd first && "$GENDAN" add customer "ACME" >/dev/null &&
	GENDAN_PUSHER=li.lei@example.com "$GENDAN" sync >/dev/null)
url="https://127.0.0.1:$port/git/ledger.git"

# the user's git config: the CA, and a credential helper that logs
git config --global http.sslCAInfo "$d/ca.pem"
git config --global credential.helper \
	"!f() { echo \"\$1\" >>'$TMP/helper.log'; [ \"\$1\" = get ] && { echo username=li; echo password=secret; }; true; }; f"
gd 0 clone "$url" b
check "the clone has the record" test -f "$(ls b/customers/*/acme.yaml)"
has "$TMP/helper.log" "^get$"
has "$TMP/helper.log" "^store$"
cd b || exit 1
"$GENDAN" log acme -m "over https" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
check "the server has it" sh -c "git -C '$TMP/srv/ledger.git' show main:$(ls customers/*/acme.yaml) | grep -q 'over https'"

# a push the server's hook refuses: the hook's line, exit 1
pushed_as_chen "$TMP/srv/ledger.git"
git reset -q --hard origin/main

# a wrong password: the helper is told to forget it
cd "$TMP" || exit 1
: >"$TMP/helper.log"
git config --global credential.helper \
	"!f() { echo \"\$1\" >>'$TMP/helper.log'; [ \"\$1\" = get ] && { echo username=li; echo password=wrong; }; true; }; f"
gd 1 clone "$url" c1
has "$TMP/err" "cannot clone '$url'.*refused the user name and password"
has "$TMP/helper.log" "^erase$"
hasnt "$TMP/helper.log" "^store$"
check "a failed clone leaves nothing" test ! -e c1
git config --global credential.helper \
	"!f() { [ \"\$1\" = get ] && { echo username=li; echo password=secret; }; true; }; f"

# a server whose certificate no trusted CA signed: refused, whatever
# http.sslVerify says
git config --global http.sslCAInfo "$d/other-ca.pem"
gd 1 clone "$url" c2
has "$TMP/err" "cannot clone '$url'.*certificate of the https server is not trusted.*http.sslCAInfo"
git config --global http.sslVerify false
gd 1 clone "$url" c3
has "$TMP/err" "not trusted"
git config --global --unset http.sslVerify
cd "$TMP/b" || exit 1
gd 1 sync
has "$TMP/err" "cannot fetch from 'origin' \($url\).*not trusted"
# GIT_SSL_CAINFO, as for git, over the config
GIT_SSL_CAINFO="$d/ca.pem" gd 0 sync
git config --global http.sslCAInfo "$d/ca.pem"
# the CA in the ledger's own git config
git config --global --unset http.sslCAInfo
git config http.sslCAInfo "$d/ca.pem"
"$GENDAN" log acme -m "again" >/dev/null
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"

# http.<url>.sslCAInfo, as git reads it: the key whose URL matches best
# (scheme, host, port, path prefix; the longest) wins over http.sslCAInfo
git config --unset http.sslCAInfo
cd "$TMP" || exit 1
git config --global "http.https://localhost:$port.sslCAInfo" "$d/ca.pem"
git config --global "http.https://127.0.0.1:1$port/git.sslCAInfo" "$d/ca.pem"
gd 1 clone "$url" c4
has "$TMP/err" "not trusted"
git config --global http.sslCAInfo "$d/other-ca.pem"
git config --global "http.https://127.0.0.1:$port/git.sslCAInfo" "$d/ca.pem"
gd 0 clone "$url" c4
check "the clone has the record" test -f "$(ls c4/customers/*/acme.yaml)"
cd c4 || exit 1
git config "http.https://127.0.0.1:$port/git/ledger.git/.sslCAInfo" "$d/other-ca.pem"
"$GENDAN" log acme -m "per URL" >/dev/null
gd 1 sync
has "$TMP/err" "not trusted"
git config "http.https://127.0.0.1:$port/gi.sslCAInfo" "$d/other-ca.pem"
git config --unset "http.https://127.0.0.1:$port/git/ledger.git/.sslCAInfo"
gd 0 sync
has "$TMP/out" "out: 1 commit pushed"
kill $daemon 2>/dev/null
done_testing
