/*
 * fuzz-roundtrip.c - emit(parse(x)) parses back to the same tree, and
 * emitting that again gives the same bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gd_node *a = NULL, *b = NULL;
	char *out1 = NULL, *out2 = NULL;
	size_t l1, l2;

	if (gd_yaml_parse(&a, (const char *)data, size, "fuzz") < 0)
		return 0;
	if (gd_yaml_emit(&out1, &l1, a) == 0) {
		if (gd_yaml_parse(&b, out1, l1, "emitted") < 0)
			abort(); /* gendan wrote what it cannot read */
		if (gd_yaml_emit(&out2, &l2, b) < 0 || l1 != l2 || memcmp(out1, out2, l1))
			abort(); /* the canonical form is not stable */
	}
	free(out1);
	free(out2);
	gd_node_free(a);
	gd_node_free(b);
	return 0;
}
