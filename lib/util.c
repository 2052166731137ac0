/*
 * util.c - allocation, string buffers and file reading for lib/.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gendan/error.h"
#include "internal.h"

static void *checked(void *p)
{
	if (!p) {
		fputs("gendan: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *gd__xmalloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}

void *gd__xcalloc(size_t n, size_t size)
{
	return checked(calloc(n ? n : 1, size ? size : 1));
}

void *gd__xrealloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}

char *gd__xstrdup(const char *s)
{
	return checked(strdup(s));
}

char *gd__xstrndup(const char *s, size_t n)
{
	return checked(strndup(s, n));
}

static char *vformat(const char *fmt, va_list ap, int *len)
{
	char *p = NULL;

	*len = vasprintf(&p, fmt, ap);
	return checked(*len < 0 ? NULL : p);
}

char *gd__xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	p = vformat(fmt, ap, &n);
	va_end(ap);
	return p;
}

static void grow(gd__buf *b, size_t extra)
{
	if (b->buf && b->len + extra + 1 <= b->cap)
		return;
	b->cap = b->cap ? b->cap * 2 : 64;
	while (b->cap < b->len + extra + 1)
		b->cap *= 2;
	b->buf = gd__xrealloc(b->buf, b->cap);
}

void gd__buf_add(gd__buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void gd__buf_puts(gd__buf *b, const char *s)
{
	gd__buf_add(b, s, strlen(s));
}

void gd__buf_putc(gd__buf *b, char c)
{
	gd__buf_add(b, &c, 1);
}

void gd__buf_printf(gd__buf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	p = vformat(fmt, ap, &n);
	va_end(ap);
	gd__buf_add(b, p, (size_t)n);
	free(p);
}

char *gd__buf_detach(gd__buf *b, size_t *len)
{
	char *p;

	if (!b->buf)
		gd__buf_add(b, "", 0);
	p = b->buf;
	if (len)
		*len = b->len;
	b->buf = NULL;
	b->len = b->cap = 0;
	return p;
}

void gd__buf_free(gd__buf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
}

int gd__read_file(char **out, size_t *len, const char *path, size_t max)
{
	struct stat st;
	char *buf = NULL;
	size_t got = 0;
	int fd, err = 0;

	*out = NULL;
	*len = 0;
	/* O_NONBLOCK: a FIFO is refused below rather than waited on */
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return gd_error_set(errno == ENOENT ? GD_ENOTFOUND : GD_EIO,
				    "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		err = gd_error_set(GD_EIO, "%s: %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		err = gd_error_set(GD_EINVALID, "%s: not a regular file", path);
		goto done;
	}
	if ((size_t)st.st_size > max) {
		err = gd_error_set(GD_EINVALID, "%s: file is larger than %zu bytes",
				   path, max);
		goto done;
	}
	buf = gd__xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = gd_error_set(GD_EIO, "%s: %s", path, strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	buf = NULL;
done:
	free(buf);
	close(fd);
	return err;
}
