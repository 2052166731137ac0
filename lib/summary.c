/*
 * summary.c - per-file summaries of the ledger under .git (see summary.h).
 *
 * An entry is: the path (2-byte length, bytes, NUL), GD__STAT_LEN bytes of
 * stat data (mtime and ctime to the nanosecond, size, inode), a flags
 * byte; then for a bad record its error, else the kind (1
 * byte), the id and the type's body (4-byte length, bytes).  The file is
 * the magic, the key (8 bytes), the count (4 bytes), how many entries the
 * first walking thread met (4 bytes), the entries in the order the walk
 * met them, and a checksum of all that.
 *
 * The walk that stats every file runs on two threads, as git preloads its
 * index; so does the reading of changed files, the cold path's whole cost.
 */
#include <endian.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "gendan/error.h"
#include "gendan/ids.h"
#include "summary.h"

#define NOSTR 0xffffffffu
#define THREAD_MIN 256 /* fewer files to read: not worth a thread */

/* --- strings ------------------------------------------------------------ */

const char *gd__sum_get_str(gd__rd *r)
{
	uint64_t len = gd__rd_num(r, 4);
	const unsigned char *s = r->p;

	if (r->bad || len == NOSTR)
		return NULL;
	if ((uint64_t)(r->end - r->p) < len + 1 || s[len] != '\0') {
		r->bad = 1;
		return NULL;
	}
	r->p += len + 1;
	return (const char *)s;
}

const char *gd__sum_get_list(gd__rd *r)
{
	const unsigned char *start = r->p;
	const char *s = gd__sum_get_str(r);

	/* the last string of a list ends where the list does */
	if (!s || (r->p - start > 5 && r->p[-2] != '\0'))
		r->bad = 1;
	return r->bad ? NULL : s;
}

void gd__sum_put_str(gd__buf *b, const char *s)
{
	if (!s) {
		gd__buf_num(b, NOSTR, 4);
		return;
	}
	gd__buf_num(b, strlen(s), 4);
	gd__buf_add(b, s, strlen(s) + 1);
}

void gd__sum_put_list(gd__buf *b, const gd__buf *list)
{
	gd__buf_num(b, list->len, 4);
	if (list->len)
		gd__buf_add(b, list->buf, list->len);
	gd__buf_add(b, "", 1);
}

/* --- entries ------------------------------------------------------------ */

/* Decode one entry at r into s; 0, or -1 when it is not well formed. */
static int decode(struct gd__sum *s, const struct gd__sum_type *type, gd__rd *r)
{
	size_t plen;
	uint64_t kind, blen;
	gd__rd body;

	memset(s, 0, sizeof(*s));
	s->raw = r->p;
	plen = (size_t)gd__rd_num(r, 2);
	if (r->bad || (size_t)(r->end - r->p) < plen + 1 || r->p[plen] != '\0')
		return -1;
	s->path = (const char *)r->p;
	r->p += plen + 1;
	s->stat = gd__rd_take(r, GD__STAT_LEN);
	s->flags = (unsigned char)gd__rd_num(r, 1);
	if (s->flags & GD__SUM_BAD) {
		if (!(s->msg = gd__sum_get_str(r)))
			return -1;
	} else {
		kind = gd__rd_num(r, 1);
		if (kind >= GD_NKINDS || !(s->id = gd__sum_get_str(r)))
			return -1;
		s->kind = (unsigned char)kind;
		blen = gd__rd_num(r, 4);
		s->body = gd__rd_take(r, (size_t)blen);
		if (r->bad)
			return -1;
		s->bodylen = (uint32_t)blen;
		body = gd__sum_body(s);
		/* walked once here, so a later decode of the body cannot fail */
		if (type->check(&body) < 0 || body.bad || body.p != body.end)
			return -1;
	}
	if (r->bad || s->flags > (GD__SUM_BAD | GD__SUM_VOLATILE) ||
	    (size_t)(r->p - s->raw) > UINT32_MAX)
		return -1;
	s->rawlen = (uint32_t)(r->p - s->raw);
	return 0;
}

static void encode_head(gd__buf *b, const char *path, const unsigned char st[GD__STAT_LEN],
			unsigned flags)
{
	gd__buf_num(b, strlen(path), 2);
	gd__buf_add(b, path, strlen(path) + 1);
	gd__buf_add(b, (const char *)st, GD__STAT_LEN);
	gd__buf_num(b, flags, 1);
}

/* --- the summary file ----------------------------------------------------- */

/*
 * The file ends with a checksum of everything before it, as git's index
 * does: a summary damaged on disk would otherwise be believed with the
 * stat data still matching.  A multiply-xor over 8-byte words: it costs a
 * few milliseconds for 100k records, where a byte-wise hash would cost
 * tens.
 */
struct check {
	uint64_t h, len;
	unsigned char pend[8];
	size_t npend;
};

static void check_word(struct check *c, const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	c->h = (c->h ^ le64toh(w)) * 0x9e3779b97f4a7c15ull;
	c->h ^= c->h >> 29;
}

static void check_add(struct check *c, const void *data, size_t n)
{
	const unsigned char *p = data;

	c->len += n;
	while (n && c->npend) {
		c->pend[c->npend++] = *p++;
		n--;
		if (c->npend == 8) {
			check_word(c, c->pend);
			c->npend = 0;
		}
	}
	for (; n >= 8; p += 8, n -= 8)
		check_word(c, p);
	memcpy(c->pend, p, n);
	c->npend = n;
}

static uint64_t check_end(struct check *c)
{
	unsigned char last[8] = {0};
	uint64_t len = htole64(c->len);

	memcpy(last, c->pend, c->npend);
	check_word(c, last);
	check_word(c, (const unsigned char *)&len);
	return c->h;
}

const char *gd__sum_language(void)
{
	return _("");
}

/*
 * Dates are local dates: a summary holds for one configuration and one
 * time zone.  The zone is TZ when set, else /etc/localtime's bytes.  Text
 * is kept in the language in use, so that is part of the key too.
 */
uint64_t gd__sum_key(uint64_t config_hash)
{
	const char *tz = getenv("TZ"), *lang = gd__sum_language();
	char *buf = NULL;
	size_t len = 0;
	uint64_t key;

	if (!tz && gd__read_file(&buf, &len, "/etc/localtime", (size_t)1 << 20) < 0)
		len = 0;
	key = gd_fnv1a(tz ? tz : buf ? buf : "", tz ? strlen(tz) : len);
	free(buf);
	key = key << 32 | gd_fnv1a(lang, strlen(lang));
	return key ^ config_hash;
}

static void forget_map(gd__sumscan *sc)
{
	if (sc->map)
		munmap(sc->map, sc->maplen);
	free(sc->old);
	gd__hash_free(&sc->index);
	sc->map = NULL;
	sc->old = NULL;
	sc->nold = sc->oldsplit = 0;
}

/* The index in the file of path's entry (hashed h), or -1. */
static ptrdiff_t old_entry(const gd__sumscan *sc, const char *path, uint32_t h)
{
	gd__hash_pos pos = gd__hash_find(&sc->index, h);
	size_t i;

	while (gd__hash_next(&sc->index, &pos, &i))
		if (!strcmp(sc->old[i].path, path))
			return (ptrdiff_t)i;
	return -1;
}

uint64_t gd__sum_checksum(const void *data, size_t len)
{
	struct check sum = {0};

	check_add(&sum, data, len);
	return check_end(&sum);
}

int gd__sum_decode(struct gd__sum **out, size_t *n, size_t *split,
		   const unsigned char *data, size_t len,
		   const struct gd__sum_type *type, uint64_t key)
{
	struct gd__sum *sums = NULL;
	uint64_t want;
	size_t count, i;
	gd__rd r;

	*out = NULL;
	*n = *split = 0;
	if (len < 32 || memcmp(data, type->magic, 8))
		return -1;
	r.p = data;
	r.end = data + len - 8;
	r.bad = 0;
	memcpy(&want, r.end, 8);
	if (gd__sum_checksum(data, len - 8) != le64toh(want))
		return -1;
	r.p += 8;
	if (gd__rd_num(&r, 8) != key)
		return -1;
	count = (size_t)gd__rd_num(&r, 4);
	*split = (size_t)gd__rd_num(&r, 4);
	if (count > len / 40 || *split > count)
		goto bad;
	sums = gd__xcalloc(count + 1, sizeof(*sums));
	for (i = 0; i < count; i++)
		if (decode(&sums[i], type, &r) < 0)
			goto bad;
	if (r.p != r.end)
		goto bad;
	*out = sums;
	*n = count;
	return 0;
bad:
	free(sums);
	*split = 0;
	return -1;
}

/* Map the summary file and decode it; on any doubt, forget it. */
static void read_map(gd__sumscan *sc, const char *file,
		     const struct gd__sum_type *type, uint64_t key)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return;
	if (fstat(fd, &st) < 0 || st.st_size < 32 || st.st_size > ((off_t)1 << 31)) {
		close(fd);
		return;
	}
	sc->maplen = (size_t)st.st_size;
	sc->map = mmap(NULL, sc->maplen, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (sc->map == MAP_FAILED) {
		sc->map = NULL;
		return;
	}
	if (gd__sum_decode(&sc->old, &sc->nold, &sc->oldsplit, sc->map, sc->maplen,
			   type, key) < 0)
		forget_map(sc);
}

/* The table of the file's entries by path, made when a lookup first
 * needs it.  A path found twice keeps its first entry (the second is left
 * unused, so the file is written again). */
static void index_old(gd__sumscan *sc)
{
	size_t i;

	gd__hash_init(&sc->index, sc->nold);
	for (i = 0; i < sc->nold; i++) {
		uint32_t h = gd__hash_str(sc->old[i].path);
		if (old_entry(sc, sc->old[i].path, h) < 0)
			gd__hash_add(&sc->index, h, i);
	}
}

/*
 * The file's entry for path, or NULL.  The walk meets files in the order
 * it met them when the file was written, so the entry after the last one
 * found is tried first (*next); only when that is not it is the table
 * used, made on first need.  Two walking threads share sc: the table is
 * made under its lock and only read after.
 */
static struct gd__sum *cached(gd__sumscan *sc, size_t *next, const char *path)
{
	ptrdiff_t i;

	if (!sc->nold)
		return NULL;
	if (*next < sc->nold && !strcmp(sc->old[*next].path, path))
		return &sc->old[(*next)++];
	pthread_mutex_lock(&sc->lock);
	if (!sc->index.slots)
		index_old(sc);
	pthread_mutex_unlock(&sc->lock);
	if ((i = old_entry(sc, path, gd__hash_str(path))) < 0)
		return NULL;
	*next = (size_t)i + 1;
	return &sc->old[i];
}

/* Replace the summary file; one that cannot be written only costs time. */
static void write_file(const gd__sumscan *sc, const char *file,
		       const struct gd__sum_type *type, uint64_t key)
{
	char *tmp = gd__xasprintf("%s.tmp-%ld", file, (long)getpid());
	gd__buf head = {0};
	FILE *f = fopen(tmp, "we");
	struct check sum = {0};
	uint64_t end;
	size_t i;
	int ok;

	if (!f) {
		free(tmp);
		return;
	}
	gd__buf_add(&head, type->magic, 8);
	gd__buf_num(&head, key, 8);
	gd__buf_num(&head, sc->n, 4);
	gd__buf_num(&head, sc->split, 4);
	ok = fwrite(head.buf, 1, head.len, f) == head.len;
	check_add(&sum, head.buf, head.len);
	for (i = 0; ok && i < sc->n; i++) {
		ok = fwrite(sc->sums[i]->raw, 1, sc->sums[i]->rawlen, f) ==
		     sc->sums[i]->rawlen;
		check_add(&sum, sc->sums[i]->raw, sc->sums[i]->rawlen);
	}
	end = htole64(check_end(&sum));
	ok = ok && fwrite(&end, 1, 8, f) == 8;
	if (fclose(f) != 0 || !ok || rename(tmp, file) != 0)
		(void)unlink(tmp);
	gd__buf_free(&head);
	free(tmp);
}

/* --- reading record files ----------------------------------------------- */

struct todo {
	char *path;
	unsigned char st[GD__STAT_LEN]; /* gd__stat_bytes() of the file as walked */
	int racy;             /* changed too recently to trust its stat data */
	int again;            /* its entry was volatile: read again */
	unsigned char *raw;   /* the entry made from the file */
	size_t rawlen;
	char *msg;            /* why there is none */
};

struct job {
	const gd__source *src;
	const struct gd__sum_type *type;
	const void *arg;
	struct todo *todo;
	size_t n, first, step;
};

static void summarise(struct todo *t, const gd__source *src,
		      const struct gd__sum_type *type, const void *arg)
{
	gd__buf b = {0}, body = {0};
	gd_record *r = NULL;
	/* a racy entry is read again by the next run too */
	unsigned flags = t->racy ? GD__SUM_VOLATILE : 0;
	char *raw;
	int err;

	if ((err = gd__record_read(&r, src->root, src->cfg, t->path)) < 0) {
		if (err != GD_EINVALID) {
			/* not the record's fault (I/O, vanished): say it, keep nothing */
			t->msg = gd__xstrdup(gd_error_last());
			free(t->path);
			t->path = NULL;
			return;
		}
		encode_head(&b, t->path, t->st, GD__SUM_BAD | flags);
		gd__sum_put_str(&b, gd_error_last());
	} else {
		flags |= type->encode(&body, r, src->cfg, arg) & GD__SUM_VOLATILE;
		encode_head(&b, t->path, t->st, flags);
		gd__buf_num(&b, (uint64_t)r->kind, 1);
		gd__sum_put_str(&b, r->id);
		gd__buf_num(&b, body.len, 4);
		if (body.len)
			gd__buf_add(&b, body.buf, body.len);
		gd__buf_free(&body);
		gd_record_free(r);
	}
	/* the entry holds the path now: a cold scan of 100k files keeps
	 * 100k entries to the end, and nothing more */
	free(t->path);
	t->path = NULL;
	raw = gd__buf_detach(&b, &t->rawlen);
	/* kept to the end of the run: no slack */
	t->raw = gd__xrealloc(raw, t->rawlen + 1);
}

static void *run_job(void *arg)
{
	struct job *j = arg;
	size_t i;

	for (i = j->first; i < j->n; i += j->step)
		summarise(&j->todo[i], j->src, j->type, j->arg);
	return NULL;
}

/* Read every file of todo, on two threads when there are many. */
static void read_all(const gd__source *src, const struct gd__sum_type *type,
		     const void *arg, struct todo *todo, size_t n)
{
	struct job one = {src, type, arg, todo, n, 0, 2};
	struct job two = {src, type, arg, todo, n, 1, 2};
	pthread_t tid;
	int threaded = n >= THREAD_MIN &&
		       pthread_create(&tid, NULL, run_job, &two) == 0;

	run_job(&one);
	if (threaded)
		pthread_join(tid, NULL);
	else
		run_job(&two);
}

/* --- the scan --------------------------------------------------------------- */

/* One part of the walk, on its own thread: nothing shared is written. */
struct part {
	gd__sumscan *sc;            /* its summary file is only read */
	const char *root;
	const gd__walk_top *top;    /* the entries of the kind folders */
	unsigned id;
	struct gd__sum **seq;       /* in walk order: an unchanged entry of
				       the file, or NULL for the next todo */
	size_t nseq, capseq;
	struct todo *todo;          /* files to read */
	size_t ntodo, captodo;
	char **problems;            /* to report from the main thread */
	size_t nproblems;
	size_t used;                /* entries of the file still true */
	size_t next;                /* the entry expected next */
	int changed;
};

static void found(void *ctx, const char *rel, const struct stat *st)
{
	struct part *p = ctx;
	struct gd__sum *s = cached(p->sc, &p->next, rel);
	unsigned char sb[GD__STAT_LEN];
	int hit = 0;

	gd__stat_bytes(sb, st);
	if (s && !memcmp(s->stat, sb, sizeof(sb))) {
		p->used++;
		/* volatile: unchanged, but its entry is today's, or was made too
		 * soon after a change: read it again */
		hit = !(s->flags & GD__SUM_VOLATILE);
	} else {
		p->changed = 1;
	}
	if (p->nseq == p->capseq) {
		p->capseq = p->capseq ? p->capseq * 2 : 1024;
		p->seq = gd__xrealloc(p->seq, p->capseq * sizeof(*p->seq));
	}
	p->seq[p->nseq++] = hit ? s : NULL;
	if (hit)
		return;
	if (p->ntodo == p->captodo) {
		p->captodo = p->captodo ? p->captodo * 2 : 256;
		p->todo = gd__xrealloc(p->todo, p->captodo * sizeof(*p->todo));
	}
	memset(&p->todo[p->ntodo], 0, sizeof(*p->todo));
	p->todo[p->ntodo].path = gd__xstrdup(rel);
	p->todo[p->ntodo].racy = gd__stat_racy(st, &p->sc->since);
	p->todo[p->ntodo].again = s != NULL && !hit;
	memcpy(p->todo[p->ntodo++].st, sb, sizeof(sb));
}

static void problem(void *ctx, const char *message)
{
	struct part *p = ctx;

	p->problems = gd__xrealloc(p->problems, (p->nproblems + 1) * sizeof(*p->problems));
	p->problems[p->nproblems++] = gd__xstrdup(message);
}

static void *walk_part(void *arg)
{
	struct part *p = arg;

	gd__walk_part(p->root, p->top, p->id, 2, found, problem, p);
	return NULL;
}

/* Walk the ledger in two parts, on two threads when it can. */
static void walk(struct part parts[2])
{
	pthread_t tid;
	int threaded = pthread_create(&tid, NULL, walk_part, &parts[1]) == 0;

	walk_part(&parts[0]);
	if (threaded)
		pthread_join(tid, NULL);
	else
		walk_part(&parts[1]);
}

struct report {
	gd__problem_fn bad;
	void *ctx;
};

static void report(const struct report *rep, const char *message)
{
	if (rep->bad)
		rep->bad(rep->ctx, message);
}

static void report_problem(void *ctx, const char *message)
{
	report(ctx, message);
}

int gd__sum_cmp(const void *a, const void *b)
{
	const struct gd__sum *x = *(const struct gd__sum *const *)a;
	const struct gd__sum *y = *(const struct gd__sum *const *)b;

	return gd__record_order(x->kind, x->id, x->path, y->kind, y->id, y->path);
}

/* Ids found twice: as a loaded ledger names them (see gd__ids_twice). */
static void drop_duplicates(gd__sumscan *sc, const struct report *rep)
{
	gd__record_name *v = gd__xcalloc(sc->n + 1, sizeof(*v));
	unsigned char *dropped = gd__xcalloc(sc->n + 1, 1);
	size_t i;

	for (i = 0; i < sc->n; i++) {
		v[i].id = sc->sums[i]->id; /* NULL when bad */
		v[i].path = sc->sums[i]->path;
		v[i].kind = sc->sums[i]->kind;
	}
	if (gd__ids_twice(dropped, v, sc->n, report_problem, (void *)rep))
		for (i = 0; i < sc->n; i++)
			sc->sums[i]->dropped = dropped[i];
	free(dropped);
	free(v);
}

/* One file read: its fresh entry into sc->sums, or its error said. */
static int take_todo(gd__sumscan *sc, const struct gd__sum_type *type,
		     struct todo *t, const struct report *rep)
{
	gd__rd r = {t->raw, t->raw + t->rawlen, 0};
	int changed = 0;

	if (t->msg) {
		changed = 1;
		report(rep, t->msg);
	} else if (t->raw) {
		sc->blobs[sc->nfresh] = t->raw;
		/* decode(encode(x)) cannot fail, but trust nothing */
		if (decode(&sc->fresh[sc->nfresh], type, &r) == 0) {
			sc->sums[sc->n++] = &sc->fresh[sc->nfresh];
			/* no longer racy: the file must say so, or it is read
			 * by every run */
			if (t->again && !(sc->fresh[sc->nfresh].flags & GD__SUM_VOLATILE))
				changed = 1;
		}
		sc->nfresh++;
	}
	free(t->msg);
	return changed;
}

/* Gather the walk's parts and the files read into sc->sums, in the order
 * the walk met them, so the next walk finds each entry where it expects
 * it (see cached()). */
static int gather(gd__sumscan *sc, const struct gd__sum_type *type,
		  struct part parts[2], struct todo *todo, size_t ntodo,
		  const struct report *rep)
{
	int changed = parts[0].changed || parts[1].changed;
	size_t i, k, t = 0;

	sc->sums = gd__xcalloc(parts[0].nseq + parts[1].nseq + 1, sizeof(*sc->sums));
	sc->fresh = gd__xcalloc(ntodo + 1, sizeof(*sc->fresh));
	sc->blobs = gd__xcalloc(ntodo + 1, sizeof(*sc->blobs));
	for (k = 0; k < 2; k++) {
		for (i = 0; i < parts[k].nproblems; i++) {
			report(rep, parts[k].problems[i]);
			free(parts[k].problems[i]);
		}
		free(parts[k].problems);
	}
	for (k = 0; k < 2; k++) {
		for (i = 0; i < parts[k].nseq; i++) {
			if (parts[k].seq[i])
				sc->sums[sc->n++] = parts[k].seq[i];
			else if (t < ntodo && take_todo(sc, type, &todo[t++], rep))
				changed = 1;
		}
		free(parts[k].seq);
		if (k == 0)
			sc->split = sc->n;
	}
	return changed;
}

gd__sumscan *gd__sum_scan(const gd__source *src, const struct gd__sum_type *type,
			  const void *arg, uint64_t key, gd__problem_fn bad,
			  void *ctx)
{
	gd__sumscan *sc = gd__xcalloc(1, sizeof(*sc));
	char *file = gd__xasprintf("%s%s", src->gitdir, type->file);
	struct report rep = {bad, ctx};
	struct part parts[2];
	gd__walk_top top;
	struct todo *todo;
	size_t i, ntodo;
	int changed;

	memset(parts, 0, sizeof(parts));
	pthread_mutex_init(&sc->lock, NULL);
	if (clock_gettime(CLOCK_REALTIME, &sc->since) < 0)
		sc->since.tv_sec = (time_t)INT64_MAX; /* no clock: nothing is trusted */
	read_map(sc, file, type, key);
	/* the kind folders are read once, then shared out: two threads
	 * reading them each could split them differently if one changed */
	gd__walk_top_read(&top, src->root, problem, &parts[0]);
	for (i = 0; i < 2; i++) {
		parts[i].sc = sc;
		parts[i].root = src->root;
		parts[i].top = &top;
		parts[i].id = (unsigned)i;
	}
	/* each part walks its half in the order the file keeps it */
	parts[1].next = sc->oldsplit;
	walk(parts);
	gd__walk_top_free(&top);
	/* one list of files to read, shared out again between two threads */
	ntodo = parts[0].ntodo + parts[1].ntodo;
	todo = gd__xrealloc(parts[0].todo, (ntodo + 1) * sizeof(*todo));
	if (parts[1].ntodo)
		memcpy(todo + parts[0].ntodo, parts[1].todo,
		       parts[1].ntodo * sizeof(*todo));
	free(parts[1].todo);
	read_all(src, type, arg, todo, ntodo);
	changed = gather(sc, type, parts, todo, ntodo, &rep);
	free(todo);
	if (changed || parts[0].used + parts[1].used != sc->nold)
		write_file(sc, file, type, key);
	free(file);
	/* bad records, then ids found twice: as a loaded ledger names them */
	for (i = 0; i < sc->n; i++)
		if (sc->sums[i]->flags & GD__SUM_BAD)
			report(&rep, sc->sums[i]->msg);
	drop_duplicates(sc, &rep);
	return sc;
}

void gd__sum_scan_free(gd__sumscan *sc)
{
	size_t i;

	if (!sc)
		return;
	for (i = 0; i < sc->nfresh; i++)
		free(sc->blobs[i]);
	free(sc->blobs);
	free(sc->fresh);
	free(sc->sums);
	forget_map(sc);
	pthread_mutex_destroy(&sc->lock);
	free(sc);
}
