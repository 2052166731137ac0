/*
 * test-urlmatch.c - which http.<url>.* key applies to a URL, by
 * git-config(1)'s rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "urlmatch.h"

static const char *const url = "https://li@ledger.example.com/git/team/ledger.git";

static void test_matches(void **state)
{
	(void)state;
	assert_true(gd_urlmatch("https://ledger.example.com", url) >= 0);
	assert_true(gd_urlmatch("https://ledger.example.com/", url) >= 0);
	assert_true(gd_urlmatch("HTTPS://Ledger.Example.COM:443/git", url) >= 0);
	assert_true(gd_urlmatch("https://ledger.example.com/git/", url) >= 0);
	assert_true(gd_urlmatch("https://ledger.example.com/git/team/ledger.git", url) >= 0);
	assert_true(gd_urlmatch("https://*.example.com", url) >= 0);
	assert_true(gd_urlmatch("https://li@ledger.example.com", url) >= 0);
}

static void test_no_match(void **state)
{
	(void)state;
	assert_true(gd_urlmatch("http://ledger.example.com", url) < 0);     /* scheme */
	assert_true(gd_urlmatch("https://other.example.com", url) < 0);     /* host */
	assert_true(gd_urlmatch("https://example.com", url) < 0);           /* host */
	assert_true(gd_urlmatch("https://*.com", url) < 0);                 /* one part only */
	assert_true(gd_urlmatch("https://ledger.example.com:8443", url) < 0); /* port */
	assert_true(gd_urlmatch("https://ledger.example.com/gi", url) < 0); /* not at a '/' */
	assert_true(gd_urlmatch("https://ledger.example.com/git/other", url) < 0);
	assert_true(gd_urlmatch("https://wang@ledger.example.com", url) < 0); /* user */
	assert_true(gd_urlmatch("ledger.example.com", url) < 0);            /* no URL */
	assert_true(gd_urlmatch("https://ledger.example.com", "not a url") < 0);
}

static void test_precedence(void **state)
{
	(void)state;
	/* host, then path, then user name */
	assert_true(gd_urlmatch("https://ledger.example.com", url) >
		    gd_urlmatch("https://*.example.com/git/team", url));
	assert_true(gd_urlmatch("https://ledger.example.com/git/team", url) >
		    gd_urlmatch("https://ledger.example.com/git", url));
	assert_true(gd_urlmatch("https://ledger.example.com/git", url) >
		    gd_urlmatch("https://li@ledger.example.com", url));
	assert_true(gd_urlmatch("https://li@ledger.example.com", url) >
		    gd_urlmatch("https://ledger.example.com", url));
	/* ports as written or the scheme's own */
	assert_true(gd_urlmatch("https://127.0.0.1:8443/git", "https://127.0.0.1:8443/git/l.git") >= 0);
	assert_true(gd_urlmatch("https://127.0.0.1", "https://127.0.0.1:8443/git/l.git") < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_no_match),
		cmocka_unit_test(test_precedence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
