/*
 * cache.c - the tree cache of parsed records, under .git/gendan-cache,
 * for the commands that need whole records (check, stats, report, export).
 *
 * The cache keeps each valid record's tree in a compact binary form with
 * the stat data of its file (mtime and ctime to the nanosecond, size,
 * inode) and a hash of gendan.yaml; a record is taken from the cache only
 * when all of these match, so a hand edit is seen by the very next
 * command.  A file changed just before it was read is not kept (see
 * gd__stat_racy).  The file is never trusted
 * blindly: a wrong magic, a truncated or corrupt file, or any read past
 * its end makes it ignored, and the ledger is read from the files.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "hash.h"
#include "internal.h"

struct gd__cache_entry {
	const char *path;          /* into the file's buffer, NUL-terminated */
	const unsigned char *stat; /* gd__stat_bytes() of its file */
	const unsigned char *node; /* serialized tree */
	size_t nodelen;
};

struct gd__cache {
	char *buf;
	size_t len;
	struct gd__cache_entry *e;
	size_t n;
	gd__hash paths; /* e by path */
};

size_t gd__cache_count(const gd__cache *c)
{
	return c ? c->n : 0;
}

void gd__cache_free(gd__cache *c)
{
	if (!c)
		return;
	free(c->buf);
	free(c->e);
	gd__hash_free(&c->paths);
	free(c);
}

gd__cache *gd__cache_parse(char *buf, size_t len, uint64_t config_hash)
{
	gd__cache *c = gd__xcalloc(1, sizeof(*c));
	gd__rd r;
	size_t i, count;

	c->buf = buf;
	c->len = len;
	r.p = (const unsigned char *)c->buf;
	r.end = r.p + c->len;
	r.bad = 0;
	if (c->len < 8 || memcmp(gd__rd_take(&r, 8), GD__CACHE_MAGIC, 8) || gd__rd_num(&r, 8) != config_hash)
		goto bad;
	count = (size_t)gd__rd_num(&r, 4);
	if (r.bad || count > c->len / 40)
		goto bad;
	c->e = gd__xcalloc(count + 1, sizeof(*c->e));
	gd__hash_init(&c->paths, count);
	for (i = 0; i < count; i++) {
		struct gd__cache_entry *e = &c->e[i];
		size_t plen = (size_t)gd__rd_num(&r, 2);
		const unsigned char *p = gd__rd_take(&r, plen + 1);
		if (r.bad || p[plen] != '\0')
			goto bad;
		e->path = (const char *)p;
		e->stat = gd__rd_take(&r, GD__STAT_LEN);
		e->nodelen = (size_t)gd__rd_num(&r, 4);
		e->node = gd__rd_take(&r, e->nodelen);
		if (r.bad)
			goto bad;
		gd__hash_add(&c->paths, gd__hash_str(e->path), i);
		c->n++;
	}
	if (r.p != r.end)
		goto bad;
	return c;
bad:
	gd__cache_free(c);
	return NULL;
}

gd__cache *gd__cache_read(const char *file, uint64_t config_hash)
{
	char *buf = NULL;
	size_t len = 0;

	if (gd__read_file(&buf, &len, file, (size_t)1 << 31) < 0)
		return NULL;
	return gd__cache_parse(buf, len, config_hash);
}

static gd_node *node_read(gd__rd *r, int depth)
{
	gd_node *n = NULL;
	size_t i, count, len;
	int type;
	const unsigned char *s;

	if (depth > 17)
		r->bad = 1;
	type = (int)gd__rd_num(r, 1);
	if (r->bad)
		return NULL;
	if (type == GD_SCALAR) {
		int plain = (int)gd__rd_num(r, 1);
		len = (size_t)gd__rd_num(r, 4);
		if (!(s = gd__rd_take(r, len)) || memchr(s, '\0', len))
			return r->bad = 1, NULL;
		n = gd_node_scalar("", plain);
		free(n->str);
		n->str = gd__xstrndup((const char *)s, len);
		return n;
	}
	if (type != GD_MAP && type != GD_SEQ)
		return r->bad = 1, NULL;
	n = type == GD_MAP ? gd_node_map() : gd_node_seq();
	count = (size_t)gd__rd_num(r, 4);
	if ((size_t)(r->end - r->p) < count)
		r->bad = 1;
	for (i = 0; i < count && !r->bad; i++) {
		char *key = NULL;
		gd_node *v;
		if (type == GD_MAP) {
			len = (size_t)gd__rd_num(r, 4);
			if (!(s = gd__rd_take(r, len)) || memchr(s, '\0', len))
				break;
			key = gd__xstrndup((const char *)s, len);
		}
		if ((v = node_read(r, depth + 1))) {
			if (key)
				gd_node_set(n, key, v);
			else
				gd_node_push(n, v);
		}
		free(key);
	}
	if (r->bad) {
		gd_node_free(n);
		return NULL;
	}
	return n;
}

gd_node *gd__cache_tree(const gd__cache *c, size_t i, const char **path)
{
	const struct gd__cache_entry *e = &c->e[i];
	gd__rd r = {e->node, e->node + e->nodelen, 0};
	gd_node *n = node_read(&r, 0);

	if (path)
		*path = e->path;
	if (r.bad || r.p != r.end || !n || n->type != GD_MAP) {
		gd_node_free(n);
		return NULL;
	}
	return n;
}

gd_node *gd__cache_get(const gd__cache *c, const char *path, const struct stat *st)
{
	unsigned char now[GD__STAT_LEN];
	gd__hash_pos pos;
	size_t i;

	if (!c)
		return NULL;
	pos = gd__hash_find(&c->paths, gd__hash_str(path));
	while (gd__hash_next(&c->paths, &pos, &i)) {
		if (strcmp(c->e[i].path, path))
			continue;
		gd__stat_bytes(now, st);
		if (memcmp(c->e[i].stat, now, GD__STAT_LEN))
			return NULL;
		return gd__cache_tree(c, i, NULL);
	}
	return NULL;
}

static void node_write(gd__buf *b, const gd_node *n)
{
	size_t i;

	gd__buf_num(b, (uint64_t)n->type, 1);
	if (n->type == GD_SCALAR) {
		gd__buf_num(b, (uint64_t)n->plain, 1);
		gd__buf_num(b, strlen(n->str), 4);
		gd__buf_puts(b, n->str);
		return;
	}
	gd__buf_num(b, n->n, 4);
	for (i = 0; i < n->n; i++) {
		if (n->type == GD_MAP) {
			gd__buf_num(b, strlen(n->keys[i]), 4);
			gd__buf_puts(b, n->keys[i]);
		}
		node_write(b, n->vals[i]);
	}
}

void gd__cache_write(const char *file, uint64_t config_hash, char *const *paths,
		     const struct stat *sts, gd_node *const *roots, size_t n)
{
	gd__buf b = {0};
	char *tmp = gd__xasprintf("%s.tmp-%ld", file, (long)getpid());
	size_t i, off = 0;
	int fd;

	gd__buf_add(&b, GD__CACHE_MAGIC, 8);
	gd__buf_num(&b, config_hash, 8);
	gd__buf_num(&b, n, 4);
	for (i = 0; i < n; i++) {
		unsigned char sb[GD__STAT_LEN];
		size_t at, len;
		gd__buf_num(&b, strlen(paths[i]), 2);
		gd__buf_add(&b, paths[i], strlen(paths[i]) + 1);
		gd__stat_bytes(sb, &sts[i]);
		gd__buf_add(&b, (const char *)sb, GD__STAT_LEN);
		at = b.len;
		gd__buf_num(&b, 0, 4);
		node_write(&b, roots[i]);
		len = b.len - at - 4;
		for (off = 0; off < 4; off++)
			b.buf[at + off] = (char)((len >> (8 * off)) & 0xff);
	}
	/* a cache that cannot be written is only a slower next command */
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		size_t done = 0;
		while (done < b.len) {
			ssize_t w = write(fd, b.buf + done, b.len - done);
			if (w <= 0)
				break;
			done += (size_t)w;
		}
		if (close(fd) < 0 || done < b.len || rename(tmp, file) < 0)
			unlink(tmp);
	}
	free(tmp);
	gd__buf_free(&b);
}
