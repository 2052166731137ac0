/*
 * fuzz-csv.c - the CSV reader on arbitrary bytes, encodings and separators
 * found from them: never a crash, and what it accepts is UTF-8 text in
 * rows that start on lines of the file, in order, none of them blank.
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
	size_t i, j;
	int blank;

	if (gd_csv_parse(&t, (const char *)data, size, "f.csv") < 0) {
		gd_error_clear();
		return 0;
	}
	for (i = 0; i < t->n; i++) {
		if (t->lines[i] < 1 || (i && t->lines[i] < t->lines[i - 1]))
			abort();
		blank = 1;
		for (j = 0; j < t->ncols[i]; j++) {
			char *text = NULL;
			size_t len;
			const char *c = t->rows[i][j];
			blank &= !*c;
			if (gd_csv_decode(&text, &len, c, strlen(c), "UTF-8", "cell") < 0 ||
			    strcmp(text, c))
				abort();
			free(text);
		}
		if (blank)
			abort();
	}
	gd_csv_free(t);
	return 0;
}
