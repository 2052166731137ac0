/*
 * fuzz-vcard.c - the vCard reader on arbitrary bytes: never a crash, and
 * what it accepts is a table of eight columns of UTF-8 text, every card on a
 * line of the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gd_csv *t = NULL;
	size_t i, j, lines = 1;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (gd_vcard_parse(&t, (const char *)data, size, "f.vcf") < 0) {
		gd_error_clear();
		return 0;
	}
	if (t->n < 2)
		abort();
	for (i = 0; i < t->n; i++) {
		if (t->ncols[i] != 8 || (i && (t->lines[i] < 1 || (size_t)t->lines[i] > lines)))
			abort();
		for (j = 0; j < 8; j++) {
			char *text = NULL;
			size_t len;
			const char *c = t->rows[i][j];
			if (gd_csv_decode(&text, &len, c, strlen(c), "UTF-8", "cell") < 0 ||
			    strcmp(text, c))
				abort();
			free(text);
		}
	}
	gd_csv_free(t);
	return 0;
}
