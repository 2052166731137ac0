/*
 * fuzz-ids.c - the id and record-path validators on arbitrary text: never
 * a crash, a valid id never climbs out of its folder, and a path accepted
 * as a record file is one of the three folders' *.yaml with a valid id.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void check_id(const char *s)
{
	char shard[3], *path;
	gd_kind k;

	if (!gd_id_valid(s))
		return;
	if (strlen(s) > GD_ID_MAX || s[0] == '.' || s[0] == '-' ||
	    strchr(s, '/') || strstr(s, ".."))
		abort();
	gd_shard(shard, s);
	if (strspn(shard, "0123456789abcdef") != 2)
		abort();
	for (k = GD_CUSTOMER; k <= GD_ORDER; k++) {
		gd_record *r = NULL;
		path = gd_record_path_for(k, s);
		/* where gendan writes a record reads back as that record */
		if (gd_record_from_node(&r, path, gd_node_map()) < 0 ||
		    r->kind != k || strcmp(r->id, s) != 0)
			abort();
		gd_record_free(r);
		free(path);
	}
}

static void check_path(const char *s)
{
	gd_record *r = NULL;
	size_t n = strlen(s);

	if (gd_record_from_node(&r, s, gd_node_map()) < 0) {
		if (r || !*gd_error_last())
			abort(); /* a refusal leaves nothing and says why */
		return;
	}
	if (!gd_id_valid(r->id) || n < 5 || strcmp(s + n - 5, ".yaml") != 0 ||
	    strstr(s, "/.") || strstr(s, "//") ||
	    !(starts(s, "customer") || starts(s, "inquir") || starts(s, "order")) ||
	    strcmp(r->path, s) != 0)
		abort();
	gd_record_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	gd_error_clear();
	check_id(s);
	check_path(s);
	free(s);
	return 0;
}
