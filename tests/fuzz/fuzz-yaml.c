/*
 * fuzz-yaml.c - the record parser on arbitrary bytes: never a crash, and
 * every tree it accepts validates or is refused with a message.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static gd_config *cfg;
	gd_record *r = NULL;

	if (!cfg)
		cfg = gd_config_default();
	if (gd_record_parse(&r, "customers/00/fuzz.yaml", (const char *)data, size) == 0) {
		gd_record_validate(r, cfg);
		gd_record_free(r);
	}
	return 0;
}
