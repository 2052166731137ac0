# Hostile records: each a clear error naming the file; the rest still listed.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Good Customer" --tier B >/dev/null
mkdir -p customers/00

# bad NAME PATTERN <FILE: a record with FILE's bytes is refused with PATTERN
bad() {
	name=$1; pattern=$2
	cat >"customers/00/$name.yaml"
	"$GENDAN" check >"$TMP/out" 2>"$TMP/err"
	eq "check refuses $name" 1 "$?"
	has "$TMP/err" "customers/00/$name.yaml:?[0-9:]*:? .*$pattern"
	"$GENDAN" due --all --format=tsv >"$TMP/out" 2>"$TMP/err"
	eq "due still runs with $name" 0 "$?"
	has "$TMP/out" "^good-customer	"
	has "$TMP/err" "customers/00/$name.yaml"
	rm -f "customers/00/$name.yaml"
}

printf 'name: &a x\nnote: *a\n' >"$TMP/in"
bad anchor "anchor" <"$TMP/in"
printf 'name: x\nnote: *a\n' >"$TMP/in"
bad alias "alias" <"$TMP/in"
printf 'name: !!binary aGVsbG8=\n' >"$TMP/in"
bad tag "tag" <"$TMP/in"
printf 'name: !!python/object:os.system x\n' >"$TMP/in"
bad pytag "tag" <"$TMP/in"
printf '? [a, b]\n: c\nname: x\n' >"$TMP/in"
bad complexkey "key" <"$TMP/in"
printf 'name: x\nname: y\n' >"$TMP/in"
bad dupkey "duplicate key" <"$TMP/in"
printf 'name: x\n---\nname: y\n' >"$TMP/in"
bad twodocs "document" <"$TMP/in"
printf 'name: x\nnote: "\000"\n' >"$TMP/in"
bad nul "NUL" <"$TMP/in"
printf 'name: \377\376\n' >"$TMP/in"
bad badutf8 "UTF-8" <"$TMP/in"
printf '\357\273\277name: x\n' >"$TMP/in"
bad bom "byte order mark" <"$TMP/in"
printf '' >"$TMP/in"
bad empty "empty" <"$TMP/in"
printf 'name: [a, b\n' >"$TMP/in"
bad truncated "" <"$TMP/in"
printf -- '- name: x\n' >"$TMP/in"
bad alist "mapping" <"$TMP/in"
printf 'name:\n  first: x\n' >"$TMP/in"
bad wrongtype "name" <"$TMP/in"
printf 'name: x\ncreated: 2026-02-30\n' >"$TMP/in"
bad baddate "invalid date" <"$TMP/in"
printf 'name: x\nstatus: sleeping\n' >"$TMP/in"
bad badstatus "status 'sleeping'" <"$TMP/in"
printf 'name: x\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    via: telegram\n' >"$TMP/in"
bad badvia "telegram" <"$TMP/in"
printf 'note: no name\n' >"$TMP/in"
bad noname "'name' is required" <"$TMP/in"
awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "["; print "name: " s }' >"$TMP/in"
bad deep "deep" <"$TMP/in"
awk 'BEGIN { printf "name: x\nnote: "; for (i = 0; i < 2100000; i++) printf "a"; print "" }' >"$TMP/in"
bad huge "larger than" <"$TMP/in"
head -c 3000 /dev/urandom >"$TMP/in"
bad random "" <"$TMP/in"

ln -s /etc/passwd customers/00/link.yaml
"$GENDAN" check >"$TMP/out" 2>"$TMP/err"
eq "check refuses a symlink" 1 "$?"
has "$TMP/err" "customers/00/link.yaml: symbolic links are not allowed"
"$GENDAN" ls --format=tsv >"$TMP/out" 2>"$TMP/err"
hasnt "$TMP/out" "root:"
rm customers/00/link.yaml

# billion laughs never expands
cat >customers/00/laughs.yaml <<'YAML'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
name: x
YAML
gd 1 check
has "$TMP/err" "laughs.yaml:1:4: "
rm customers/00/laughs.yaml
gd 0 check

# gendan never writes a record it could not read back (over 1 MiB)
note=$(head -c 120000 /dev/zero | tr '\0' 'a')
refused=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	"$GENDAN" log good -m "$note" >/dev/null 2>"$TMP/err" || { refused=$i; break; }
done
cp "$TMP/err" "$TMP/refused"
check "a log that would pass 1 MiB is refused" test "$refused" -gt 0
has "$TMP/refused" "would be larger than 1048576 bytes"
gd 0 check
clean "after the refusal"

done_testing
