/*
 * test-node.c - reading a node tree through its accessors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "gendan/node.h"

static void test_node__accessors_read_maps_and_sequences(void **state)
{
	gd_node *map = gd_node_map(), *seq = gd_node_seq();

	(void)state;
	gd_node_set_str(map, "name", "Acme", 0);
	gd_node_push(seq, gd_node_scalar("a", 0));
	gd_node_push(seq, gd_node_scalar("b", 0));
	gd_node_set(map, "tags", seq);
	assert_true(gd_node_is(map, GD_MAP));
	assert_false(gd_node_is(map, GD_SEQ));
	assert_false(gd_node_is(NULL, GD_MAP));
	assert_int_equal(gd_node_len(map), 2);
	assert_string_equal(gd_node_key(map, 1), "tags");
	assert_ptr_equal(gd_node_at(map, 1), seq);
	assert_int_equal(gd_node_len(seq), 2);
	assert_true(gd_node_is(gd_node_at(seq, 0), GD_SCALAR));
	/* scalars and NULL have no entries */
	assert_int_equal(gd_node_len(gd_node_at(map, 0)), 0);
	assert_int_equal(gd_node_len(NULL), 0);
	gd_node_free(map);
}

static void test_node__flat_is_one_line_for_scalars_and_their_lists(void **state)
{
	gd_node *seq = gd_node_seq(), *map = gd_node_map(), *one = gd_node_scalar("x", 1);
	char *s;

	(void)state;
	s = gd_node_flat(seq);
	assert_string_equal(s, ""); /* an empty list */
	free(s);
	gd_node_push(seq, gd_node_scalar("led", 0));
	gd_node_push(seq, gd_node_scalar("fair 2026", 0));
	s = gd_node_flat(seq);
	assert_string_equal(s, "led, fair 2026");
	free(s);
	s = gd_node_flat(one);
	assert_string_equal(s, "x");
	free(s);
	assert_null(gd_node_flat(map));
	gd_node_push(seq, map); /* a list holding a mapping is not flat */
	assert_null(gd_node_flat(seq));
	gd_node_free(seq);
	gd_node_free(one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_node__accessors_read_maps_and_sequences),
		cmocka_unit_test(test_node__flat_is_one_line_for_scalars_and_their_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
