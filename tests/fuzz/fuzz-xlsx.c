/*
 * fuzz-xlsx.c - the xlsx reader on arbitrary bytes (a zip read from
 * memory): never a crash, never past its limits, and what it accepts is a
 * table of UTF-8 text whose rows are numbered as sheet rows, none wider
 * than the header, none without a filled cell.  Read as the first
 * worksheet and as the sheet named "Sheet1".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gendan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const gd_csv *t)
{
	size_t i, j;

	if (t->n > GD_XLSX_MAX_ROWS + 1)
		abort();
	for (i = 0; i < t->n; i++) {
		int filled = 0;
		if (!t->ncols[i] || (i && t->ncols[i] > t->ncols[0]) || t->lines[i] < 1 ||
		    t->lines[i] > 1048576)
			abort();
		for (j = 0; j < t->ncols[i]; j++) {
			char *text = NULL;
			size_t len;
			const char *c = t->rows[i][j];
			if (strlen(c) > GD_XLSX_MAX_CELL)
				abort();
			if (gd_csv_decode(&text, &len, c, strlen(c), "UTF-8", "cell") < 0 ||
			    strcmp(text, c))
				abort();
			free(text);
			filled |= *c != '\0';
		}
		if (!filled || !*t->rows[i][t->ncols[i] - 1])
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sheets[] = {NULL, "Sheet1"};
	gd_csv *t = NULL;
	size_t k;

	for (k = 0; k < 2; k++) {
		if (gd_xlsx_parse(&t, (const char *)data, size, sheets[k], "f.xlsx") < 0) {
			gd_error_clear();
			continue;
		}
		check(t);
		gd_csv_free(t);
		t = NULL;
	}
	return 0;
}
