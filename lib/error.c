/*
 * error.c - the one last-error message of the library.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "gendan/error.h"

static _Thread_local char message[1024]; /* one per thread: see duescan.c */
static _Thread_local int last_code;

/* parenthesised: error.h may define a macro of this name for the analyzer */
int (gd_error_set)(int code, const char *fmt, ...)
{
	va_list ap;

	unsigned char *u = (unsigned char *)message;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	/* one line, and nothing a terminal would obey: a message may quote a
	 * file name or a value from someone else's clone */
	for (i = 0; u[i]; i++)
		if (u[i] < 0x20 || u[i] == 0x7f)
			u[i] = '?';
		else if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
			u[i] = u[i + 1] = '?'; /* C1 controls */
	last_code = code;
	return code;
}

const char *gd_error_last(void)
{
	return message;
}

int gd_error_code_last(void)
{
	return last_code;
}

void gd_error_clear(void)
{
	message[0] = '\0';
	last_code = GD_OK;
}
