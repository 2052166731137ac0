/*
 * fuzz-summary.c - the decoders of the files gendan keeps under .git, fed
 * arbitrary bytes: .git/gendan-list, .git/gendan-due and .git/gendan-cache
 * (the first byte picks which).  Anyone who can write to .git can write
 * them, checksum and all, so the input is given a right header (and, for
 * the summaries, a right checksum) to reach the entries.
 *
 * Never a crash; a file is refused, or every entry it yields decodes
 * whole, and what the commands then do with the entries (list, search,
 * REF lookup, the duplicate check, the due list, a record's tree) reads
 * nothing outside them.  The decoders check structure, not text: a
 * string may be any bytes but NUL (the emitter refuses what the parser
 * would; see docs/fuzzing.md).
 */
#include <endian.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"
#include "cache.h"
#include "duescan.h"
#include "listscan.h"
#include "summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define KEY 0x5eed5eed5eedull

static gd_config *cfg;

/* An entry lies inside the file and is what it says. */
static void check_entry(const struct gd__sum *s, const struct gd__sum_type *type,
			const unsigned char *file, size_t len)
{
	const unsigned char *end = file + len;
	gd__rd body;

	if (s->raw < file || s->raw + s->rawlen > end || !s->path ||
	    (const unsigned char *)s->path < file ||
	    (const unsigned char *)s->path + strlen(s->path) >= end)
		abort();
	if (s->flags & GD__SUM_BAD) {
		if (!s->msg || s->id)
			abort();
		return;
	}
	if (!s->id || s->kind >= GD_NKINDS || s->body < file || s->body + s->bodylen > end)
		abort();
	body = gd__sum_body(s);
	if (type->check(&body) < 0 || body.bad || body.p != body.end)
		abort();
}

/* What ls, find, REF lookup, free ids and add's check do with a list. */
static void use_list(const gd__sumscan *sc)
{
	gd_list_filter all = {-1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
	gd_list_filter some = {GD_CUSTOMER, "A", "none", "cn", "ningbo", "vip", "new", "555 01", 0, "acme"};
	gd_dup_probe probe = {"Acme Lamps", "john@acme.example", "+1 312 555 0100", 0};
	gd_entry *e = NULL;
	const char **paths;
	size_t n = 0, i;

	gd__list_entries(&e, &n, sc, &all, NULL);
	for (i = 0; i < n; i++)
		if (!e[i].id || !e[i].path)
			abort();
	free(e);
	gd__list_entries(&e, &n, sc, &some, NULL);
	free(e);
	/* a path may be any text: the scan only uses an entry whose path and
	 * stat data are those of a file it walked */
	free(gd__list_resolve(sc, "acme", -1, NULL));
	free(gd__list_resolve(sc, "john@acme.example", GD_CUSTOMER, NULL));
	gd__list_has_id(sc, GD_ORDER, "po-1");
	paths = gd__list_dup_candidates(&n, sc, cfg, &probe);
	free(paths);
	gd_error_clear();
}

static void use_due(const gd__sumscan *sc)
{
	gd_due_filter f = {3650, 1, NULL, NULL, -1, NULL, 0};
	gd_due_item *items = NULL;
	size_t n = 0, i;

	for (f.local = 0; f.local < 2; f.local++) {
		gd__due_items(&items, &n, sc, cfg, 20000, &f);
		for (i = 0; i < n; i++)
			if (!items[i].id || !items[i].path || !items[i].detail || !items[i].explain)
				abort();
		gd_due_items_free(items, n);
	}
}

static void summary(const struct gd__sum_type *type, const uint8_t *data, size_t size)
{
	size_t len = 16 + size + 8, n = 0, split = 0, i;
	unsigned char *file = malloc(len);
	uint64_t key = htole64(KEY), sum;
	struct gd__sum *sums = NULL;
	gd__sumscan sc;

	if (!file)
		return;
	memcpy(file, type->magic, 8);
	memcpy(file + 8, &key, 8);
	if (size)
		memcpy(file + 16, data, size);
	sum = htole64(gd__sum_checksum(file, len - 8));
	memcpy(file + len - 8, &sum, 8);
	if (gd__sum_decode(&sums, &n, &split, file, len, type, KEY) == 0) {
		if (split > n)
			abort();
		memset(&sc, 0, sizeof(sc));
		sc.sums = calloc(n + 1, sizeof(*sc.sums));
		for (i = 0; sc.sums && i < n; i++) {
			check_entry(&sums[i], type, file, len);
			sc.sums[sc.n++] = &sums[i];
		}
		if (type == &gd__list_summary)
			use_list(&sc);
		else
			use_due(&sc);
		free(sc.sums);
	} else if (sums || n) {
		abort();
	}
	free(sums);
	free(file);
}

static void cache(const uint8_t *data, size_t size)
{
	char *buf = malloc(16 + size + 1);
	uint64_t key = htole64(KEY);
	gd__cache *c;
	size_t i;

	if (!buf)
		return;
	memcpy(buf, GD__CACHE_MAGIC, 8);
	memcpy(buf + 8, &key, 8);
	if (size)
		memcpy(buf + 16, data, size);
	if (!(c = gd__cache_parse(buf, 16 + size, KEY)))
		return;
	for (i = 0; i < gd__cache_count(c); i++) {
		const char *path = NULL;
		gd_node *tree = gd__cache_tree(c, i, &path);
		gd_record *r = NULL;
		char *text = NULL;
		size_t tlen;
		if (!path)
			abort();
		if (!tree)
			continue;
		if (tree->type != GD_MAP)
			abort();
		/* the cache keeps text as given, so the emitter may refuse it
		 * (not UTF-8, a control character): an error, never a crash */
		if (gd_yaml_emit(&text, &tlen, tree) == 0)
			free(text);
		/* a record as the ledger makes it from a cached tree */
		if (gd_record_from_node(&r, "customers/00/fuzz.yaml", tree) == 0) {
			gd_record_validate(r, cfg);
			gd_record_free(r);
		}
		gd_error_clear();
	}
	gd__cache_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (!cfg && !(cfg = gd_config_default()))
		abort();
	switch (data[0] % 3) {
	case 0: summary(&gd__list_summary, data + 1, size - 1); break;
	case 1: summary(&gd__due_summary, data + 1, size - 1); break;
	default: cache(data + 1, size - 1); break;
	}
	return 0;
}
