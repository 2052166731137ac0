/*
 * walk.h - the bottom of the scan stack (lib/walk.c), private to the
 * library: the ledger's record files, found by walking its folders and
 * read one at a time, and the rule for a record id found twice.  It knows
 * the ledger only as a gd__source; see docs/modules.md.
 */
#ifndef GENDAN_WALK_H
#define GENDAN_WALK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "gendan/config.h"
#include "gendan/record.h"

/* The ledger as the layers of the scan stack see it. */
typedef struct {
	const char *root;      /* the work tree */
	const char *gitdir;    /* where the summaries live; ends with '/' */
	const gd_config *cfg;  /* records are validated against it */
	uint64_t config_hash;  /* of gendan.yaml's bytes: keys the summaries */
} gd__source;

typedef void (*gd__problem_fn)(void *ctx, const char *message);

/* Read the record file at relpath (relative to root) and validate it
 * against cfg; GD_EINVALID names the file. */
int gd__record_read(gd_record **out, const char *root, const gd_config *cfg,
		    const char *relpath);

/*
 * Every *.yaml file under the record folders of the ledger at root,
 * skipping hidden entries and trees deeper than 8: file(ctx, rel, st) with
 * its path relative to root and its lstat data, or problem(ctx, message)
 * for a folder that cannot be read or a symbolic link.
 */
typedef void (*gd__walk_file_fn)(void *ctx, const char *rel, const struct stat *st);
void gd__walk_records(const char *root, gd__walk_file_fn file,
		      gd__problem_fn problem, void *ctx);

/*
 * The same walk shared by threads: the entries of the kind folders are
 * read once (gd__walk_top_read, on one thread), then part `part` of
 * `nparts` walks every nparts-th of them (gd__walk_part), so the parts
 * see every entry once even when a folder changes meanwhile.
 */
typedef struct {
	char **rel;         /* "customers/ab", ... in readdir order */
	unsigned char *dir; /* readdir says it is a folder */
	size_t n;
} gd__walk_top;
void gd__walk_top_read(gd__walk_top *top, const char *root,
		       gd__problem_fn problem, void *ctx);
void gd__walk_part(const char *root, const gd__walk_top *top, unsigned part,
		   unsigned nparts, gd__walk_file_fn file,
		   gd__problem_fn problem, void *ctx);
void gd__walk_top_free(gd__walk_top *top);

/* What names a record: a NULL id for a file that is no record. */
typedef struct {
	const char *id, *path;
	int kind;
} gd__record_name;

/*
 * Record ids found twice: files of one kind with one id (at most one of
 * them where gendan keeps it, since the id is the file's name).  Of each
 * such group, the first in the order of a loaded ledger is kept; every
 * other one is marked in dropped[] and named through problem, in that
 * order: "PATH: duplicate id 'ID' (also FIRST)".  The number dropped.
 */
size_t gd__ids_twice(unsigned char *dropped, const gd__record_name *v, size_t n,
		     gd__problem_fn problem, void *ctx);

#endif
