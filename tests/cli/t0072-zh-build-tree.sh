# Chinese out of the box: a binary run from the build tree (or through a
# link to it) finds the translations beside it, with no GENDAN_LOCALEDIR.
. "$TESTDIR/lib.sh"
unset GENDAN_LOCALEDIR
bin=$(dirname "$GENDAN")
if [ ! -f "$bin/po/zh_CN/LC_MESSAGES/gendan.mo" ]; then
	skip "no build tree beside $GENDAN"
	done_testing
fi

LANGUAGE=zh_CN "$GENDAN" --help >"$TMP/out" 2>&1
has "$TMP/out" "^用法："
mkdir "$TMP/bin"
ln -s "$GENDAN" "$TMP/bin/gendan"
LANGUAGE=zh_CN "$TMP/bin/gendan" -C "$TMP/nowhere" status >"$TMP/out" 2>"$TMP/err"
has "$TMP/err" "不是 gendan 台账"
if locale -a 2>/dev/null | grep -qx "zh_CN.utf8"; then
	LC_ALL= LANG=zh_CN.UTF-8 "$GENDAN" --help >"$TMP/out" 2>&1
	has "$TMP/out" "^用法："
else
	skip "the zh_CN.UTF-8 locale is not installed"
fi
# English stays the default
"$GENDAN" --help >"$TMP/out" 2>&1
has "$TMP/out" "^usage: gendan"
# a catalog elsewhere still wins when asked for
GENDAN_LOCALEDIR="$TMP/none" LANGUAGE=zh_CN "$GENDAN" --help >"$TMP/out" 2>&1
has "$TMP/out" "^usage: gendan"

done_testing
