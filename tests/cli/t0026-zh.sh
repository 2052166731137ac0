# The Chinese interface: messages, headers and labels in zh_CN, while
# what scripts read (JSON, TSV, exports, records, commits) stays the same
# bytes; numbers and dates read alike under any locale; the translation
# is complete and current with the sources.
. "$TESTDIR/lib.sh"
: "${GENDAN_LOCALEDIR:?GENDAN_LOCALEDIR must name the build's po/ folder}"
top=$(cd "$TESTDIR/../.." && pwd)

# zh RUN...: gendan in Chinese through LANGUAGE, which glibc honours under
# C.UTF-8 (not under plain C) with no Chinese locale installed
zh() {
	LANGUAGE=zh_CN; export LANGUAGE
	"$@"; rc=$?
	unset LANGUAGE
	return $rc
}

new_ledger "$TMP/l"
export GENDAN_NOW=2026-11-10T09:00:00+00:00
"$GENDAN" add customer "ACME Trading Co." --tier A --country US >/dev/null
"$GENDAN" add customer "上海明光照明有限公司" --tier B --country CN --city 上海 >/dev/null
"$GENDAN" add inquiry --from "John Smith" --company "Bright Lamps" --product DL-20 >/dev/null
"$GENDAN" add order "PO#2026/118" --customer acme --ship-by 2026-12-30 \
	--item "DL-20:500:3.50" --currency USD >/dev/null
"$GENDAN" pay po-2026-118 deposit --amount 1750.50 --due 2026-11-25 >/dev/null
"$GENDAN" log acme -m "Wants samples of DL-20" --via wechat --next 2026-11-20 >/dev/null
export GENDAN_NOW=2026-12-20T09:00:00+00:00

# --- the table a merchandiser reads -------------------------------------
gd 0 due --all
has "$TMP/out" "^DUE +WHEN +REF +NAME +GRADE +OWNER +DETAIL$"
cp "$TMP/out" "$TMP/due-en"
zh gd 0 due --all
cp "$TMP/out" "$TMP/due-zh"
has "$TMP/due-zh" "^到期日 +时间 +记录 +名称 +等级 +业务员 +详情$"
has "$TMP/due-zh" "逾期 [0-9]+ 天"
has "$TMP/due-zh" "待回复，收到于 2026-11-10"
has "$TMP/due-zh" "从未联系，创建于 2026-11-10"
has "$TMP/due-zh" "款项 deposit 未到账|deposit USD 1750.50，2026-11-25 到期"
hasnt "$TMP/due-zh" " late|never contacted|reply owed"
eq "the Chinese table has the English one's rows" \
	"$(wc -l <"$TMP/due-en")" "$(wc -l <"$TMP/due-zh")"
# every column starts at the same display column on every line (CJK = 2)
cat >"$TMP/cols.py" <<'EOF'
import re, sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
col = width(lines[0][:lines[0].index('记录')])
refs = [width(l[:re.search(r' (customer|inquiry|order)/', l).start() + 1])
        for l in lines[1:]]
print('aligned' if refs and all(c == col for c in refs) else 'misaligned')
EOF
eq "the REF column lines up under its Chinese header" aligned \
	"$(python3 "$TMP/cols.py" "$TMP/due-zh")"

zh gd 0 due --all --explain
has "$TMP/out" "跟进周期|约定的下次跟进|指定的下次跟进"
has "$TMP/out" "待回复：收到于 .*，应在 1 天内回复"

# LANG=zh_CN.UTF-8 itself, as a merchandiser's desktop sets it
if locale -a | grep -qx zh_CN.utf8; then
	LC_ALL=zh_CN.UTF-8 "$GENDAN" due --all >"$TMP/got" 2>&1
	check "LC_ALL=zh_CN.UTF-8 gives the same Chinese table" cmp "$TMP/got" "$TMP/due-zh"
	(unset LC_ALL; LANG=zh_CN.UTF-8 "$GENDAN" due --all >"$TMP/got" 2>&1)
	check "LANG=zh_CN.UTF-8 gives the same Chinese table" cmp "$TMP/got" "$TMP/due-zh"
else
	not_ok "the zh_CN.UTF-8 locale is installed (run ./tools/deps)"
fi
# plain C ignores LANGUAGE, as glibc always has: English
LC_ALL=C LANGUAGE=zh_CN "$GENDAN" due --all >"$TMP/got" 2>&1
check "LC_ALL=C LANGUAGE=zh_CN stays English" cmp "$TMP/got" "$TMP/due-en"

# --- errors, usage, help: Chinese words, the same exit codes -------------
zh gd 1 show nosuch
has "$TMP/err" "^gendan: 没有与 'nosuch' 匹配的记录$"
zh gd 1 log acme --next someday -m x
has "$TMP/err" "^gendan: 无效的日期 'someday'"
zh gd 2 due --days lots
has "$TMP/err" "无效的 --days 'lots'"
has "$TMP/err" "^用法：gendan due "
zh gd 2 frobnicate
has "$TMP/err" "'frobnicate' 不是 gendan 命令"
zh gd 0 help
has "$TMP/out" "^用法：gendan "
has "$TMP/out" "^   due +列出今天到期或已逾期"
zh gd 0 due --help
has "$TMP/out" "^用法：gendan due \[--days N\]"
zh gd 0 show acme
has "$TMP/out" "^customer/acme-trading-co  ACME Trading Co\.$"
has "$TMP/out" "跟进记录（1 次联系）"
has "$TMP/out" "下次：2026-11-20"
zh gd 0 show po-2026-118
has "$TMP/out" "^款项 +金额 +到期日 +到账"
has "$TMP/out" "^deposit +USD 1750.50 +2026-11-25 +逾期 25 天"
zh gd 0 status
has "$TMP/out" "^记录：客户 2 个，询盘 1 条，订单 1 个$"
zh gd 0 stats --by country
has "$TMP/out" "^国家 +数量$"
has "$TMP/out" "^合计：4$"
zh gd 0 ls
has "$TMP/out" "^记录 +名称 +等级 +状态 +业务员 +国家 +城市 +最近联系$"
zh gd 0 report week
has "$TMP/out" "^# 周报 2026-12-14 至 2026-12-20"
has "$TMP/out" "^## 逾期（截至 [0-9-]+）$"

# --- nothing English left where a person reads show, due and ls ---------
# A customer with people, a linked inquiry with contacts, an order with
# receipts, fees and stages, a record on hold: every label, heading, due
# kind, unit and section of these views in Chinese (issue 15).
cat >>"$(ls customers/*/acme-trading-co.yaml)" <<'Y'
people:
  - name: John Smith
    role: purchasing
    email: john@acme.example
    wechat: jsmith
Y
"$GENDAN" commit -m people >/dev/null
"$GENDAN" add inquiry --from "Mary Jones" --company "ACME Trading" --customer acme \
	--product DL-20 --received "2026-12-18 08:30" >/dev/null
q=$("$GENDAN" ls inquiry --customer acme --format=tsv | tail -n +2 | cut -f1)
"$GENDAN" log "$q" -m "Sent price list" --via email --at "2026-12-18 09:00" >/dev/null
"$GENDAN" pay po-2026-118 deposit --received 2026-12-01 --amount 1000 --fee 20.50 >/dev/null
"$GENDAN" hold 上海 --until 2027-01-05 -m "Chinese New Year" >/dev/null
"$GENDAN" add inquiry --from "Ahmed" --company "Gulf Lights" --received "2026-12-20 06:00" >/dev/null
: >"$TMP/zh-views"
for args in "show acme" "show $q" "show po-2026-118" "show 上海" "due --all" \
	"due --all --days 60 --explain" "ls" "ls order" "ls --customer acme" "find acme"; do
	# shellcheck disable=SC2086
	zh "$GENDAN" $args >"$TMP/zh" 2>&1 || not_ok "gendan $args (zh) exits 0"
	{ echo "=== $args"; cat "$TMP/zh"; } >>"$TMP/zh-views"
done
# the English a record holds (names, notes, products, channels, statuses,
# ids, emails) may stay; gendan's own words may not
python3 - "$TMP/zh-views" "$top/cmd/cmd-show.c" "$top/po/gendan.pot" >"$TMP/english" <<'PY'
import re, sys
views = open(sys.argv[1], encoding='utf-8').read().split('\n')
src = open(sys.argv[2], encoding='utf-8').read()
# every table heading gendan has (msgids in capitals), as a whole word
heads = set(re.findall(r'^msgid "([A-Z][A-Z -]*[A-Z])"$', open(sys.argv[3], encoding='utf-8').read(), re.M))
keys = set(re.findall(r'N_\("([a-z-]+)"\)', src[src.index('known[]'):src.index('NULL,')]))
rules = [
    ('an English table header', re.compile(r'^[A-Z][A-Z-]+( +[A-Z][A-Z -]*)+$')),
    ('an English section heading', re.compile(r'^[a-z][a-z -]*( \(\d+[^)]*\))?:')),
    ('an English due kind', re.compile(r'\((follow-up|reply|stage|payment):')),
    ('an English unit', re.compile(r'(^|[^\w-])\d+[dh](?![A-Za-z0-9])')),
    ('an English where', re.compile(r'\((inquiry|order) ')),
    ('English words of gendan', re.compile(
        r'\b(late|early|on time|due today|never contacted|last contact|'
        r'hold until|hold ended|outstanding|received|planned|every|next agreed|'
        r'reply owed|contacts?|created)\b')),
]
bad = []
cmd = ''
for line in views:
    if line.startswith('=== '):
        cmd = line[4:]; continue
    m = re.match(r'^  ([a-z][a-z-]*) ', line)
    if m and m.group(1) in keys:
        bad.append('%s: an English label: %s' % (cmd, line))
    for h in heads:
        if re.search(r'(^|  )' + re.escape(h) + r'(  |$)', line):
            bad.append('%s: an English heading %s: %s' % (cmd, h, line))
    for what, rx in rules:
        if rx.search(line):
            bad.append('%s: %s: %s' % (cmd, what, line))
if bad:
    print('\n'.join(bad))
PY
if [ -s "$TMP/english" ]; then not_ok "show, due and ls speak Chinese throughout"
	sed 's/^/# /' "$TMP/english"; else ok "show, due and ls speak Chinese throughout"; fi
has "$TMP/zh-views" "^  路径 +customers/"
has "$TMP/zh-views" "^  到期 +2026-12-2[0-9]（跟进："
has "$TMP/zh-views" "^联系人（1 位）：$"
has "$TMP/zh-views" "^订单（1 个）：$"
has "$TMP/zh-views" "^未收：USD 730\.00$"
has "$TMP/zh-views" "（询盘 q-"
has "$TMP/zh-views" "84 小时"
has "$TMP/zh-views" "^记录 +单号 +客户 +状态 +交期 +未收 +业务员$"
has "$TMP/zh-views" "^  搁置 +截至：2027-01-05 原因：Chinese New Year$"
# (a record on hold stays on hold: ls --format=tsv words it the same in
# every language, below)

# --- what scripts read: the same bytes in every language -----------------
for args in "due --all --format=json --explain" "due --all --format=tsv --explain" \
	"show acme --format=json" "show po-2026-118 --format=yaml" \
	"ls --format=json" "ls --format=tsv" "find acme --format=tsv" \
	"stats --by tier --format=json" "stats --by status --format=tsv" \
	"report month --format=json" "export csv customer" "export json" \
	"export ics" "history acme"; do
	# shellcheck disable=SC2086
	"$GENDAN" $args >"$TMP/en" 2>&1
	# shellcheck disable=SC2086
	zh "$GENDAN" $args >"$TMP/zh" 2>&1
	check "gendan $args: the same bytes in Chinese" cmp "$TMP/en" "$TMP/zh"
done

# records and commit messages stay English: the team's history is parsed
zh gd 0 log 上海 -m "寄样品" --via phone
has "$TMP/out" "^已记录 phone 联系：customer/"
git log -1 --format=%B >"$TMP/msg"
has "$TMP/msg" "^log: c-[0-9a-f]{6} \(phone\) 寄样品$"
has "$TMP/msg" "^Gendan-Action: log$"
has "$TMP/msg" "^Gendan-Record: customers/"
clean "after a Chinese log"
zh gd 0 undo
git log -1 --format=%s >"$TMP/msg"
has "$TMP/msg" "^(undo|Revert)"

# --- numbers and dates read alike under a decimal-comma locale -----------
if locale -a | grep -qx de_DE.utf8; then
	LC_ALL=de_DE.UTF-8 "$GENDAN" due --all --format=json --explain >"$TMP/de" 2>&1
	"$GENDAN" due --all --format=json --explain >"$TMP/en" 2>&1
	check "de_DE.UTF-8: due --format=json is the same bytes" cmp "$TMP/en" "$TMP/de"
	# a decimal comma is not a number, whatever the locale says
	LC_ALL=de_DE.UTF-8 gd 1 pay po-2026-118 balance --amount 2,5 --due 2026-12-28
	has "$TMP/err" "invalid amount '2,5'"
	LC_ALL=de_DE.UTF-8 gd 0 pay po-2026-118 balance --amount 3250.25 --due 2026-12-28
	has "$(ls orders/*/po-2026-118.yaml)" "^    amount: 3250.25$"
	LC_ALL=de_DE.UTF-8 "$GENDAN" show po-2026-118 --format=json >"$TMP/de"
	has "$TMP/de" '"amount": 3250.25'
	LC_ALL=de_DE.UTF-8 "$GENDAN" report week >"$TMP/de"
	hasnt "$TMP/de" "[0-9],[0-9] h"
else
	not_ok "the de_DE.UTF-8 locale is installed (run ./tools/deps)"
fi

# --- the translation is complete and current ----------------------------
po="$top/po"
msgfmt -c --statistics -o /dev/null "$po/zh_CN.po" 2>"$TMP/stats"
has "$TMP/stats" "^[0-9]+ translated messages\.$"
ls "$top"/lib/*.c "$top"/cmd/*.c | sed "s|^$top/||" >"$TMP/sources"
check "po/POTFILES lists every source file of lib/ and cmd/" cmp "$TMP/sources" "$po/POTFILES"
# shellcheck disable=SC2086
(cd "$top" && xgettext --package-name=gendan -p "$TMP" -f po/POTFILES -D "$top" \
	-k_ -o fresh.pot $GENDAN_XGETTEXT_ARGS) 2>"$TMP/err"
grep -v '^"POT-Creation-Date' "$po/gendan.pot" >"$TMP/old.pot"
grep -v '^"POT-Creation-Date' "$TMP/fresh.pot" >"$TMP/new.pot"
if cmp -s "$TMP/old.pot" "$TMP/new.pot"; then ok "po/gendan.pot is current with the sources"
else not_ok "po/gendan.pot is current (run: ninja -C build gendan-pot gendan-update-po)"
	diff "$TMP/old.pot" "$TMP/new.pot" | sed 's/^/# /' | head -20; fi
msgcmp "$po/zh_CN.po" "$TMP/fresh.pot" 2>"$TMP/err"
check "zh_CN.po has every message of the sources" test ! -s "$TMP/err"

done_testing
