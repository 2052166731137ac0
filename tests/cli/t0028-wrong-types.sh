# Every known field of every kind (SPEC 2.2), given a value of the wrong
# type or out of its range: check names the file, line, column and field on
# one line and exits 1; due still lists the good records.
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add customer "Good Customer" --tier B >/dev/null

base_customer='name: Base'
base_inquiry='received: 2026-11-12T10:00:00+08:00'
base_order='number: PO-9
customer: good-customer
ship-by: 2026-12-30'

# Wrong values for each type: one per line.
wrong() {
	case $1 in
	text) printf '%s\n' '{a: 1}' '[a]' ;;
	date) printf '%s\n' '{a: 1}' 'not-a-date' '2026-02-30' ;;
	time) printf '%s\n' '[a]' '2026-11-22T25:00:00+08:00' 'soon' ;;
	num) printf '%s\n' '{a: 1}' 'many' '-5' ;;
	grade) printf '%s\n' '[A]' 'Z' ;;
	status) printf '%s\n' '{a: 1}' 'sleeping' ;;
	channel) printf '%s\n' '[phone]' 'pigeon' ;;
	texts) printf '%s\n' '{a: 1}' '[{a: 1}]' '[[a]]' ;;
	map) printf '%s\n' 'x' '[a]' ;;
	maps) printf '%s\n' 'x' '[x]' '{a: 1}' ;;
	esac
}

# try KIND DIR FIELD TYPE RECORD-TEXT: refused, naming FIELD
try() {
	kind=$1 dir=$2 field=$3 text=$4
	mkdir -p "$dir/00"
	printf '%s\n' "$text" >"$dir/00/wrong.yaml"
	"$GENDAN" check </dev/null >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ $got -eq 1 ] && grep -Eq "^$dir/00/wrong.yaml:[0-9]+:[0-9]+: .*$field" "$TMP/err" &&
	   [ "$(grep -c . "$TMP/err")" -le 3 ]; then
		ok "$kind $field: $(printf '%s' "$text" | tail -n 1)"
	else
		not_ok "$kind $field refused (exit $got): $(printf '%s' "$text" | tr '\n' '|')"
		sed 's/^/# /' "$TMP/err"
	fi
	"$GENDAN" due --all --format=tsv </dev/null >"$TMP/out" 2>"$TMP/err"
	if [ $? -ne 0 ] || ! grep -q "^good-customer	" "$TMP/out"; then
		not_ok "due lists good-customer beside a wrong $kind $field"
	fi
	rm -f "$dir/00/wrong.yaml"
}

# top KIND DIR FIELD TYPE: the top-level field FIELD replaced by wrong values
top() {
	kind=$1 dir=$2 field=$3 type=$4
	eval "base=\$base_$kind"
	wrong "$type" >"$TMP/values"
	while IFS= read -r v; do
		rest=$(printf '%s\n' "$base" | grep -v "^$field:")
		try "$kind" "$dir" "$field" "$rest
$field: $v"
	done <"$TMP/values"
}

# sub KIND DIR LIST FIELD TYPE ITEM: FIELD inside the mapping ITEM (flow
# style, without its closing brace) of the list or map LIST
sub() {
	kind=$1 dir=$2 list=$3 field=$4 type=$5 item=$6
	eval "base=\$base_$kind"
	wrong "$type" >"$TMP/values"
	while IFS= read -r v; do
		case $list in
		hold|from) value="$item$field: $v}" ;;
		*) value="[$item$field: $v}]" ;;
		esac
		try "$kind" "$dir" "$field" "$base
$list: $value"
	done <"$TMP/values"
}

for f in name:text tier:grade status:status owner:text email:text \
	phone:text country:text city:text people:maps tags:texts source:text \
	created:date next:date note:text hold:map log:maps conflicts:maps; do
	top customer customers "${f%%:*}" "${f#*:}"
done
for f in received:time from:map customer:text channel:text product:text \
	quantity:text grade:grade status:status replied:time owner:text \
	next:date note:text hold:map log:maps conflicts:maps; do
	top inquiry inquiries "${f%%:*}" "${f#*:}"
done
for f in number:text customer:text owner:text status:status items:maps \
	currency:text ship-by:date internal-by:date stages:maps payments:maps \
	note:text hold:map log:maps conflicts:maps; do
	top order orders "${f%%:*}" "${f#*:}"
done

for f in at:time by:text via:channel note:text next:date; do
	item='{at: 2026-11-01T10:00:00+08:00, '
	[ "${f%%:*}" = at ] && item='{'
	sub customer customers log "${f%%:*}" "${f#*:}" "$item"
done
for f in until:date reason:text; do
	item='{until: 2027-01-01, '
	[ "${f%%:*}" = until ] && item='{'
	sub customer customers hold "${f%%:*}" "${f#*:}" "$item"
done
for f in name:text role:text email:text phone:text wechat:text whatsapp:text \
	note:text; do
	item='{name: Liu, '
	[ "${f%%:*}" = name ] && item='{'
	sub customer customers people "${f%%:*}" "${f#*:}" "$item"
done
for f in name:text company:text email:text phone:text country:text; do
	sub inquiry inquiries from "${f%%:*}" "${f#*:}" '{'
done
for f in product:text qty:num unit:text price:num; do
	sub order orders items "${f%%:*}" "${f#*:}" '{'
done
for f in name:text plan:date done:date note:text; do
	item='{name: cut, '
	[ "${f%%:*}" = name ] && item='{'
	sub order orders stages "${f%%:*}" "${f#*:}" "$item"
done
for f in what:text amount:num due:date received:date; do
	item='{what: deposit, '
	[ "${f%%:*}" = what ] && item='{'
	sub order orders payments "${f%%:*}" "${f#*:}" "$item"
done
for f in field:text by:text at:time; do
	sub customer customers conflicts "${f%%:*}" "${f#*:}" '{'
done

gd 0 check
clean "after every wrong type"
done_testing
