/*
 * internal.h - helpers shared inside lib/ only (gd__ prefix).
 */
#ifndef GENDAN_INTERNAL_H
#define GENDAN_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>

/* Allocation that never returns NULL: on failure the process ends with a
 * message, as git's xmalloc does. */
void *gd__xmalloc(size_t n);
void *gd__xcalloc(size_t n, size_t size);
void *gd__xrealloc(void *p, size_t n);
char *gd__xstrdup(const char *s);
char *gd__xstrndup(const char *s, size_t n);
char *gd__xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string buffer. */
typedef struct {
	char *buf;
	size_t len, cap;
} gd__buf;

void gd__buf_add(gd__buf *b, const char *s, size_t n);
void gd__buf_puts(gd__buf *b, const char *s);
void gd__buf_putc(gd__buf *b, char c);
void gd__buf_printf(gd__buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the NUL-terminated buffer to the caller and reset b. */
char *gd__buf_detach(gd__buf *b, size_t *len);
void gd__buf_free(gd__buf *b);

/* Read a whole file of at most max bytes; GD_EINVALID when larger. */
int gd__read_file(char **out, size_t *len, const char *path, size_t max);

#endif
