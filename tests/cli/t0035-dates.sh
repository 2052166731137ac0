# The dates people type (SPEC 3, DATE and TIME): slashes, Chinese dates and
# day names, next week's days, a local time without offset; a day name
# looks back where the date says when something happened; a date outside
# 2000-2099 and a cadence over ten years are refused, naming the forms.
. "$TESTDIR/lib.sh"
export TZ=Asia/Shanghai GENDAN_NOW=2026-11-23T09:00:00+08:00 # a Monday
new_ledger "$TMP/l"
"$GENDAN" add customer "ACME Trading Co." --tier B >/dev/null
f=$(ls customers/*/acme-trading-co.yaml)

gd 0 log acme -m "quote by Friday" --next 周五
has "$TMP/out" "next 2026-11-27"
gd 0 log acme -m "call next Monday" --next 下周一
has "$TMP/out" "next 2026-11-30"
gd 0 log acme -m "call on the 3rd" --next 12月3日
has "$TMP/out" "next 2026-12-03"
gd 0 log acme -m "slashes" --next 2026/12/8
has "$TMP/out" "next 2026-12-08"
gd 0 log acme -m "tomorrow" --next 明天
has "$TMP/out" "next 2026-11-24"
# when it happened: a local time, and last Friday
gd 0 log acme -m "early call" --at "2026-11-23 08:15"
has "$f" "at: 2026-11-23T08:15:00\+08:00"
gd 0 log acme -m "Friday's visit" --via visit --at 周五
has "$f" "at: 2026-11-20T09:00:00\+08:00"
gd 0 log acme -m "a call on the 22nd" --at 11月22日
has "$f" "at: 2026-11-22T09:00:00\+08:00"
"$GENDAN" set acme next=2026年12月10日 >/dev/null
has "$f" "^next: 2026-12-10$"

"$GENDAN" add order "PO-1" --customer acme --ship-by 2026/12/30 >/dev/null
o=$(ls orders/*/po-1.yaml)
has "$o" "^ship-by: 2026-12-30$"
gd 0 stage po-1 materials --done 周五
grep -A2 "name: materials" "$o" >"$TMP/stage"
has "$TMP/stage" "done: 2026-11-20"

# refused, with the forms that are accepted
gd 1 log acme -m "x" --next someday
has "$TMP/err" "invalid date 'someday': use YYYY-MM-DD, YYYY/MM/DD, 12月3日, today, tomorrow, 明天, \+3d, \+2w, -3d, a weekday \(fri, 周五\) or 下周一"
gd 1 log acme -m "x" --next 2126-01-05
has "$TMP/err" "date '2126-01-05' is not between the years 2000 and 2099"
gd 1 hold acme --until 1999/12/31
has "$TMP/err" "date '1999/12/31' is not between the years 2000 and 2099"
gd 1 log acme -m "x" --at "noon"
has "$TMP/err" "invalid time 'noon'"
eq "nothing refused made a commit" 13 "$(commits)"
sed -i 's/every: 84h$/every: 999999w/' gendan.yaml
gd 1 check
has "$TMP/err" "gendan.yaml:[0-9]+:[0-9]+: tiers.A.every: .*999999w"
git checkout -q -- gendan.yaml
clean
done_testing
