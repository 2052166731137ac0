# Hostile records: each a clear error naming the file (and line and column
# for YAML), on one line without control characters; the rest still listed.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Good Customer" --tier B >/dev/null
mkdir -p customers/00

# bad NAME PATTERN [DIR] <FILE: a record DIR/NAME.yaml (DIR customers/00
# unless given) with FILE's bytes is refused with PATTERN, on one line
bad() {
	name=$1; pattern=$2; dir=${3:-customers/00}
	mkdir -p "$dir"
	cat >"$dir/$name.yaml"
	"$GENDAN" check >"$TMP/out" 2>"$TMP/err"
	eq "check refuses $dir/$name" 1 "$?"
	has "$TMP/err" "^$dir/$name.yaml(:[0-9]+:[0-9]+)?: ?.*$pattern"
	"$GENDAN" due --all --format=tsv >"$TMP/out" 2>"$TMP/err"
	eq "due still runs with $dir/$name" 0 "$?"
	has "$TMP/out" "^good-customer	"
	has "$TMP/err" "$dir/$name.yaml"
	rm -f "$dir/$name.yaml"
}

# no control character reaches the terminal: the messages hold none
no_controls() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$TMP/out" "$TMP/err"; then
		not_ok "no control characters in the output ($1)"
		od -c "$TMP/err" | sed 's/^/# /'
	else
		ok "no control characters in the output ($1)"
	fi
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
# UTF-16, with its byte order mark either way round, and without one
printf '\377\376n\000a\000m\000e\000:\000 \000x\000\n\000' >"$TMP/in"
bad utf16le "byte order mark" <"$TMP/in"
printf '\376\377\000n\000a\000m\000e\000:\000 \000x\000\n' >"$TMP/in"
bad utf16be "byte order mark" <"$TMP/in"
printf 'n\000a\000m\000e\000:\000 \000x\000\n\000' >"$TMP/in"
bad utf16bare "NUL" <"$TMP/in"
# control characters, raw or escaped: a terminal would obey them
printf 'name: a\001b\n' >"$TMP/in"
bad control "control character" <"$TMP/in"
printf 'name: "x\\e]0;owned\\a\\e[2J"\n' >"$TMP/in"
bad escape "1:7: control character" <"$TMP/in"
no_controls "an escaped escape"
printf 'name: x\nnote: "\\x9b31m"\n' >"$TMP/in"
bad c1 "2:7: control character" <"$TMP/in"
printf 'name: x\nweird: "\\x7f"\n' >"$TMP/in"
bad unknowndel "control character" <"$TMP/in"
# a tab where YAML wants indentation
printf 'name: x\nhold:\n\tuntil: 2027-01-01\n' >"$TMP/in"
bad tabindent "3:1: found character that cannot start any token" <"$TMP/in"
# grades and channels the configuration does not have
printf 'name: x\ntier: Z\n' >"$TMP/in"
bad badtier "tier 'Z' is not one of A B C D" <"$TMP/in"
printf 'received: 2026-11-12T10:00:00+08:00\ngrade: Q\n' >"$TMP/in"
bad badgrade "grade 'Q' is not one of A B C D" inquiries/00 <"$TMP/in"
printf 'number: PO-9\ncustomer: good-customer\nship-by: 2026-12-30\nlog:\n  - at: 2026-11-01T10:00:00+08:00\n    via: pigeon\n' >"$TMP/in"
bad badchannel "pigeon" orders/00 <"$TMP/in"
# file names that are not ids
printf 'name: x\n' >"$TMP/in"
bad Upper "'Upper' is not a valid id" <"$TMP/in"
bad "two words" "'two words' is not a valid id" <"$TMP/in"

# escape sequences in file and folder names reach no terminal
esc=$(printf '\033') bel=$(printf '\007')
printf 'name: x\n' >"customers/00/e$esc]0;owned$bel.yaml"
gd 1 check
has "$TMP/err" "^customers/00/e\\?]0;owned\\?.yaml: a record path holds a control character"
no_controls "a file name with an escape sequence"
gd 0 due --all --format=tsv
has "$TMP/out" "^good-customer	"
no_controls "due, a file name with an escape sequence"
rm "customers/00/e$esc]0;owned$bel.yaml"
mkdir "customers/$esc[2J"
printf 'name: x\n' >"customers/$esc[2J/x.yaml"
gd 1 check
has "$TMP/err" "^customers/\\?\\[2J/x.yaml: a record path holds a control character"
no_controls "a folder name with an escape sequence"
gd 0 ls --format=tsv
has "$TMP/out" "^good-customer	"
no_controls "ls, a folder name with an escape sequence"
rm -r "customers/$esc[2J"
# a hidden folder is not read at all (gendan's temp files are hidden)
mkdir -p customers/.hidden
printf 'name: Hidden\n' >customers/.hidden/hidden.yaml
gd 0 check
gd 0 ls --format=tsv
hasnt "$TMP/out" "Hidden"
rm -r customers/.hidden

# one id in two shards: both named, the good records still listed
printf 'name: One\n' >customers/00/twin.yaml
mkdir -p customers/ab
printf 'name: Two\n' >customers/ab/twin.yaml
gd 1 check
has "$TMP/err" "customers/(00|ab)/twin.yaml: duplicate id 'twin' \(also customers/(00|ab)/twin.yaml\)"
gd 0 due --all --format=tsv
has "$TMP/out" "^good-customer	"
rm customers/00/twin.yaml customers/ab/twin.yaml

ln -s /etc/passwd customers/00/link.yaml
"$GENDAN" check >"$TMP/out" 2>"$TMP/err"
eq "check refuses a symlink" 1 "$?"
has "$TMP/err" "customers/00/link.yaml: symbolic links are not allowed"
"$GENDAN" ls --format=tsv >"$TMP/out" 2>"$TMP/err"
hasnt "$TMP/out" "root:"
rm customers/00/link.yaml

# a FIFO named like a record is refused, not waited on
mkfifo customers/00/fifo.yaml
timeout 20 "$GENDAN" check >"$TMP/out" 2>"$TMP/err"
eq "check refuses a FIFO without waiting" 1 "$?"
has "$TMP/err" "^customers/00/fifo.yaml: not a regular file"
timeout 20 "$GENDAN" due --all --format=tsv >"$TMP/out" 2>"$TMP/err"
eq "due runs beside a FIFO" 0 "$?"
has "$TMP/out" "^good-customer	"
rm customers/00/fifo.yaml

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
