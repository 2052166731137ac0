/*
 * fuzz-refs.c - REF resolution on arbitrary text against a small fixed
 * ledger (the first byte picks the kind filter): never a crash; a match is
 * one of the records, of the kind asked for; no match says why.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[][2] = {
	{"customers/48/acme-trading-co.yaml",
	 "name: ACME Trading Co.\nemail: john@acme.example\nphone: \"+1 312 555 0100\"\n"
	 "people: [{name: Mary, email: mary@acme.example, phone: \"(555) 867-5309\"}]\n"},
	{"customers/95/haitian.yaml", "name: 宁波海天贸易有限公司\nphone: \"+86 574 8888 1234\"\n"},
	{"customers/00/acme.yaml", "name: Acme Lamps\n"},
	{"inquiries/00/q-20261112-d289.yaml",
	 "received: 2026-11-12T10:00:00+08:00\n"
	 "from: {name: Ahmed, company: Gulf Lights LLC, email: ahmed@gulflights.ae}\n"},
	{"orders/00/po-2026-118.yaml", "number: PO#2026/118\ncustomer: gulf\nship-by: 2026-12-30\n"},
	{"orders/00/acme.yaml", "number: ACME-1\ncustomer: acme\nship-by: 2026-12-30\n"},
};
#define NRECS (sizeof(files) / sizeof(files[0]))

static gd_record *recs[NRECS];

static void load(void)
{
	size_t i;

	for (i = 0; i < NRECS; i++)
		if (!recs[i] && gd_record_parse(&recs[i], files[i][0], files[i][1],
						strlen(files[i][1])) < 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gd_record *hit = NULL;
	char *ref;
	size_t i;
	int kind, err;

	if (size < 1)
		return 0;
	load();
	kind = data[0] % 4 - 1; /* -1 (any), customer, inquiry, order */
	if (!(ref = malloc(size)))
		return 0;
	memcpy(ref, data + 1, size - 1);
	ref[size - 1] = '\0';
	gd_error_clear();
	err = gd_ref_resolve(&hit, recs, NRECS, ref, kind, data[0] & 4 ? "CN" : NULL);
	if (err == 0) {
		for (i = 0; i < NRECS && recs[i] != hit; i++)
			;
		if (i == NRECS || (kind >= 0 && (int)hit->kind != kind))
			abort();
	} else if (hit || !*gd_error_last() ||
		   (err != GD_ENOTFOUND && err != GD_EAMBIGUOUS && err != GD_EINVALID)) {
		abort();
	}
	free(ref);
	return 0;
}
