/*
 * summary.h - per-file summaries of the ledger under .git, kept fresh by
 * stat data (lib/summary.c).  Private to the library.
 *
 * `due`, `ls`, `find` and REF lookup each need a little of every record.
 * A summary file keeps that little for every record file, with the
 * file's stat data (mtime and ctime to the nanosecond, size, inode),
 * under a key (the configuration's hash, the time zone, the translation,
 * and what else the summary's type adds).  A scan walks the ledger: an unchanged file is
 * answered from the summary; a new or changed one is read, validated and
 * summarised by the type's encoder, on two threads when there are many.
 * The file is never trusted blindly: a wrong magic or key, a checksum that
 * does not match, or any entry that does not decode whole makes it
 * ignored and rebuilt.
 *
 * In the scan stack (docs/modules.md) it stands on walk.h and knows the
 * ledger only as a gd__source; the summaries' types (lib/listscan.c,
 * lib/duescan.c) stand on it.
 */
#ifndef GENDAN_SUMMARY_H
#define GENDAN_SUMMARY_H

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "gendan/config.h"
#include "gendan/record.h"
#include "hash.h"
#include "internal.h"
#include "walk.h"

enum {
	GD__SUM_BAD = 1,      /* invalid: the entry keeps its error */
	GD__SUM_VOLATILE = 2, /* depends on the day: made again by every run */
};

/* One record file's entry.  Its strings point into the summary file's
 * mapping or into a blob of this run, both owned by the scan. */
struct gd__sum {
	const unsigned char *raw;   /* the whole entry, as the file keeps it */
	const unsigned char *stat;  /* its 32 bytes of stat data */
	const unsigned char *body;  /* the type's part */
	const char *path;
	const char *id;             /* NULL when bad */
	const char *msg;            /* the error, when bad */
	uint32_t rawlen, bodylen;
	unsigned char flags, kind, dropped;
};

struct gd__sum_type {
	const char *magic; /* 8 bytes: the file's format */
	const char *file;  /* its name in the git directory */
	/* Append r's body to b; GD__SUM_VOLATILE when it depends on the day,
	 * else 0.  Runs on two threads at once. */
	unsigned (*encode)(gd__buf *b, const gd_record *r, const gd_config *cfg,
			   const void *arg);
	/* Does the body decode whole, ending exactly at r->end? */
	int (*check)(gd__rd *r);
};

typedef struct gd__sumscan {
	struct gd__sum **sums; /* every record file, in walk order */
	size_t n;
	size_t split;          /* sums[0..split) met by the first thread */
	/* private */
	void *map;
	size_t maplen;
	struct gd__sum *old, *fresh;
	size_t nold, nfresh, oldsplit;
	gd__hash index;            /* old by path, made on first need, under lock */
	pthread_mutex_t lock;
	struct timespec since;     /* when the scan began */
	unsigned char **blobs;
} gd__sumscan;

/*
 * Scan the ledger at src with the summary of `type`, keyed by key (see
 * gd__sum_key).  Bad records, unreadable folders and ids found twice are
 * reported through bad (which may be NULL); a duplicate's entry is marked
 * dropped.  The scan owns every entry; free it with gd__sum_scan_free.
 */
gd__sumscan *gd__sum_scan(const gd__source *src, const struct gd__sum_type *type,
			  const void *arg, uint64_t key, gd__problem_fn bad,
			  void *ctx);
void gd__sum_scan_free(gd__sumscan *sc);

/*
 * The entries of a summary file's bytes, trusting nothing: the magic of
 * type, the checksum, the key, the count, and every entry whole, its body
 * checked by type->check.  *out points into data (free it); split is how
 * many entries the first walking thread met.  0, or -1 when anything is
 * wrong.
 */
int gd__sum_decode(struct gd__sum **out, size_t *n, size_t *split,
		   const unsigned char *data, size_t len,
		   const struct gd__sum_type *type, uint64_t key);

/* The checksum that ends a summary file: of the len bytes before it. */
uint64_t gd__sum_checksum(const void *data, size_t len);

/* A reader over an entry's body. */
static inline gd__rd gd__sum_body(const struct gd__sum *s)
{
	return (gd__rd){s->body, s->body + s->bodylen, 0};
}

/* qsort() order of struct gd__sum pointers: a loaded ledger's. */
int gd__sum_cmp(const void *a, const void *b);

/* The key every summary needs: configuration, time zone, translation. */
uint64_t gd__sum_key(uint64_t config_hash);

/* The translation in use: its catalog's header, "" in English. */
const char *gd__sum_language(void);

/* A string: 4-byte length (0xffffffff for none), the bytes, NUL.  A list
 * of strings is one string holding them NUL-terminated, ended by an empty
 * one (see gd__list_add). */
const char *gd__sum_get_str(gd__rd *r);
const char *gd__sum_get_list(gd__rd *r);
void gd__sum_put_str(gd__buf *b, const char *s);
void gd__sum_put_list(gd__buf *b, const gd__buf *list);

#endif
