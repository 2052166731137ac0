/*
 * test-phone.c - phone numbers in E.164 form, however they are written
 * (SPEC 3, duplicate check): the spellings of one number are one number.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gendan/phone.h"

static void expect(const char *typed, const char *region, const char *want)
{
	char *got = gd_phone_e164(typed, region);

	if (strcmp(got, want) != 0)
		fail_msg("'%s' (region %s): expected '%s', got '%s'", typed,
			 region ? region : "none", want, got);
	free(got);
}

static void test_phone__the_spellings_of_one_number_are_one(void **state)
{
	static const char *const ningbo[] = {
		"+86 574 8888 1234", "0086-574-88881234", "0574-8888-1234",
		"+86 (0)574 8888 1234", "＋８６ ５７４ ８８８８ １２３４",
		"+86 0574 8888 1234", "(0574) 8888 1234", "574 8888 1234",
		"+86-574-88881234 ext. 12", "+86.574.8888.1234", NULL};
	size_t i;

	(void)state;
	for (i = 0; ningbo[i]; i++)
		expect(ningbo[i], "CN", "+8657488881234");
	expect("13800138000", "CN", "+8613800138000");
	expect("0086 138 0013 8000", "CN", "+8613800138000");
	expect("+86 138 0013 8000", NULL, "+8613800138000");
	expect("+1 312-555-0100", "CN", "+13125550100");
	expect("(312) 555-0100", "US", "+13125550100");
	expect("1 312 555 0100", "US", "+13125550100");
	expect("+44 (0)20 7946 0958", NULL, "+442079460958");
	expect("020 7946 0958", "gb", "+442079460958");
	expect("+49 (0)30 1234567", "CN", "+49301234567");
	expect("8 495 123 45 67", "RU", "+74951234567");
}

static void test_phone__italy_keeps_its_zero(void **state)
{
	(void)state;
	/* no trunk prefix: the 0 of a Roman number is part of it */
	expect("+39 06 1234 5678", NULL, "+390612345678");
	expect("06 1234 5678", "IT", "+390612345678");
	/* a country the table does not know keeps what follows its code */
	expect("+225 07 12 34 56 78", NULL, "+2250712345678");
}

static void test_phone__without_a_region_digits_alone(void **state)
{
	(void)state;
	expect("0574-8888-1234", NULL, "057488881234");
	expect("0574-8888-1234", "XX", "057488881234");
	expect("", "CN", "");
	expect("n/a", "CN", "");
	expect("+", NULL, "");
	expect("ext 12", "CN", "");
	assert_true(gd_phone_region_known("CN"));
	assert_true(gd_phone_region_known("us"));
	assert_false(gd_phone_region_known("XX"));
	assert_false(gd_phone_region_known(NULL));
	assert_false(gd_phone_region_known(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phone__the_spellings_of_one_number_are_one),
		cmocka_unit_test(test_phone__italy_keeps_its_zero),
		cmocka_unit_test(test_phone__without_a_region_digits_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
