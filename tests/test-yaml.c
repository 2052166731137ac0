/*
 * test-yaml.c - the strict parser and the canonical emitter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/error.h"
#include "gendan/yaml.h"

static gd_node *parse(const char *text)
{
	gd_node *n = NULL;

	if (gd_yaml_parse(&n, text, strlen(text), "t.yaml") < 0)
		fail_msg("parse failed: %s", gd_error_last());
	return n;
}

static char *emit(const gd_node *n)
{
	char *out = NULL;
	size_t len;

	assert_int_equal(gd_yaml_emit(&out, &len, n), 0);
	assert_int_equal(strlen(out), len);
	return out;
}

/* The message of a refused input; checks it starts with the name. */
static void refused(const char *text, size_t len, const char *want)
{
	gd_node *n = NULL;

	assert_int_equal(gd_yaml_parse(&n, text, len, "bad.yaml"), GD_EINVALID);
	assert_null(n);
	assert_int_equal(strncmp(gd_error_last(), "bad.yaml:", 9), 0);
	if (!strstr(gd_error_last(), want))
		fail_msg("expected '%s' in '%s'", want, gd_error_last());
}

static const char canonical[] =
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
	"    note: \"line one\\nline two\"\n"
	"empty_map: {}\n"
	"empty_list: []\n"
	"nothing:\n"
	"nested:\n"
	"  -\n"
	"    - a\n"
	"    - b\n"
	"custom:\n"
	"  z: 1\n"
	"  a: 2\n";

static void test_yaml__canonical_text_round_trips_byte_for_byte(void **state)
{
	gd_node *n = parse(canonical), *again;
	char *out = emit(n), *out2;

	(void)state;
	assert_string_equal(out, canonical);
	again = parse(out);
	assert_true(gd_node_equal(n, again));
	out2 = emit(again);
	assert_string_equal(out, out2);
	/* unknown nested keys kept in their order */
	assert_string_equal(gd_node_get(n, "custom")->keys[0], "z");
	free(out);
	free(out2);
	gd_node_free(n);
	gd_node_free(again);
}

static void test_yaml__flow_input_becomes_block_output(void **state)
{
	gd_node *n = parse("tags: [a, b]\nhold: {until: 2027-01-01, reason: trip}\n");
	char *out = emit(n);

	(void)state;
	assert_string_equal(out, "tags:\n  - a\n  - b\nhold:\n  until: 2027-01-01\n  reason: trip\n");
	free(out);
	gd_node_free(n);
}

static void test_yaml__strings_that_read_as_something_else_are_quoted(void **state)
{
	static const char *const quote[] = {
		"yes", "NO", "on", "Off", "y", "null", "~", "true", "0123", "1e3",
		"2026-11-22", "2026-11-22T10:15:00+08:00", "+86 574 8888 1234",
		"-5", ".5", ".inf", "1:20", "0x1f", "a: b", "# x", "x #y", " lead",
		"trail ", "- item", "line\nbreak", "tab\there", "", "[a]", "{a}",
		"&a", "*a", "!tag", "'q'", "\"q\"", "%x", "@x", "`x", "key:",
		"---", "...", "<<", NULL};
	static const char *const plain[] = {
		"ACME Trading Co.", "Wants samples of DL-20; quote by Friday.",
		"li.lei@example.com", "宁波海天贸易有限公司", "canton-fair-2026",
		"US", "DL-20", "a-b", "x:y", "discount 50%", NULL};
	size_t i;

	(void)state;
	for (i = 0; quote[i]; i++) {
		gd_node *root = gd_node_map(), *back;
		char *out;
		gd_node_set_str(root, "v", quote[i], 0);
		out = emit(root);
		if (!gd_yaml_needs_quotes(quote[i]))
			fail_msg("'%s' should need quotes", quote[i]);
		if (out[3] != '"')
			fail_msg("'%s' emitted unquoted: %s", quote[i], out);
		back = parse(out);
		assert_string_equal(gd_node_str(back, "v") ? gd_node_str(back, "v") : "",
				    quote[i]);
		assert_int_equal(gd_node_get(back, "v")->plain, 0);
		free(out);
		gd_node_free(root);
		gd_node_free(back);
	}
	for (i = 0; plain[i]; i++)
		if (gd_yaml_needs_quotes(plain[i]))
			fail_msg("'%s' should not need quotes", plain[i]);
}

static void test_yaml__plain_scalars_stay_plain(void **state)
{
	gd_node *n = parse("a: 1\nb: true\nc: 2026-11-22\nd: null\ne: '1'\n");
	char *out = emit(n);

	(void)state;
	assert_string_equal(out, "a: 1\nb: true\nc: 2026-11-22\nd: null\ne: \"1\"\n");
	assert_int_equal(gd_yaml_resolve(gd_node_get(n, "a")), GD_YINT);
	assert_int_equal(gd_yaml_resolve(gd_node_get(n, "b")), GD_YBOOL);
	assert_int_equal(gd_yaml_resolve(gd_node_get(n, "c")), GD_YSTR);
	assert_int_equal(gd_yaml_resolve(gd_node_get(n, "d")), GD_YNULL);
	assert_int_equal(gd_yaml_resolve(gd_node_get(n, "e")), GD_YSTR);
	free(out);
	gd_node_free(n);
}

static void test_yaml__hostile_input_is_refused_with_position(void **state)
{
	char *big, deep[16 * 1024];
	size_t i;

	(void)state;
	refused("name: &a x\nnote: *a\n", 20, "1:7: anchor");
	refused("name: x\nnote: *a\n", 17, "alias");
	refused("name: !!binary aGVsbG8=\n", 24, "tag");
	refused("name: !!python/object:os.system x\n", 34, "tag");
	refused("? [a, b]\n: c\n", 13, "key must be a plain value");
	refused("name: x\nname: y\n", 16, "2:1: duplicate key 'name'");
	refused("name: x\n---\nname: y\n", 20, "more than one document");
	refused("name: x\nnote: \"\0\"\n", 18, "2:8: NUL");
	refused("name: \xff\n", 8, "1:7: invalid UTF-8");
	refused("name: \xc0\xaf\n", 9, "invalid UTF-8");     /* overlong */
	refused("name: \xed\xa0\x80\n", 10, "invalid UTF-8"); /* surrogate */
	refused("\xef\xbb\xbfname: x\n", 11, "byte order mark");
	refused("\xff\xfen\0a\0", 6, "byte order mark");
	refused("", 0, "empty");
	refused("---\n", 4, "empty");
	refused("- a\n- b\n", 8, "mapping");
	refused("just text\n", 10, "mapping");
	refused("name: [a, b\n", 12, "bad.yaml:");
	refused("name:\n\tx: 1\n", 12, "bad.yaml:");
	refused("a: [[[[[[[[[[[[[[[[\n", 20, "nesting too deep"); /* 17 levels */
	memcpy(deep, "a: ", 3);
	for (i = 3; i < 5003; i++)
		deep[i] = '[';
	deep[i] = '\0';
	refused(deep, strlen(deep), "nesting too deep");
	big = malloc(GD_YAML_MAX_SIZE + 1);
	memset(big, 'a', GD_YAML_MAX_SIZE + 1);
	memcpy(big, "name: ", 6);
	refused(big, GD_YAML_MAX_SIZE + 1, "larger than");
	free(big);
}

static void test_yaml__sixteen_levels_are_fine(void **state)
{
	char text[64] = "a: ";
	gd_node *n = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < 15; i++)
		strcat(text, "[");
	for (i = 0; i < 15; i++)
		strcat(text, "]");
	strcat(text, "\n");
	assert_int_equal(gd_yaml_parse(&n, text, strlen(text), "ok.yaml"), 0);
	gd_node_free(n);
}

static void test_yaml__emit_refuses_text_that_is_not_utf8(void **state)
{
	gd_node *root = gd_node_map();
	char *out = NULL;
	size_t len;

	(void)state;
	gd_node_set_str(root, "note", "bad \xff byte", 0);
	assert_int_equal(gd_yaml_emit(&out, &len, root), GD_EINVALID);
	assert_null(out);
	gd_node_free(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml__canonical_text_round_trips_byte_for_byte),
		cmocka_unit_test(test_yaml__flow_input_becomes_block_output),
		cmocka_unit_test(test_yaml__strings_that_read_as_something_else_are_quoted),
		cmocka_unit_test(test_yaml__plain_scalars_stay_plain),
		cmocka_unit_test(test_yaml__hostile_input_is_refused_with_position),
		cmocka_unit_test(test_yaml__sixteen_levels_are_fine),
		cmocka_unit_test(test_yaml__emit_refuses_text_that_is_not_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
