/*
 * test-dup.c - look before you add: the linear check and the index of
 * bulk imports find the same duplicates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"

#include "gendan/config.h"
#include "gendan/dup.h"
#include "gendan/error.h"
#include "gendan/record.h"

static gd_record *recs[3];
static gd_config *cfg;

static int setup(void **state)
{
	(void)state;
	cfg = gd_config_default();
	recs[0] = test_record("customers/00/acme.yaml",
		      "name: ACME Trading Co., Ltd.\nemail: john@acme.example\nphone: \"+1 312 555 0100\"\n");
	recs[1] = test_record("inquiries/00/q-20261112-d289.yaml",
		      "received: 2026-11-12T10:00:00+08:00\nfrom: {name: Ahmed, company: Gulf Lights LLC, email: ahmed@gulflights.ae}\nproduct: LED panel\n");
	recs[2] = test_record("orders/00/po-1.yaml", "number: PO-1\ncustomer: acme\nship-by: 2026-12-01\n");
	return 0;
}

static int teardown(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++)
		gd_record_free(recs[i]);
	gd_config_free(cfg);
	return 0;
}

/* Both checks agree: refused naming want, or accepted. */
static void both(const char *name, const char *email, const char *phone,
		 const char *want)
{
	gd_dup_probe p = {name, email, phone, 0};
	gd_dup_index *ix = gd_dup_index_new(recs, 3, cfg);
	int a = gd_dup_check(recs, 3, cfg, &p, "new");
	char *ma = strdup(gd_error_last());
	int b = gd_dup_index_check(ix, &p, "new");

	if (want) {
		assert_int_equal(a, GD_EEXISTS);
		assert_int_equal(b, GD_EEXISTS);
		if (!strstr(ma, want) || !strstr(gd_error_last(), want))
			fail_msg("expected '%s' in '%s' and '%s'", want, ma, gd_error_last());
	} else {
		assert_int_equal(a, 0);
		assert_int_equal(b, 0);
	}
	free(ma);
	gd_dup_index_free(ix);
}

static void test_dup__the_index_finds_what_the_linear_check_finds(void **state)
{
	(void)state;
	both("Other", "JOHN@acme.example", NULL, "same email john@acme.example");
	both("Other", "mary@acme.example", NULL, "same email domain acme.example");
	both("Other", NULL, "+1-312-555-0100", "same phone +1 312 555 0100");
	both("Acme Trading Company", NULL, NULL, "same company name as 'ACME Trading Co., Ltd.'");
	both("Someone", "ahmed@gulflights.ae", NULL,
	     "Gulf Lights LLC already wrote on 2026-11-12 about LED panel: inquiry/q-20261112-d289");
	both("Someone", "someone@gmail.com", NULL, NULL);
	both("PO-1", NULL, "12", NULL);
}

/* With phone-region CN, a national number is the international one. */
static void test_dup__phones_in_e164_form(void **state)
{
	gd_record *keep = recs[1];

	(void)state;
	recs[1] = test_record("customers/00/haitian.yaml",
		      "name: Haitian\nphone: \"+86 574 8888 1234\"\n");
	cfg->phone_region = strdup("CN");
	both("Other", NULL, "0574-8888-1234", "same phone +86 574 8888 1234");
	both("Other", NULL, "0086 (0)574 88881234", "same phone +86 574 8888 1234");
	both("Other", NULL, "312 555 0100", NULL);
	free(cfg->phone_region);
	cfg->phone_region = NULL;
	both("Other", NULL, "0574-8888-1234", NULL);
	both("Other", NULL, "+86 574 8888 1234", "same phone +86 574 8888 1234");
	gd_record_free(recs[1]);
	recs[1] = keep;
}

static void test_dup__rows_added_to_the_index_are_seen(void **state)
{
	gd_dup_index *ix = gd_dup_index_new(recs, 3, cfg);
	gd_record *r = test_record("customers/00/new-co.yaml", "name: New Co\nemail: a@new.example\n");
	gd_dup_probe p = {"Another", "b@new.example", NULL, 0};

	(void)state;
	assert_int_equal(gd_dup_index_check(ix, &p, "row 3"), 0);
	gd_dup_index_add(ix, r);
	assert_int_equal(gd_dup_index_check(ix, &p, "row 3"), GD_EEXISTS);
	assert_non_null(strstr(gd_error_last(), "customer/new-co"));
	gd_dup_index_free(ix);
	gd_record_free(r);
}

/* A customer's people are its contact fields too, in both checks. */
static void test_dup__people_count_as_the_customer(void **state)
{
	gd_record *keep = recs[1];

	(void)state;
	recs[1] = test_record("customers/00/haitian.yaml",
		      "name: Haitian\npeople:\n  - {name: Liu, email: liu@haitian.example}\n"
		      "  - {name: Chen, phone: \"+86 574 8888 1234\"}\n");
	both("Other", "LIU@haitian.example", NULL,
	     "same email liu@haitian.example, of its person 'Liu'");
	both("Other", "sales@haitian.example", NULL, "same email domain haitian.example");
	both("Other", NULL, "+86 574 88881234", "same phone +86 574 8888 1234, of its person 'Chen'");
	both("Other", "chen@gmail.com", NULL, NULL);
	gd_record_free(recs[1]);
	recs[1] = keep;
}

/* A match names the probe's field it shares and the row it was added
 * from (its tag), or 0 for a record of the ledger. */
static void test_dup__a_match_says_what_and_which_row(void **state)
{
	gd_dup_index *ix = gd_dup_index_new(recs, 3, cfg);
	gd_record *r = test_record("customers/00/new-co.yaml", "name: New Co\nphone: \"0574 8888 1234\"\n");
	gd_dup_probe by_phone = {"Another", NULL, "+86 574 8888 1234", 0};
	gd_dup_probe by_name = {"ACME Trading", "x@gmail.com", NULL, 0};
	const char *field = NULL;
	int tag = -1;

	(void)state;
	cfg->phone_region = "CN";
	gd_dup_index_add_tag(ix, r, 7);
	assert_int_equal(gd_dup_index_check_at(ix, &by_phone, "row 9", &field, &tag), GD_EEXISTS);
	assert_string_equal(field, "phone");
	assert_int_equal(tag, 7);
	assert_non_null(strstr(gd_error_last(), "line 7, New Co"));
	assert_int_equal(gd_dup_index_check_at(ix, &by_name, "row 9", &field, &tag), GD_EEXISTS);
	assert_string_equal(field, "name");
	assert_int_equal(tag, 0);
	assert_non_null(strstr(gd_error_last(), "customer/acme"));
	by_name.name = "Nobody";
	assert_int_equal(gd_dup_index_check_at(ix, &by_name, "row 9", &field, &tag), 0);
	assert_null(field);
	cfg->phone_region = NULL;
	gd_dup_index_free(ix);
	gd_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dup__the_index_finds_what_the_linear_check_finds),
		cmocka_unit_test(test_dup__phones_in_e164_form),
		cmocka_unit_test(test_dup__rows_added_to_the_index_are_seen),
		cmocka_unit_test(test_dup__people_count_as_the_customer),
		cmocka_unit_test(test_dup__a_match_says_what_and_which_row),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
