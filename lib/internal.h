/*
 * internal.h - helpers shared inside lib/ only (gd__ prefix).
 */
#ifndef GENDAN_INTERNAL_H
#define GENDAN_INTERNAL_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>
#include <endian.h>
#include <stdint.h>
#include <string.h>

#include "gendan/error.h"

/* Messages for people, in their language (po/); N_ marks a string to
 * translate later, P_ one with a plural.  Never for what machines read:
 * records, commit messages, JSON, TSV, CSV, ICS. */
#define _(s) dgettext(GD_TEXTDOMAIN, s)
#define N_(s) s
#define P_(s, p, n) dngettext(GD_TEXTDOMAIN, s, p, n)

/*
 * Allocation.  Two kinds, one counter (see the boundary in gendan/node.h):
 * gd__malloc & co. return NULL with the error "out of memory" (GD_ENOMEM)
 * set, for code that hands the failure back (the YAML codec, the merge);
 * gd__xmalloc & co. never return NULL: on failure the process ends with a
 * message, as git's xmalloc does.
 */
void *gd__malloc(size_t n);
void *gd__calloc(size_t n, size_t size);
void *gd__realloc(void *p, size_t n);
char *gd__strdup(const char *s);
char *gd__strndup(const char *s, size_t n);
char *gd__asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *gd__xmalloc(size_t n);
void *gd__xcalloc(size_t n, size_t size);
void *gd__xrealloc(void *p, size_t n);
char *gd__xstrdup(const char *s);
char *gd__xstrndup(const char *s, size_t n);
char *gd__xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "gendan: out of memory" on stderr, and abort. */
void gd__oom(void) __attribute__((noreturn));

/* Test hook, for tests only: when nonzero, each allocation of either kind
 * counts it down and the one that brings it to 0 fails (once).  0 after a
 * call means the failure was injected; nonzero, that the call made fewer
 * allocations.  Costs one test of a global per allocation otherwise. */
extern size_t gd__alloc_fail_at;

/* A growable string buffer.  Set fallible before use to have a failed
 * allocation mark it failed (and set GD_ENOMEM) instead of aborting: what
 * is added after that is dropped, and detach gives NULL. */
typedef struct {
	char *buf;
	size_t len, cap;
	int fallible;
	int failed;
} gd__buf;

void gd__buf_add(gd__buf *b, const char *s, size_t n);
void gd__buf_puts(gd__buf *b, const char *s);
void gd__buf_putc(gd__buf *b, char c);
void gd__buf_printf(gd__buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hand the NUL-terminated buffer to the caller and reset b; NULL (and b
 * freed) when a fallible buffer failed. */
char *gd__buf_detach(gd__buf *b, size_t *len);
void gd__buf_free(gd__buf *b);

/* Little-endian numbers of 1 to 8 bytes in binary files of gendan's own
 * (the caches), read as if damaged: a read past the end sets bad and
 * gives 0 or NULL, and every later read does the same. */
typedef struct {
	const unsigned char *p, *end;
	int bad;
} gd__rd;

/* Inline: a summary of 100k records reads a million of them. */
static inline uint64_t gd__rd_num(gd__rd *r, int bytes)
{
	uint64_t v = 0;

	if (r->bad || r->end - r->p < bytes) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p, (size_t)bytes);
	r->p += bytes;
	return le64toh(v);
}
const unsigned char *gd__rd_take(gd__rd *r, size_t n);
void gd__buf_num(gd__buf *b, uint64_t v, int bytes);

/* Read a whole file of at most max bytes; GD_EINVALID when larger. */
int gd__read_file(char **out, size_t *len, const char *path, size_t max);

#include <sys/stat.h>
#include <time.h>

/*
 * Can a file's stat data be trusted to say its content has not changed
 * since it was read, during a scan that began at `since`?  Not when it
 * changed within two seconds before: a second change in the same clock
 * tick (or FAT's two seconds) would leave mtime, ctime and size as they
 * were, as git's "racily clean" entries.  Such a file is read again by
 * the next scan.  (lib/util.c)
 */
int gd__stat_racy(const struct stat *st, const struct timespec *since);

/* What says a record file is unchanged, as the summaries and the tree
 * cache keep it: mtime and ctime to the nanosecond (ctime because a tool
 * can put a file's mtime back, but not its ctime), size and inode, each
 * 8 bytes little-endian.  (lib/util.c) */
#define GD__STAT_LEN 48
void gd__stat_bytes(unsigned char out[GD__STAT_LEN], const struct stat *st);

#include "gendan/node.h"

/* The node functions of gendan/node.h that hand an allocation failure back
 * instead of aborting (GD_ENOMEM set): constructors and dup return NULL;
 * set, insert and push return GD_ENOMEM and always take val, freeing it on
 * failure, and a NULL val (a constructor that failed) is that failure, so
 * "gd__node_push(seq, gd__node_dup(x))" needs one check.  On failure the
 * tree is as it was. */
gd_node *gd__node_scalar(const char *s, int plain);
gd_node *gd__node_map(void);
gd_node *gd__node_seq(void);
gd_node *gd__node_dup(const gd_node *n); /* n not NULL */
int gd__node_set(gd_node *map, const char *key, gd_node *val);
int gd__node_set_str(gd_node *map, const char *key, const char *s, int plain);
int gd__node_push(gd_node *seq, gd_node *val);
int gd__node_insert(gd_node *seq, size_t at, gd_node *val);

/* The lists of a gd_ref_view, made from r into the buffers given (any may
 * be NULL), phones in E.164 form for region; see gendan/refs.h.
 * (lib/refs.c) */
#include "gendan/record.h"
void gd__ref_lists(const gd_record *r, const char *region, gd__buf *emails,
		   gd__buf *phones, gd__buf *texts);
/* The order of a loaded ledger: by kind, then id, then path. (lib/util.c) */
int gd__record_order(int kx, const char *idx, const char *px, int ky,
		     const char *idy, const char *py);
/* Add s, when not NULL or empty, to a list of strings. (lib/util.c) */
void gd__list_add(gd__buf *list, const char *s);
/* Add s gd_text_fold()ed, or a phone number in E.164 form for region, the
 * same way.  (lib/refs.c) */
void gd__list_add_folded(gd__buf *list, const char *s);
void gd__list_add_phone(gd__buf *list, const char *phone, const char *region);
/* How many digits s has, when it holds only digits (full-width ones too)
 * and what people write between them (" +-().", full-width), else -1.
 * (lib/refs.c) */
int gd__phone_digit_count(const char *s);
/* The digits of a phone number as given (full-width ones folded, 00 and
 * "(0)" as gd_phone_e164 takes them), without '+' or a region's code.
 * (lib/refs.c) */
char *gd__phone_given_digits(const char *s);

/* The keys the duplicate check compares (see gendan/dup.h): "e:" email,
 * "d:" email domain (not a free-mail one), "p:" phone in E.164 form (6
 * digits or more),
 * "n:" normalised company name, each added to a list of strings; none for
 * an order.  Two records are compared alike when they share a key.
 * (lib/dup.c) */
#include "gendan/config.h"
#include "gendan/dup.h"
void gd__dup_probe_keys(gd__buf *list, const gd_config *cfg,
			const gd_dup_probe *probe);
void gd__dup_keys(gd__buf *list, const gd_config *cfg, const gd_record *r);

#endif
