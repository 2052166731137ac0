/*
 * util.c - allocation, string buffers and file reading for lib/.
 */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gendan/error.h"
#include "internal.h"

size_t gd__alloc_fail_at;

/* The fault hook: 1 when this allocation is the one to fail. */
static int injected(void)
{
	return gd__alloc_fail_at && --gd__alloc_fail_at == 0;
}

static void *nomem(void)
{
	gd_error_set(GD_ENOMEM, _("out of memory"));
	return NULL;
}

void gd__oom(void)
{
	fputs(_("gendan: out of memory\n"), stderr);
	abort();
}

static void *checked(void *p)
{
	if (!p)
		gd__oom();
	return p;
}

void *gd__malloc(size_t n)
{
	void *p = injected() ? NULL : malloc(n ? n : 1);

	return p ? p : nomem();
}

void *gd__calloc(size_t n, size_t size)
{
	void *p = injected() ? NULL : calloc(n ? n : 1, size ? size : 1);

	return p ? p : nomem();
}

void *gd__realloc(void *p, size_t n)
{
	void *q = injected() ? NULL : realloc(p, n ? n : 1);

	return q ? q : nomem();
}

char *gd__strdup(const char *s)
{
	char *p = injected() ? NULL : strdup(s);

	return p ? p : nomem();
}

char *gd__strndup(const char *s, size_t n)
{
	char *p = injected() ? NULL : strndup(s, n);

	return p ? p : nomem();
}

static char *vformat(const char *fmt, va_list ap, int *len)
{
	char *p = NULL;

	*len = injected() ? -1 : vasprintf(&p, fmt, ap);
	return *len < 0 ? nomem() : p;
}

char *gd__asprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	p = vformat(fmt, ap, &n);
	va_end(ap);
	return p;
}

void *gd__xmalloc(size_t n)
{
	return checked(gd__malloc(n));
}

void *gd__xcalloc(size_t n, size_t size)
{
	return checked(gd__calloc(n, size));
}

void *gd__xrealloc(void *p, size_t n)
{
	return checked(gd__realloc(p, n));
}

char *gd__xstrdup(const char *s)
{
	return checked(gd__strdup(s));
}

char *gd__xstrndup(const char *s, size_t n)
{
	return checked(gd__strndup(s, n));
}

char *gd__xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	p = checked(vformat(fmt, ap, &n));
	va_end(ap);
	return p;
}

/* Room for extra more bytes and the NUL; 0, or -1 when a fallible buffer
 * could not grow (then it is marked failed and keeps what it had). */
static int grow(gd__buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (b->buf && b->len + extra + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap * 2 : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	if (!(p = gd__realloc(b->buf, cap))) {
		if (!b->fallible)
			gd__oom();
		b->failed = 1;
		return -1;
	}
	b->buf = p;
	b->cap = cap;
	return 0;
}

void gd__buf_add(gd__buf *b, const char *s, size_t n)
{
	if (grow(b, n) < 0)
		return;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

int gd__stat_racy(const struct stat *st, const struct timespec *since)
{
	time_t limit = since->tv_sec - 2;

	return st->st_mtim.tv_sec >= limit || st->st_ctim.tv_sec >= limit;
}

void gd__stat_bytes(unsigned char out[GD__STAT_LEN], const struct stat *st)
{
	uint64_t v[GD__STAT_LEN / 8] = {
		(uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
		(uint64_t)st->st_ctim.tv_sec, (uint64_t)st->st_ctim.tv_nsec,
		(uint64_t)st->st_size, (uint64_t)st->st_ino};
	int i, k;

	for (k = 0; k < GD__STAT_LEN / 8; k++)
		for (i = 0; i < 8; i++)
			out[8 * k + i] = (unsigned char)((v[k] >> (8 * i)) & 0xff);
}

int gd__record_order(int kx, const char *idx, const char *px, int ky,
		     const char *idy, const char *py)
{
	int c;

	if (kx != ky)
		return kx - ky;
	if ((c = strcmp(idx, idy)))
		return c;
	return strcmp(px, py);
}

void gd__list_add(gd__buf *list, const char *s)
{
	if (s && *s)
		gd__buf_add(list, s, strlen(s) + 1);
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
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) < 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *gd__buf_detach(gd__buf *b, size_t *len)
{
	char *p;

	if (!b->buf)
		gd__buf_add(b, "", 0);
	if (b->failed) {
		gd__buf_free(b);
		return NULL;
	}
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
	b->failed = 0;
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
		err = gd_error_set(GD_EINVALID, _("%s: not a regular file"), path);
		goto done;
	}
	if ((size_t)st.st_size > max) {
		err = gd_error_set(GD_EINVALID, _("%s: file is larger than %zu bytes"),
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

const unsigned char *gd__rd_take(gd__rd *r, size_t n)
{
	const unsigned char *p = r->p;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	r->p += n;
	return p;
}

void gd__buf_num(gd__buf *b, uint64_t v, int bytes)
{
	uint64_t le = htole64(v);

	gd__buf_add(b, (const char *)&le, (size_t)bytes);
}
