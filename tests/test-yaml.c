/*
 * test-yaml.c - the strict parser and the canonical emitter: exact bytes,
 * round trips, quoting, type resolution and every refusal with its position.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/yaml.h"

static gd_node *parse_len(const char *text, size_t len)
{
	gd_node *n = NULL;

	if (gd_yaml_parse(&n, text, len, "t.yaml") < 0)
		fail_msg("parse failed: %s", gd_error_last());
	assert_non_null(n);
	return n;
}

static gd_node *parse(const char *text)
{
	return parse_len(text, strlen(text));
}

static char *emit(const gd_node *n)
{
	char *out = NULL;
	size_t len = 0;

	if (gd_yaml_emit(&out, &len, n) < 0)
		fail_msg("emit failed: %s", gd_error_last());
	assert_int_equal(strlen(out), len);
	return out;
}

/* Equal as a YAML reader sees them: a string that needs no quotes is
 * written plain, so it comes back as a plain scalar. */
static int equivalent(const gd_node *a, const gd_node *b)
{
	size_t i;

	if (a->type != b->type || a->n != b->n)
		return 0;
	if (a->type == GD_SCALAR)
		return !strcmp(a->str, b->str) &&
		       (a->plain == b->plain ||
			!gd_yaml_needs_quotes(a->str));
	for (i = 0; i < a->n; i++) {
		if (a->type == GD_MAP && strcmp(a->keys[i], b->keys[i]))
			return 0;
		if (!equivalent(a->vals[i], b->vals[i]))
			return 0;
	}
	return 1;
}

/* parse(emit(n)) is n, emitting that again gives the same bytes, and
 * reading those gives the very same tree; returns the first emission. */
static char *round_trip(const gd_node *n)
{
	char *out = emit(n), *again;
	gd_node *back = parse(out), *back2;

	if (!equivalent(n, back))
		fail_msg("tree changed on the way through:\n%s", out);
	again = emit(back);
	assert_string_equal(again, out);
	back2 = parse(again);
	assert_true(gd_node_equal(back, back2));
	free(again);
	gd_node_free(back);
	gd_node_free(back2);
	return out;
}

/* Refused with GD_EINVALID, nothing returned, a message that starts with
 * the file name and contains want. */
static void refused(const char *text, size_t len, const char *want)
{
	gd_node *n = (gd_node *)1;

	gd_error_clear();
	assert_int_equal(gd_yaml_parse(&n, text, len, "bad.yaml"), GD_EINVALID);
	assert_null(n);
	if (strncmp(gd_error_last(), "bad.yaml:", 9))
		fail_msg("message does not start with the name: '%s'", gd_error_last());
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
}

static void refused_str(const char *text, const char *want)
{
	refused(text, strlen(text), want);
}

static gd_node *seq_of(const char *a, const char *b)
{
	gd_node *s = gd_node_seq();

	gd_node_push(s, gd_node_scalar(a, 0));
	if (b)
		gd_node_push(s, gd_node_scalar(b, 0));
	return s;
}

static const char record_text[] =
	"name: 宁波海天贸易有限公司\n"
	"phone: \"+86 574 8888 1234\"\n"
	"tags:\n"
	"  - lighting\n"
	"  - canton-fair-2026\n"
	"people:\n"
	"  - name: John Smith\n"
	"    role: purchasing\n"
	"    shoe-size: 44\n"
	"hold:\n"
	"  until: 2027-02-20\n"
	"  reason: Chinese New Year\n"
	"log:\n"
	"  - at: 2026-11-22T10:15:00+08:00\n"
	"    by: li.lei@example.com\n"
	"    note: Wants samples of DL-20; quote by Friday.\n"
	"  - at: 2026-11-23T09:00:00+08:00\n"
	"    note: \"第一行\\n第二行\"\n"
	"empty_map: {}\n"
	"empty_list: []\n"
	"nothing:\n"
	"nested_list:\n"
	"  -\n"
	"    - a\n"
	"    - b\n"
	"  -\n"
	"  - {}\n"
	"custom:\n"
	"  z: 1\n"
	"  a: 2\n"
	"  x-extra:\n"
	"    deep:\n"
	"      - \"yes\"\n";

static gd_node *record_tree(void)
{
	gd_node *root = gd_node_map(), *m, *s;

	gd_node_set_str(root, "name", "宁波海天贸易有限公司", 0);
	gd_node_set_str(root, "phone", "+86 574 8888 1234", 0);
	gd_node_set(root, "tags", seq_of("lighting", "canton-fair-2026"));
	m = gd_node_map();
	gd_node_set_str(m, "name", "John Smith", 0);
	gd_node_set_str(m, "role", "purchasing", 0);
	gd_node_set_str(m, "shoe-size", "44", 1);
	s = gd_node_seq();
	gd_node_push(s, m);
	gd_node_set(root, "people", s);
	m = gd_node_map();
	gd_node_set_str(m, "until", "2027-02-20", 1);
	gd_node_set_str(m, "reason", "Chinese New Year", 0);
	gd_node_set(root, "hold", m);
	s = gd_node_seq();
	m = gd_node_map();
	gd_node_set_str(m, "at", "2026-11-22T10:15:00+08:00", 1);
	gd_node_set_str(m, "by", "li.lei@example.com", 0);
	gd_node_set_str(m, "note", "Wants samples of DL-20; quote by Friday.", 0);
	gd_node_push(s, m);
	m = gd_node_map();
	gd_node_set_str(m, "at", "2026-11-23T09:00:00+08:00", 1);
	gd_node_set_str(m, "note", "第一行\n第二行", 0);
	gd_node_push(s, m);
	gd_node_set(root, "log", s);
	gd_node_set(root, "empty_map", gd_node_map());
	gd_node_set(root, "empty_list", gd_node_seq());
	gd_node_set_str(root, "nothing", "", 1);
	s = gd_node_seq();
	gd_node_push(s, seq_of("a", "b"));
	gd_node_push(s, gd_node_scalar("", 1));
	gd_node_push(s, gd_node_map());
	gd_node_set(root, "nested_list", s);
	m = gd_node_map();
	gd_node_set_str(m, "z", "1", 1);
	gd_node_set_str(m, "a", "2", 1);
	gd_node_set(m, "x-extra", gd_node_map());
	gd_node_set(gd_node_get(m, "x-extra"), "deep", seq_of("yes", NULL));
	gd_node_set(root, "custom", m);
	return root;
}

static void test_yaml__a_record_is_written_in_canonical_form(void **state)
{
	gd_node *root = record_tree();
	char *out = round_trip(root);

	(void)state;
	assert_string_equal(out, record_text);
	free(out);
	gd_node_free(root);
}

static void test_yaml__canonical_text_reads_back_to_the_same_bytes(void **state)
{
	gd_node *n = parse(record_text), *want = record_tree();
	gd_node *custom;
	char *out = round_trip(n);

	(void)state;
	assert_string_equal(out, record_text);
	assert_true(equivalent(want, n));
	/* unknown nested keys kept in their order */
	custom = gd_node_get(n, "custom");
	assert_int_equal(custom->n, 3);
	assert_string_equal(custom->keys[0], "z");
	assert_string_equal(custom->keys[1], "a");
	assert_string_equal(custom->keys[2], "x-extra");
	/* positions are 1-based */
	assert_int_equal(gd_node_get(n, "phone")->line, 2);
	assert_int_equal(gd_node_get(n, "phone")->col, 8);
	free(out);
	gd_node_free(n);
	gd_node_free(want);
}

static void test_yaml__flow_and_hand_written_input_becomes_block_output(void **state)
{
	gd_node *n = parse("# a comment\n"
			   "tags: [a, 'b c']\n"
			   "hold: {until: 2027-01-01, reason: trip}\n"
			   "people: [{name: Li, role: boss}]\n"
			   "note: |\n  two\n  lines\n"
			   "quoted: 'it''s'\n"
			   "folded: >\n  one\n  line\n"
			   "nested: [[x]]\n"
			   "sp:    lots   of   space   \n");
	char *out = round_trip(n);

	(void)state;
	assert_string_equal(out,
			    "tags:\n  - a\n  - b c\n"
			    "hold:\n  until: 2027-01-01\n  reason: trip\n"
			    "people:\n  - name: Li\n    role: boss\n"
			    "note: \"two\\nlines\\n\"\n"
			    "quoted: it's\n"
			    "folded: \"one line\\n\"\n"
			    "nested:\n  -\n    - x\n"
			    "sp: lots   of   space\n");
	assert_int_equal(gd_node_get(n, "note")->plain, 0);
	assert_int_equal(gd_node_get(n, "tags")->vals[1]->plain, 0);
	assert_int_equal(gd_node_get(n, "hold")->vals[0]->plain, 1);
	free(out);
	gd_node_free(n);
}

static void test_yaml__strings_that_read_as_something_else_are_quoted(void **state)
{
	static const char *const quote[] = {
		"yes", "Yes", "YES", "NO", "no", "y", "N", "on", "Off", "OFF",
		"true", "False", "TRUE", "null", "Null", "NULL", "~", "",
		"0123", "1e3", "1.0", ".5", "-5", "+5", "1_000", "0x1f", "0o17",
		"0b101", "1:20", "190:20:30.15", ".inf", "-.Inf", "+.INF",
		".nan", ".NaN", ".NAN", ".", "-.", "._", "2026-11-22",
		"2026-11-22T10:15:00+08:00", "+1 312 555 0100",
		"+86 574 8888 1234", "<<", "=", "a: b", "a:\tb", "key:", "# x",
		"x #y", " lead", "trail ", "- item", "-", "? q", "?x", ":x",
		"line\nbreak", "tab\there", "cr\rhere", "[a]", "]", "{a}", "}",
		",x", "&a", "*a", "!tag", "|x", ">x", "'q'", "\"q\"", "%x", "@x",
		"`x", "---", "--- x", "...", "ls\xe2\x80\xa8x", "bom\xef\xbb\xbf",
		NULL};
	size_t i;

	(void)state;
	for (i = 0; quote[i]; i++) {
		gd_node *root = gd_node_map(), *back, *v;
		char *out;

		if (!gd_yaml_needs_quotes(quote[i]))
			fail_msg("'%s' should need quotes", quote[i]);
		gd_node_set_str(root, "v", quote[i], 0);
		gd_node_set_str(root, quote[i], "as a key", 0);
		out = emit(root);
		if (strncmp(out, "v: \"", 4))
			fail_msg("'%s' emitted unquoted: %s", quote[i], out);
		back = parse(out);
		v = gd_node_get(back, "v");
		assert_non_null(v);
		assert_string_equal(v->str, quote[i]);
		assert_int_equal(v->plain, 0);
		assert_int_equal(gd_yaml_resolve(v), GD_YSTR);
		assert_string_equal(gd_node_str(back, quote[i]), "as a key");
		free(out);
		gd_node_free(root);
		gd_node_free(back);
	}
}

static void test_yaml__plain_looking_strings_are_written_plain(void **state)
{
	static const char *const plain[] = {
		"ACME Trading Co.", "Wants samples of DL-20; quote by Friday.",
		"li.lei@example.com", "宁波海天贸易有限公司", "canton-fair-2026",
		"US", "DL-20", "a-b", "x:y", "discount 50%", "PO#2026/118",
		"yes please", "nulls", "Truest", "x-1", "a, b [c] {d}",
		"it's \"fine\"", "café", "😀 emoji", "~x", "e1", NULL};
	size_t i;

	(void)state;
	for (i = 0; plain[i]; i++) {
		gd_node *root = gd_node_map();
		char *out, *want;

		if (gd_yaml_needs_quotes(plain[i]))
			fail_msg("'%s' should not need quotes", plain[i]);
		gd_node_set_str(root, "v", plain[i], 0);
		out = round_trip(root);
		want = malloc(strlen(plain[i]) + 5);
		sprintf(want, "v: %s\n", plain[i]);
		assert_string_equal(out, want);
		free(want);
		free(out);
		gd_node_free(root);
	}
}

static void test_yaml__quoted_strings_escape_only_what_they_must(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"line\nbreak", "\"line\\nbreak\""},
		{"a\tb\rc", "\"a\\tb\\rc\""},
		{"say \"hi\" \\ bye: now", "\"say \\\"hi\\\" \\\\ bye: now\""},
		{"ls\xe2\x80\xa8ps\xe2\x80\xa9", "\"ls\\u2028ps\\u2029\""},
		{"bom\xef\xbb\xbf", "\"bom\\uFEFF\""},
		{"nonchar\xef\xbf\xbe", "\"nonchar\\uFFFE\""},
		{"0574 宁波", "\"0574 宁波\""},
		{"第一行\n第二行", "\"第一行\\n第二行\""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		gd_node *root = gd_node_map();
		char *out, want[128];

		gd_node_set_str(root, "v", cases[i].in, 0);
		out = round_trip(root);
		snprintf(want, sizeof(want), "v: %s\n", cases[i].out);
		assert_string_equal(out, want);
		free(out);
		gd_node_free(root);
	}
}

static void test_yaml__typed_plain_scalars_stay_plain(void **state)
{
	static const char text[] =
		"a: 1\nb: -5\nc: -.inf\nd: 2026-11-22\ne: true\nf: yes\ng: ~\n"
		"h:\ni: 0x1F\nj: 1.5e3\nk: :x\nl: a\tb\nm: 'yes'\nq: \"0123\"\n"
		"o: -x\np: ?y\nlist:\n  - -1\n  -\n  - null\n";
	gd_node *n = parse(text);
	char *out = round_trip(n);
	static const char *const plain_keys[] = {"a", "b", "c", "d", "e", "f",
						 "g", "h", "i", "j", "k", "l",
						 "o", "p", NULL};
	size_t i;

	(void)state;
	/* only the single-quoted 'yes' changes: canonical quotes are double */
	assert_string_equal(out,
			    "a: 1\nb: -5\nc: -.inf\nd: 2026-11-22\ne: true\nf: yes\ng: ~\n"
			    "h:\ni: 0x1F\nj: 1.5e3\nk: :x\nl: a\tb\nm: \"yes\"\nq: \"0123\"\n"
			    "o: -x\np: ?y\nlist:\n  - -1\n  -\n  - null\n");
	for (i = 0; plain_keys[i]; i++)
		assert_int_equal(gd_node_get(n, plain_keys[i])->plain, 1);
	assert_int_equal(gd_node_get(n, "m")->plain, 0);
	assert_int_equal(gd_node_get(n, "q")->plain, 0);
	assert_string_equal(gd_node_get(n, "h")->str, "");
	free(out);
	gd_node_free(n);
}

static void test_yaml__resolution_follows_the_core_schema(void **state)
{
	static const struct {
		const char *s;
		int plain;
		gd_yaml_type want;
	} cases[] = {
		{"", 1, GD_YNULL}, {"~", 1, GD_YNULL}, {"null", 1, GD_YNULL},
		{"Null", 1, GD_YNULL}, {"NULL", 1, GD_YNULL}, {"nULL", 1, GD_YSTR},
		{"null", 0, GD_YSTR}, {"", 0, GD_YSTR},
		{"true", 1, GD_YBOOL}, {"True", 1, GD_YBOOL}, {"TRUE", 1, GD_YBOOL},
		{"false", 1, GD_YBOOL}, {"False", 1, GD_YBOOL}, {"FALSE", 1, GD_YBOOL},
		{"tRUE", 1, GD_YSTR}, {"yes", 1, GD_YSTR}, {"true", 0, GD_YSTR},
		{"0", 1, GD_YINT}, {"-17", 1, GD_YINT}, {"+17", 1, GD_YINT},
		{"0123", 1, GD_YINT}, {"0o17", 1, GD_YINT}, {"0x1fA", 1, GD_YINT},
		{"0o", 1, GD_YSTR}, {"0x", 1, GD_YSTR}, {"0o8", 1, GD_YSTR},
		{"+0x1", 1, GD_YSTR}, {"1_000", 1, GD_YSTR}, {"42", 0, GD_YSTR},
		{"1.5", 1, GD_YFLOAT}, {"-.5", 1, GD_YFLOAT}, {"1.", 1, GD_YFLOAT},
		{"1e3", 1, GD_YFLOAT}, {"1.5E-3", 1, GD_YFLOAT},
		{".inf", 1, GD_YFLOAT}, {"-.Inf", 1, GD_YFLOAT},
		{"+.INF", 1, GD_YFLOAT}, {".nan", 1, GD_YFLOAT},
		{".NaN", 1, GD_YFLOAT}, {"-.nan", 1, GD_YSTR}, {".", 1, GD_YSTR},
		{"1e", 1, GD_YSTR}, {".e3", 1, GD_YSTR}, {"1.2.3", 1, GD_YSTR},
		{"2026-11-22", 1, GD_YSTR}, {"1:20", 1, GD_YSTR},
		{"ACME", 1, GD_YSTR},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		gd_node *n = gd_node_scalar(cases[i].s, cases[i].plain);

		if (gd_yaml_resolve(n) != cases[i].want)
			fail_msg("'%s' (plain=%d) resolved to %d, expected %d",
				 cases[i].s, cases[i].plain, gd_yaml_resolve(n),
				 cases[i].want);
		gd_node_free(n);
	}
}

/* Every string, as a value (string or plain) and as a key, survives. */
static void test_yaml__awkward_strings_survive_a_round_trip(void **state)
{
	static const char *const strs[] = {
		"", " ", "  x  ", "-", "--", "---x", "- x", "a - b", ":", "::",
		"a:b:c", "#", "a#b", "a #b", "'", "\"", "\\", "\\n", "%",
		"x\ty", "\tx", "x\t", "a\n", "\n\n", "\r\n",
		"宁波\n\t海天", "\xf0\x9f\x98\x80", "x\xc2\xa0", "\xc2\xa0",
		"@", "!", "|", ">", "*", "&", "[]", "{}", "--- ", "...x",
		"yes", "0", "-0", ".5x", "1 2 3", "x: ", "x:\n", "?", "? ",
		"a\xe2\x80\xa8" "b", "\xef\xbb\xbfx", NULL};
	size_t i;
	int plain;

	(void)state;
	for (i = 0; strs[i]; i++) {
		for (plain = 0; plain <= 1; plain++) {
			gd_node *root = gd_node_map(), *seq = gd_node_seq();
			gd_node *back;
			char *out;

			gd_node_set_str(root, "v", strs[i], plain);
			gd_node_push(seq, gd_node_scalar(strs[i], plain));
			gd_node_set(root, "list", seq);
			if (*strs[i])
				gd_node_set_str(root, strs[i], "k", 0);
			out = emit(root);
			back = parse(out);
			assert_string_equal(gd_node_get(back, "v")->str, strs[i]);
			assert_string_equal(gd_node_get(back, "list")->vals[0]->str,
					    strs[i]);
			if (*strs[i])
				assert_string_equal(gd_node_str(back, strs[i]), "k");
			/* a string stays a string; a plain scalar may only
			 * become quoted when it cannot be written plain */
			if (!plain)
				assert_true(equivalent(root, back));
			free(out);
			out = round_trip(back);
			free(out);
			gd_node_free(root);
			gd_node_free(back);
		}
	}
}

static void test_yaml__an_empty_mapping_is_written_as_braces(void **state)
{
	gd_node *root = gd_node_map();
	char *out = round_trip(root);

	(void)state;
	assert_string_equal(out, "{}\n");
	free(out);
	gd_node_free(root);
}

static void test_yaml__structure_tricks_are_refused_with_position(void **state)
{
	(void)state;
	refused_str("name: &a x\nnote: x\n", "1:7: anchors are not allowed 'a'");
	refused_str("name: x\nlist: &l\n  - a\n", "2:7: anchors are not allowed");
	refused_str("name: x\nnote: *a\n", "2:7: aliases are not allowed 'a'");
	refused_str("name: !!binary aGVsbG8=\n",
		    "1:7: tags are not allowed 'tag:yaml.org,2002:binary'");
	refused_str("name: !!python/object:os.system x\n", "1:7: tags are not allowed");
	refused_str("name: !!str x\n", "1:7: tags are not allowed");
	refused_str("name: ! x\n", "1:7: tags are not allowed '!'");
	refused_str("!foo\nname: x\n", "1:1: tags are not allowed '!foo'");
	refused_str("? [a, b]\n: c\n", "1:3: a key must be a plain value");
	refused_str("{a: 1}: c\n", "1:1: a key must be a plain value");
	refused_str("name: x\nname: y\n", "2:1: duplicate key 'name'");
	refused_str("a:\n  b: 1\n  c: 2\n  b: 3\n  c: 4\n", "4:3: duplicate key 'b'");
	refused_str("a: {x: 1, 'x': 2}\n", "1:11: duplicate key 'x'");
	refused_str("name: x\n---\nname: y\n", "2:1: more than one document");
	refused_str("name: x\n...\n---\nname: y\n", "3:1: more than one document");
	refused_str("note: \"a\\0b\"\n", "1:7: NUL character not allowed");
}

static void test_yaml__control_characters_are_refused_both_ways(void **state)
{
	static const char *const controls[] = {"bell\x07", "esc\x1b[2J", "del\x7f",
					       "csi\xc2\x9b", "nel\xc2\x85", "ff\x0c", NULL};
	const char *const *c;

	(void)state;
	/* escaped, since libyaml refuses them raw */
	refused_str("name: \"x\\e]0;owned\\a\"\n", "1:7: control character not allowed");
	refused_str("name: x\nnote: '1'\nk: \"\\x9b31m\"\n", "3:4: control character not allowed");
	refused_str("\"\\x01\": x\n", "1:1: control character not allowed");
	refused_str("tags: [\"\\u007f\"]\n", "1:8: control character not allowed");
	for (c = controls; *c; c++) {
		gd_node *root = gd_node_map(), *key = gd_node_map();
		char *out = NULL;
		size_t len;

		gd_node_set_str(root, "v", *c, 0);
		assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
		assert_null(out);
		assert_non_null(strstr(gd_error_last(), "control character"));
		gd_node_set_str(key, *c, "x", 0);
		assert_int_equal(gd_yaml_emit(&out, &len, key), GD_EINVALID);
		gd_node_free(root);
		gd_node_free(key);
	}
	/* tab and line breaks are text */
	refused_str("name: x\nnote: \"a\\tb\\r\\nc\"\nk: \"\\x9b\"\n", "3:4: control character");
}

static void test_yaml__bad_bytes_are_refused_with_position(void **state)
{
	char *big;

	(void)state;
	refused("name: x\nnote: \"\0\"\n", 18, "2:8: NUL byte not allowed");
	refused("\0", 1, "1:1: NUL byte");
	refused_str("name: \xff\n", "1:7: invalid UTF-8");
	refused_str("name: \xc0\xaf\n", "1:7: invalid UTF-8");          /* overlong */
	refused_str("name: \xe0\x80\xaf\n", "1:7: invalid UTF-8");      /* overlong */
	refused_str("name: \xed\xa0\x80\n", "1:7: invalid UTF-8");      /* surrogate */
	refused_str("name: \xf4\x90\x80\x80\n", "1:7: invalid UTF-8");  /* > U+10FFFF */
	refused_str("name: ok\nnote: 中\xe4\xb8\n", "2:8: invalid UTF-8"); /* truncated */
	refused_str("name: 中\xe4", "1:8: invalid UTF-8");             /* at the end */
	refused_str("a: 1\r\nb: \x80\n", "2:4: invalid UTF-8");
	refused_str("name: b\nc: x\x7f\n", "2:5: control characters are not allowed");
	refused_str("name: \xc2\x80\n", "1:7: control characters are not allowed");
	refused_str("\xef\xbb\xbfname: x\n", "1:1: byte order mark not allowed");
	refused("\xff\xfen\0a\0", 6, "1:1: byte order mark not allowed");
	refused("\xfe\xff\0n\0a", 6, "1:1: byte order mark not allowed");
	refused("\0\0\xfe\xff\0\0\0n", 8, "1:1: byte order mark not allowed");
	refused("\xff\xfe\0\0n\0\0\0", 8, "1:1: byte order mark not allowed");
	big = malloc(GD_YAML_MAX_SIZE + 1);
	memset(big, 'a', GD_YAML_MAX_SIZE + 1);
	memcpy(big, "name: ", 6);
	refused(big, GD_YAML_MAX_SIZE + 1, "bad.yaml: file is larger than 1048576 bytes");
	free(big);
}

static void test_yaml__a_file_of_exactly_one_mebibyte_is_read(void **state)
{
	char *big = malloc(GD_YAML_MAX_SIZE);
	gd_node *n;

	(void)state;
	memset(big, 'a', GD_YAML_MAX_SIZE);
	memcpy(big, "name: ", 6);
	big[GD_YAML_MAX_SIZE - 1] = '\n';
	n = parse_len(big, GD_YAML_MAX_SIZE);
	assert_int_equal(strlen(gd_node_str(n, "name")), GD_YAML_MAX_SIZE - 7);
	gd_node_free(n);
	free(big);
}

static void test_yaml__what_is_not_a_record_is_refused(void **state)
{
	(void)state;
	refused("", 0, "1:1: empty document");
	refused(NULL, 0, "1:1: empty document");
	refused_str("---\n", "1:1: empty document");
	refused_str("\n\n   \n", "empty document");
	refused_str("# only a comment\n", "empty document");
	refused_str("~\n", "empty document");
	refused_str("null\n", "empty document");
	refused_str("- a\n- b\n", "1:1: the top level must be a mapping");
	refused_str("\njust text\n", "2:1: the top level must be a mapping");
	refused_str("'quoted'\n", "1:1: the top level must be a mapping");
	refused_str("name:\n\tx: 1\n", "2:1: found character that cannot start any token");
	refused_str("name: [a, b\n", "2:1: did not find expected ',' or ']'");
	refused_str("name: \"open\n", "bad.yaml:2:1:");
	refused_str("a: b: c\n", "1:5: mapping values are not allowed");
}

static char *brackets(size_t n)
{
	char *s = malloc(n + 5);

	memcpy(s, "a: ", 3);
	memset(s + 3, '[', n);
	s[n + 3] = '\n';
	s[n + 4] = '\0';
	return s;
}

static void test_yaml__sixteen_levels_are_read_and_seventeen_refused(void **state)
{
	char *ok = brackets(15), *deep = brackets(16), *deeper;
	char block[512] = "";
	gd_node *n;
	size_t i, len;

	(void)state;
	/* the root mapping and 15 lists: 16 levels */
	len = strlen(ok) - 1;
	ok = realloc(ok, 2 * len + 2);
	memset(ok + len, ']', 15);
	memcpy(ok + len + 15, "\n", 2);
	n = parse(ok);
	free(ok);
	gd_node_free(n);
	/* the 17th level opens with the 16th bracket, at column 3 + 16 */
	refused_str(deep, "1:19: nesting too deep");
	free(deep);
	/* the same in block style: 17 nested mappings */
	for (i = 0; i < 17; i++) {
		len = strlen(block);
		snprintf(block + len, sizeof(block) - len, "%*sk%zu:\n", (int)(2 * i), "", i);
	}
	len = strlen(block);
	snprintf(block + len, sizeof(block) - len, "%*sv\n", 34, "");
	refused_str(block, "17:33: nesting too deep");
	/* 5000 levels stop at the 17th, without recursion */
	deeper = brackets(5000);
	refused_str(deeper, "1:19: nesting too deep");
	free(deeper);
}

static void test_yaml__many_keys_are_read_in_far_less_than_quadratic_time(void **state)
{
	const size_t keys = 80000;
	char *text = malloc(keys * 12 + 32);
	size_t i, off = 0;
	clock_t start = clock();
	gd_node *n;

	(void)state;
	for (i = 0; i < keys; i++)
		off += (size_t)sprintf(text + off, "k%06zu: %zu\n", i, i % 10);
	n = parse_len(text, off);
	assert_int_equal(n->n, keys);
	assert_string_equal(n->keys[keys - 1], "k079999");
	gd_node_free(n);
	/* and a duplicate of the first key at the very end is found */
	off += (size_t)sprintf(text + off, "k000000: again\n");
	refused(text, off, "80001:1: duplicate key 'k000000'");
	free(text);
	/* quadratic lookups took half a minute here */
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 10.0);
}

static void test_yaml__keys_too_long_to_read_back_are_refused(void **state)
{
	char text[1200] = "? ";
	gd_node *root = gd_node_map(), *n;
	char *out = NULL;
	size_t len = 99;

	(void)state;
	memset(text + 2, 'k', 1001);
	strcpy(text + 1003, "\n: v\n");
	refused_str(text, "1:3: key is longer than 1000 characters");
	/* 998 characters and two quotes still fit */
	memset(text, '0', 998);
	strcpy(text + 998, ": v\n");
	n = parse(text);
	out = round_trip(n);
	assert_int_equal(out[0], '"');
	free(out);
	gd_node_free(n);
	text[998] = '\0';
	strcat(text, "0");
	gd_node_set_str(root, text, "v", 0);
	assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
	assert_null(out);
	assert_int_equal(len, 0);
	assert_non_null(strstr(gd_error_last(), "key is longer than 1000"));
	gd_node_free(root);
}

static void test_yaml__emit_refuses_what_could_not_be_read_back(void **state)
{
	gd_node *root = gd_node_map(), *n;
	char *out = NULL;
	size_t len, i;

	(void)state;
	gd_node_set_str(root, "note", "bad \xff byte", 0);
	assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
	assert_null(out);
	assert_non_null(strstr(gd_error_last(), "not valid UTF-8"));
	gd_node_remove(root, "note");
	gd_node_set_str(root, "bad \xc0\xaf key", "x", 0);
	assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
	assert_null(out);
	gd_node_free(root);

	/* 16 levels are written, 17 are not */
	root = gd_node_map();
	n = gd_node_seq();
	gd_node_set(root, "k", n);
	for (i = 0; i < 14; i++) {
		gd_node *s = gd_node_seq();
		gd_node_push(n, s);
		n = s;
	}
	gd_node_push(n, gd_node_scalar("x", 0));
	out = round_trip(root);
	free(out);
	gd_node_push(n, gd_node_seq());
	assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
	assert_null(out);
	assert_non_null(strstr(gd_error_last(), "nesting too deep"));
	gd_node_free(root);

	n = gd_node_seq();
	assert_int_equal(gd_yaml_emit(&out, NULL, n), GD_EINVALID);
	assert_null(out);
	gd_node_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml__a_record_is_written_in_canonical_form),
		cmocka_unit_test(test_yaml__canonical_text_reads_back_to_the_same_bytes),
		cmocka_unit_test(test_yaml__flow_and_hand_written_input_becomes_block_output),
		cmocka_unit_test(test_yaml__strings_that_read_as_something_else_are_quoted),
		cmocka_unit_test(test_yaml__plain_looking_strings_are_written_plain),
		cmocka_unit_test(test_yaml__quoted_strings_escape_only_what_they_must),
		cmocka_unit_test(test_yaml__typed_plain_scalars_stay_plain),
		cmocka_unit_test(test_yaml__resolution_follows_the_core_schema),
		cmocka_unit_test(test_yaml__awkward_strings_survive_a_round_trip),
		cmocka_unit_test(test_yaml__an_empty_mapping_is_written_as_braces),
		cmocka_unit_test(test_yaml__structure_tricks_are_refused_with_position),
		cmocka_unit_test(test_yaml__bad_bytes_are_refused_with_position),
		cmocka_unit_test(test_yaml__control_characters_are_refused_both_ways),
		cmocka_unit_test(test_yaml__a_file_of_exactly_one_mebibyte_is_read),
		cmocka_unit_test(test_yaml__what_is_not_a_record_is_refused),
		cmocka_unit_test(test_yaml__sixteen_levels_are_read_and_seventeen_refused),
		cmocka_unit_test(test_yaml__many_keys_are_read_in_far_less_than_quadratic_time),
		cmocka_unit_test(test_yaml__keys_too_long_to_read_back_are_refused),
		cmocka_unit_test(test_yaml__emit_refuses_what_could_not_be_read_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
