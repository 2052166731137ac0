/*
 * test-people.c - a customer's contact persons: known by name (trimmed,
 * case folded), fields set and removed, bad input refused untouched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

#include "gendan/error.h"
#include "gendan/people.h"
#include "gendan/record.h"

static size_t people_count(const gd_record *r)
{
	const gd_node *p = gd_node_get(r->root, "people");

	return p ? p->n : 0;
}

static void test_people__names_compare_trimmed_and_without_case(void **state)
{
	gd_record *r = test_record("customers/00/acme.yaml", "name: ACME\n");
	gd_person_fields f = {.role = "buyer"};

	(void)state;
	assert_int_equal(gd_person_add(r, "  John Smith ", &f), 0);
	assert_string_equal(gd_node_str(gd_person_get(r, "JOHN SMITH"), "name"), "John Smith");
	assert_int_equal(gd_person_add(r, "john smith", &f), GD_EEXISTS);
	assert_non_null(strstr(gd_error_last(), "'John Smith'"));
	assert_int_equal(gd_person_add(r, "Ｊｏｈｎ Ｓｍｉｔｈ", &f), GD_EEXISTS);
	assert_int_equal(people_count(r), 1);
	gd_record_free(r);
}

static void test_people__set_changes_and_removes_fields(void **state)
{
	gd_record *r = test_record("customers/00/acme.yaml",
				   "name: ACME\npeople: [{name: Liu, role: boss, note: x}]\n");
	gd_person_fields f = {.phone = "+86 574 8888 1234", .note = ""};
	const gd_node *p;

	(void)state;
	assert_int_equal(gd_person_set(r, "liu", &f), 0);
	p = gd_person_get(r, "Liu");
	assert_string_equal(gd_node_str(p, "phone"), "+86 574 8888 1234");
	assert_string_equal(gd_node_str(p, "role"), "boss");
	assert_null(gd_node_get(p, "note"));
	assert_int_equal(gd_person_set(r, "Wang", &f), GD_ENOTFOUND);
	assert_non_null(strstr(gd_error_last(), "(people: 'Liu')"));
	gd_record_free(r);
}

static void test_people__bad_input_changes_nothing(void **state)
{
	gd_record *r = test_record("customers/00/acme.yaml", "name: ACME\n");
	gd_record *q = test_record("inquiries/00/q1.yaml", "received: 2026-11-12T10:00:00+08:00\n");
	gd_person_fields bad_email = {.email = "liu at acme"};
	gd_person_fields bad_phone = {.phone = "n/a"};
	gd_person_fields none = {0};

	(void)state;
	assert_int_equal(gd_person_add(r, "Liu", &bad_email), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "'liu at acme'"));
	assert_int_equal(gd_person_add(r, "Liu", &bad_phone), GD_EINVALID);
	assert_int_equal(gd_person_add(r, " ", &none), GD_EINVALID);
	assert_int_equal(gd_person_add(q, "Liu", &none), GD_EINVALID);
	assert_non_null(strstr(gd_error_last(), "only customers"));
	assert_int_equal(gd_person_remove(r, "Liu"), GD_ENOTFOUND);
	assert_null(gd_node_get(r->root, "people"));
	gd_record_free(r);
	gd_record_free(q);
}

static void test_people__the_last_one_removed_takes_the_list(void **state)
{
	gd_record *r = test_record("customers/00/acme.yaml",
				   "name: ACME\npeople:\n  - name: A\n  - name: B\n");

	(void)state;
	assert_int_equal(gd_person_remove(r, "a"), 0);
	assert_int_equal(people_count(r), 1);
	assert_string_equal(gd_node_str(gd_node_get(r->root, "people")->vals[0], "name"), "B");
	assert_int_equal(gd_person_remove(r, "B"), 0);
	assert_null(gd_node_get(r->root, "people"));
	gd_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_people__names_compare_trimmed_and_without_case),
		cmocka_unit_test(test_people__set_changes_and_removes_fields),
		cmocka_unit_test(test_people__bad_input_changes_nothing),
		cmocka_unit_test(test_people__the_last_one_removed_takes_the_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
