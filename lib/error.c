/*
 * error.c - the one last-error message of the library.
 */
#include <stdarg.h>
#include <stdio.h>

#include "gendan/error.h"

static char message[1024];
static int last_code;

/* parenthesised: error.h may define a macro of this name for the analyzer */
int (gd_error_set)(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
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
