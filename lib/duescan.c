/*
 * duescan.c - gendan due over the whole ledger without loading it.
 *
 * `due` needs little of each record: its kind, id, name, owner and grade,
 * and its pending items with their dates.  .git/gendan-due keeps exactly
 * that for every record file, with the file's stat data (mtime to the
 * nanosecond, size, inode), keyed by a hash of gendan.yaml, the time zone
 * and the translation in use.  An unchanged file's items come from there;
 * a new or changed file is read, validated and summarised, and its tree
 * freed at once, so memory stays small whatever the size of the ledger.
 * Nothing kept depends on the day: a stage keeps its plan, internal-by
 * and ship-by, and its lateness is worded when listed; a customer without
 * `created` (due on the day it is looked at) is marked volatile and read
 * again by every run.  A record that is invalid keeps its one-line error
 * there, so it is named again without being parsed again.  The file is
 * never trusted blindly: a wrong magic or key, a checksum that does not
 * match, or any entry that does not decode whole makes it ignored.
 *
 * Files to read are shared between two threads: parsing is the cold
 * path's whole cost, and this machine class has two cores.
 */
#include <endian.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gendan/due.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/ledger.h"
#include "internal.h"

#define MAGIC "GDDUE001"
#define NOSTR 0xffffffffu
#define THREAD_MIN 256 /* fewer files to read: not worth a thread */

enum { SUM_BAD = 1, SUM_VOLATILE = 2 };

/*
 * One record file's summary, as much as the walk and the filters need.
 * Its strings point into `raw`, the entry's serialized bytes, in the cache
 * file's buffer or in a blob of this run; `raw` is also what the next
 * cache file gets.  The rest (name, items, error) is read from raw only
 * for the records listed.
 */
struct sum {
	const unsigned char *raw;
	const unsigned char *stat;  /* the 32 bytes of stat data in raw */
	const char *path, *id, *owner, *grade;
	uint32_t rawlen;
	unsigned char flags, kind, dropped;
};

/* The rest of an entry. */
struct body {
	const char *name, *msg;
	int64_t received;
	const unsigned char *items; /* serialized items */
	size_t itemslen, nitems;
};

struct slot {
	uint32_t hash;            /* of the path */
	uint32_t idx;             /* index + 1 into old, 0 empty */
};

struct gd_due_scan {
	void *cache;              /* the cache file, mapped */
	size_t cachelen;
	struct sum *old;          /* its entries */
	size_t nold;
	struct slot *slots;       /* open addressing over old */
	size_t nslots;
	struct sum *fresh;        /* entries made by this run */
	size_t nfresh;
	unsigned char **blobs;    /* their raw bytes */
	struct sum **sums;        /* this run's records: old or fresh */
	size_t n;
};

/* --- the serialized entry ------------------------------------------------ */

/* A string: 4-byte length (NOSTR for none), bytes, NUL.  (A NUL inside
 * would only make it shorter.) */
static const char *get_str(gd__rd *r)
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

static void put_str(gd__buf *b, const char *s)
{
	if (!s) {
		gd__buf_num(b, NOSTR, 4);
		return;
	}
	gd__buf_num(b, strlen(s), 4);
	gd__buf_add(b, s, strlen(s) + 1);
}

/* Decode one entry at r into s (and the rest into body, when not NULL);
 * 0, or -1 when it is not well formed. */
static int decode(struct sum *s, struct body *body, gd__rd *r)
{
	struct body scratch;
	const char *detail;
	size_t plen, i;
	gd__rd items;
	uint64_t kind;

	if (!body)
		body = &scratch;
	memset(s, 0, sizeof(*s));
	memset(body, 0, sizeof(*body));
	s->raw = r->p;
	plen = (size_t)gd__rd_num(r, 2);
	if (r->bad || (size_t)(r->end - r->p) < plen + 1 || r->p[plen] != '\0')
		return -1;
	s->path = (const char *)r->p;
	r->p += plen + 1;
	s->stat = r->p;
	gd__rd_num(r, 8);
	gd__rd_num(r, 8);
	gd__rd_num(r, 8);
	gd__rd_num(r, 8);
	s->flags = (unsigned char)gd__rd_num(r, 1);
	if (s->flags & SUM_BAD) {
		if (!(body->msg = get_str(r)))
			return -1;
	} else {
		kind = gd__rd_num(r, 1);
		if (kind >= GD_NKINDS || !(s->id = get_str(r)))
			return -1;
		s->kind = (unsigned char)kind;
		body->name = get_str(r);
		s->owner = get_str(r);
		s->grade = get_str(r);
		body->received = (int64_t)gd__rd_num(r, 8);
		body->nitems = (size_t)gd__rd_num(r, 2);
		/* walk the items once, so a later decode cannot fail */
		items = *r;
		for (i = 0; i < body->nitems && !r->bad; i++) {
			uint64_t reason = gd__rd_num(r, 1);
			if (reason > GD_DUE_PAYMENT)
				r->bad = 1;
			gd__rd_num(r, 4);
			/* detail and explain, then in the user's language or none */
			detail = get_str(r);
			if (!detail || !get_str(r))
				r->bad = 1;
			get_str(r);
			get_str(r);
			/* a stage: its plan, internal-by and ship-by */
			if (reason == GD_DUE_STAGE && !gd__rd_take(r, 13))
				r->bad = 1;
		}
		body->items = items.p;
		body->itemslen = (size_t)(r->p - items.p);
	}
	if (r->bad || s->flags > (SUM_BAD | SUM_VOLATILE) ||
	    (size_t)(r->p - s->raw) > UINT32_MAX)
		return -1;
	s->rawlen = (uint32_t)(r->p - s->raw);
	return 0;
}

/* The rest of an entry that decoded once already. */
static void decode_body(const struct sum *s, struct body *body)
{
	struct sum again;
	gd__rd r = {s->raw, s->raw + s->rawlen, 0};

	decode(&again, body, &r);
}

static void encode_stat(unsigned char out[32], const struct stat *st)
{
	uint64_t v[4] = {(uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
			 (uint64_t)st->st_size, (uint64_t)st->st_ino};
	int i, k;

	for (k = 0; k < 4; k++)
		for (i = 0; i < 8; i++)
			out[8 * k + i] = (unsigned char)((v[k] >> (8 * i)) & 0xff);
}

static void encode_head(gd__buf *b, const char *path, const unsigned char st[32],
			unsigned flags)
{
	gd__buf_num(b, strlen(path), 2);
	gd__buf_add(b, path, strlen(path) + 1);
	gd__buf_add(b, (const char *)st, 32);
	gd__buf_num(b, flags, 1);
}

/* --- the cache file -------------------------------------------------------- */

/*
 * The file ends with a checksum of everything before it, as git's index
 * does: a summary damaged on disk would otherwise list wrong dates with
 * the stat data still matching.  A multiply-xor over 8-byte words: it
 * costs a few milliseconds for 100k records, where a byte-wise hash
 * would cost tens.
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

/*
 * Due dates are local dates: the summary holds for one configuration and
 * one time zone.  The zone is TZ when set, else /etc/localtime's bytes.
 */
static uint64_t cache_key(uint64_t config_hash, const char *language)
{
	const char *tz = getenv("TZ");
	char *buf = NULL;
	size_t len = 0;
	uint64_t key;

	if (!tz && gd__read_file(&buf, &len, "/etc/localtime", (size_t)1 << 20) < 0)
		len = 0;
	key = gd_fnv1a(tz ? tz : buf ? buf : "", tz ? strlen(tz) : len);
	free(buf);
	key = key << 32 | gd_fnv1a(language, strlen(language));
	return key ^ config_hash;
}

/*
 * The translation in use: its catalog's header (language, revision), ""
 * in English.  Detail, explain and errors are kept in English and, when
 * translated, in this language too; another one rebuilds the summary.
 */
static const char *language(void)
{
	return _("");
}

static void forget_cache(gd_due_scan *sc)
{
	if (sc->cache)
		munmap(sc->cache, sc->cachelen);
	free(sc->old);
	free(sc->slots);
	sc->cache = NULL;
	sc->old = NULL;
	sc->slots = NULL;
	sc->nold = sc->nslots = 0;
}

/* The slot of path (hashed h) in the cache's table: its entry's, or the
 * empty one where it would go. */
static struct slot *slot_of(const gd_due_scan *sc, const char *path, uint32_t h)
{
	size_t s;

	for (s = h % sc->nslots; sc->slots[s].idx; s = (s + 1) % sc->nslots)
		if (sc->slots[s].hash == h &&
		    !strcmp(sc->old[sc->slots[s].idx - 1].path, path))
			break;
	return &sc->slots[s];
}

/* Map the cache file and index it; on any doubt, forget it. */
static void read_cache(gd_due_scan *sc, const char *file, uint64_t config_hash)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	struct check sum = {0};
	uint64_t want;
	struct stat st;
	size_t count, i;
	gd__rd r;

	if (fd < 0)
		return;
	if (fstat(fd, &st) < 0 || st.st_size < 28 || st.st_size > ((off_t)1 << 31)) {
		close(fd);
		return;
	}
	sc->cachelen = (size_t)st.st_size;
	sc->cache = mmap(NULL, sc->cachelen, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (sc->cache == MAP_FAILED) {
		sc->cache = NULL;
		return;
	}
	r.p = sc->cache;
	r.end = r.p + sc->cachelen - 8;
	r.bad = 0;
	if (memcmp(r.p, MAGIC, 8))
		goto bad;
	check_add(&sum, r.p, sc->cachelen - 8);
	memcpy(&want, r.end, 8);
	if (check_end(&sum) != le64toh(want))
		goto bad;
	r.p += 8;
	if (gd__rd_num(&r, 8) != config_hash)
		goto bad;
	count = (size_t)gd__rd_num(&r, 4);
	if (count > sc->cachelen / 40)
		goto bad;
	sc->old = gd__xcalloc(count + 1, sizeof(*sc->old));
	sc->nslots = count * 2 + 1;
	sc->slots = gd__xcalloc(sc->nslots, sizeof(*sc->slots));
	for (i = 0; i < count; i++) {
		struct slot *slot;
		uint32_t h;
		if (decode(&sc->old[i], NULL, &r) < 0)
			goto bad;
		h = gd_fnv1a(sc->old[i].path, strlen(sc->old[i].path));
		if ((slot = slot_of(sc, sc->old[i].path, h))->idx)
			goto bad; /* the same path twice */
		slot->hash = h;
		slot->idx = (uint32_t)(i + 1);
	}
	if (r.p != r.end)
		goto bad;
	sc->nold = count;
	return;
bad:
	forget_cache(sc);
}

static struct sum *cached(const gd_due_scan *sc, const char *path)
{
	const struct slot *slot;

	if (!sc->nslots)
		return NULL;
	slot = slot_of(sc, path, gd_fnv1a(path, strlen(path)));
	return slot->idx ? &sc->old[slot->idx - 1] : NULL;
}

/* Replace the cache file; one that cannot be written only costs time. */
static void write_cache(const gd_due_scan *sc, const char *file, uint64_t config_hash)
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
	gd__buf_add(&head, MAGIC, 8);
	gd__buf_num(&head, config_hash, 8);
	gd__buf_num(&head, sc->n, 4);
	ok = fwrite(head.buf, 1, head.len, f) == head.len;
	check_add(&sum, head.buf, head.len);
	for (i = 0; ok && i < sc->n; i++) {
		ok = fwrite(sc->sums[i]->raw, 1, sc->sums[i]->rawlen, f) ==
		     sc->sums[i]->rawlen;
		check_add(&sum, sc->sums[i]->raw, sc->sums[i]->rawlen);
	}
	end = htole64(check_end(&sum));
	ok = ok && fwrite(&end, 1, 8, f) == 8;
	/* a summary that cannot be written only costs the next run time */
	if (fclose(f) != 0 || !ok || rename(tmp, file) != 0)
		(void)unlink(tmp);
	gd__buf_free(&head);
	free(tmp);
}

/* --- reading record files ----------------------------------------------- */

struct todo {
	char *path;
	unsigned char st[32]; /* encode_stat() of the file as walked */
	unsigned char *raw; /* the summary made from the file */
	size_t rawlen;
	char *msg;
};

struct job {
	gd_ledger *l;
	gd_date today;
	int local;             /* also in the user's language */
	struct todo *todo;
	size_t n, first, step;
};

/* Does the record's due text depend on the day it is computed?  (A
 * customer without `created` is due on the day it is looked at.  A late
 * stage's words are added when listed, from what the summary keeps.) */
static int is_volatile(const gd_record *r)
{
	return r->kind == GD_CUSTOMER && !gd_node_str(r->root, "created");
}

/* A day before any record: computed "on" it, no stage is late yet. */
#define BEFORE_ALL ((gd_date)-1000000000)

static void summarise(struct todo *t, gd_ledger *l, gd_date today, int local)
{
	gd__buf b = {0};
	char *raw;
	gd_record *r = NULL;
	gd_due_item *items = NULL, *litems = NULL;
	size_t n = 0, ln = 0, i;
	int err, vol;

	if ((err = gd_ledger_read(l, &r, t->path)) < 0) {
		if (err != GD_EINVALID) {
			/* not the record's fault (I/O, vanished): say it, keep nothing */
			t->msg = gd__xstrdup(gd_error_last());
			return;
		}
		encode_head(&b, t->path, t->st, SUM_BAD);
		put_str(&b, gd_error_last());
		goto done;
	}
	vol = is_volatile(r);
	gd_due_record(&items, &n, r, l->cfg, vol ? today : BEFORE_ALL);
	if (local)
		gd_due_record_local(&litems, &ln, r, l->cfg, vol ? today : BEFORE_ALL);
	encode_head(&b, t->path, t->st, vol ? SUM_VOLATILE : 0);
	gd__buf_num(&b, (uint64_t)r->kind, 1);
	put_str(&b, r->id);
	put_str(&b, gd_record_name(r));
	put_str(&b, gd_record_owner(r));
	put_str(&b, gd_record_grade(r));
	gd__buf_num(&b, (uint64_t)gd_due_received(r), 8);
	gd__buf_num(&b, n, 2);
	for (i = 0; i < n; i++) {
		gd__buf_num(&b, (uint64_t)items[i].reason, 1);
		gd__buf_num(&b, (uint64_t)(uint32_t)items[i].due, 4);
		put_str(&b, items[i].detail);
		put_str(&b, items[i].explain);
		put_str(&b, ln == n ? litems[i].detail : NULL);
		put_str(&b, ln == n ? litems[i].explain : NULL);
		if (items[i].reason == GD_DUE_STAGE) {
			const gd_due_stage_at *at = &items[i].stage;
			gd__buf_num(&b, (uint64_t)(uint32_t)at->plan, 4);
			gd__buf_num(&b, (uint64_t)((at->has_internal ? 1 : 0) | (at->has_shipby ? 2 : 0)), 1);
			gd__buf_num(&b, (uint64_t)(uint32_t)at->internal, 4);
			gd__buf_num(&b, (uint64_t)(uint32_t)at->shipby, 4);
		}
	}
	gd_due_items_free(items, n);
	gd_due_items_free(litems, ln);
	gd_record_free(r);
done:
	raw = gd__buf_detach(&b, &t->rawlen);
	/* kept to the end of the run: no slack */
	t->raw = gd__xrealloc(raw, t->rawlen + 1);
}

static void *run_job(void *arg)
{
	struct job *j = arg;
	size_t i;

	for (i = j->first; i < j->n; i += j->step)
		summarise(&j->todo[i], j->l, j->today, j->local);
	return NULL;
}

/* Read every file of todo, on two threads when there are many. */
static void read_all(gd_ledger *l, gd_date today, int local, struct todo *todo,
		     size_t n)
{
	struct job one = {l, today, local, todo, n, 0, 2};
	struct job two = {l, today, local, todo, n, 1, 2};
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
	gd_due_scan *sc;            /* its cache is only read */
	const char *root;
	unsigned id;
	struct sum **hits;          /* unchanged entries of the cache */
	size_t nhits, caphits;
	struct todo *todo;          /* files to read */
	size_t ntodo, captodo;
	char **problems;            /* to report from the main thread */
	size_t nproblems;
	size_t used;                /* cache entries still true */
	int changed;
};

static void found(void *ctx, const char *rel, const struct stat *st)
{
	struct part *p = ctx;
	struct sum *s = cached(p->sc, rel);
	unsigned char sb[32];

	encode_stat(sb, st);
	if (s && !memcmp(s->stat, sb, sizeof(sb))) {
		p->used++;
		if (!(s->flags & SUM_VOLATILE)) {
			if (p->nhits == p->caphits) {
				p->caphits = p->caphits ? p->caphits * 2 : 1024;
				p->hits = gd__xrealloc(p->hits, p->caphits * sizeof(*p->hits));
			}
			p->hits[p->nhits++] = s;
			return;
		}
		/* unchanged, but its items are today's: read it again */
	} else {
		p->changed = 1;
	}
	if (p->ntodo == p->captodo) {
		p->captodo = p->captodo ? p->captodo * 2 : 256;
		p->todo = gd__xrealloc(p->todo, p->captodo * sizeof(*p->todo));
	}
	memset(&p->todo[p->ntodo], 0, sizeof(*p->todo));
	p->todo[p->ntodo].path = gd__xstrdup(rel);
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

	gd__walk_records(p->root, p->id, 2, found, problem, p);
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
	gd_ledger *l;
	gd_bad_fn bad;
	void *ctx;
};

static void report(const struct report *rep, const char *message)
{
	rep->l->nbad++;
	if (rep->bad)
		rep->bad(rep->ctx, message);
}

static int sum_cmp(const void *a, const void *b)
{
	const struct sum *x = *(const struct sum *const *)a;
	const struct sum *y = *(const struct sum *const *)b;
	int c;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if ((c = strcmp(x->id, y->id)))
		return c;
	return strcmp(x->path, y->path);
}

/* Is the record at kind/shard/id.yaml, where gendan writes it? */
static int in_place(const struct sum *x)
{
	const char *dir = gd_kind_dir((gd_kind)x->kind), *p = x->path;
	size_t dlen = strlen(dir), ilen = strlen(x->id);
	char shard[3];

	gd_shard(shard, x->id);
	return !strncmp(p, dir, dlen) && p[dlen] == '/' &&
	       !strncmp(p + dlen + 1, shard, 2) && p[dlen + 3] == '/' &&
	       !strncmp(p + dlen + 4, x->id, ilen) &&
	       !strcmp(p + dlen + 4 + ilen, ".yaml");
}

/* The same id twice (two shards): keep the first path, name the others,
 * as gd_ledger_load() does.  Two records in place cannot share an id (the
 * id is the file name), so only a ledger with a misplaced file is looked
 * at, and only ids seen twice are sorted. */
static void drop_duplicates(gd_due_scan *sc, const struct report *rep)
{
	size_t nslots, i, s, ndup = 0;
	size_t *slots;
	struct sum **dups = NULL, *first = NULL;

	for (i = 0; i < sc->n; i++)
		if (!(sc->sums[i]->flags & SUM_BAD) && !in_place(sc->sums[i]))
			break;
	if (i == sc->n)
		return;
	nslots = sc->n * 2 + 1;
	slots = gd__xcalloc(nslots, sizeof(*slots));

	for (i = 0; i < sc->n; i++) {
		struct sum *x = sc->sums[i];
		if (x->flags & SUM_BAD)
			continue;
		for (s = gd_fnv1a(x->id, strlen(x->id)) % nslots; slots[s];
		     s = (s + 1) % nslots) {
			const struct sum *y = sc->sums[slots[s] - 1];
			if (y->kind == x->kind && !strcmp(y->id, x->id))
				break;
		}
		if (!slots[s]) {
			slots[s] = i + 1;
			continue;
		}
		dups = gd__xrealloc(dups, (ndup + 2) * sizeof(*dups));
		dups[ndup++] = x;
		dups[ndup++] = sc->sums[slots[s] - 1];
	}
	if (ndup)
		qsort(dups, ndup, sizeof(*dups), sum_cmp);
	/* paths are unique, so the same entry twice sorts side by side */
	for (i = 0; i < ndup; i++) {
		struct sum *x = dups[i];
		char *m;
		if (i && x == dups[i - 1])
			continue;
		if (!first || first->kind != x->kind || strcmp(first->id, x->id)) {
			first = x;
			continue;
		}
		x->dropped = 1;
		m = gd__xasprintf(_("%s: duplicate id '%s' (also %s)"), x->path,
				  x->id, first->path);
		report(rep, m);
		free(m);
	}
	free(dups);
	free(slots);
}

static void push_items(gd_due_item **items, size_t *n, size_t *cap,
		       const struct sum *s, gd_date today, int local)
{
	const char *detail, *explain, *ldetail, *lexplain;
	char *late;
	int local_text;
	struct body b;
	gd__rd r;
	size_t i;

	decode_body(s, &b);
	r = (gd__rd){b.items, b.items + b.itemslen, 0};
	for (i = 0; i < b.nitems; i++) {
		gd_due_item *it;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*items = gd__xrealloc(*items, *cap * sizeof(**items));
		}
		it = &(*items)[(*n)++];
		memset(it, 0, sizeof(*it));
		it->kind = (gd_kind)s->kind;
		it->id = s->id;
		it->path = s->path;
		it->name = b.name;
		it->owner = s->owner;
		it->grade = s->grade;
		it->received = b.received;
		it->reason = (gd_due_reason)gd__rd_num(&r, 1);
		it->due = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
		it->days_late = gd_date_diff(today, it->due);
		detail = get_str(&r);
		explain = get_str(&r);
		ldetail = get_str(&r);
		lexplain = get_str(&r);
		local_text = local && ldetail && lexplain;
		it->explain = gd__xstrdup(local_text ? lexplain : explain);
		late = NULL;
		if (it->reason == GD_DUE_STAGE) {
			unsigned has;
			it->stage.plan = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			has = (unsigned)gd__rd_num(&r, 1);
			it->stage.has_internal = (has & 1) != 0;
			it->stage.has_shipby = (has & 2) != 0;
			it->stage.internal = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			it->stage.shipby = (gd_date)(int32_t)(uint32_t)gd__rd_num(&r, 4);
			late = gd_due_stage_late(&it->stage,
						 gd_date_diff(today, it->stage.plan),
						 local_text);
		}
		it->detail = gd__xasprintf("%s%s", local_text ? ldetail : detail,
					   late ? late : "");
		free(late);
	}
}

/* Gather the walk's parts and the files read into sc->sums. */
static int gather(gd_due_scan *sc, struct part parts[2], struct todo *todo,
		  size_t ntodo, const struct report *rep)
{
	int changed = parts[0].changed || parts[1].changed;
	size_t i, k;

	sc->sums = gd__xcalloc(parts[0].nhits + parts[1].nhits + ntodo + 1,
			       sizeof(*sc->sums));
	sc->fresh = gd__xcalloc(ntodo + 1, sizeof(*sc->fresh));
	sc->blobs = gd__xcalloc(ntodo + 1, sizeof(*sc->blobs));
	for (k = 0; k < 2; k++) {
		for (i = 0; i < parts[k].nproblems; i++) {
			report(rep, parts[k].problems[i]);
			free(parts[k].problems[i]);
		}
		free(parts[k].problems);
		for (i = 0; i < parts[k].nhits; i++)
			sc->sums[sc->n++] = parts[k].hits[i];
		free(parts[k].hits);
	}
	for (i = 0; i < ntodo; i++) {
		struct todo *t = &todo[i];
		gd__rd r = {t->raw, t->raw + t->rawlen, 0};
		if (t->msg) {
			changed = 1;
			report(rep, t->msg);
		} else if (t->raw) {
			sc->blobs[sc->nfresh] = t->raw;
			/* decode(encode(x)) cannot fail, but trust nothing */
			if (decode(&sc->fresh[sc->nfresh], NULL, &r) == 0)
				sc->sums[sc->n++] = &sc->fresh[sc->nfresh];
			sc->nfresh++;
		}
		free(t->msg);
		free(t->path);
	}
	return changed;
}

int gd_ledger_due(gd_ledger *l, gd_due_item **out, size_t *nout,
		  gd_due_scan **keep, gd_date today, const gd_due_filter *f,
		  gd_bad_fn bad, void *ctx)
{
	gd_due_scan *sc = gd__xcalloc(1, sizeof(*sc));
	char *file = gd__xasprintf("%sgendan-due", gd_store_gitdir(l->store));
	const char *lang = language();
	uint64_t key = cache_key(l->config_hash, lang);
	struct report rep = {l, bad, ctx};
	struct part parts[2];
	struct todo *todo;
	gd_due_item *items = NULL;
	size_t i, n = 0, cap = 0, ntodo;
	int changed;

	memset(parts, 0, sizeof(parts));
	read_cache(sc, file, key);
	for (i = 0; i < 2; i++) {
		parts[i].sc = sc;
		parts[i].root = l->root;
		parts[i].id = (unsigned)i;
	}
	walk(parts);
	/* one list of files to read, shared out again between two threads */
	ntodo = parts[0].ntodo + parts[1].ntodo;
	todo = gd__xrealloc(parts[0].todo, (ntodo + 1) * sizeof(*todo));
	if (parts[1].ntodo)
		memcpy(todo + parts[0].ntodo, parts[1].todo,
		       parts[1].ntodo * sizeof(*todo));
	free(parts[1].todo);
	read_all(l, today, *lang != '\0', todo, ntodo);
	changed = gather(sc, parts, todo, ntodo, &rep);
	free(todo);
	if (changed || parts[0].used + parts[1].used != sc->nold)
		write_cache(sc, file, key);
	free(file);
	drop_duplicates(sc, &rep);
	for (i = 0; i < sc->n; i++) {
		const struct sum *s = sc->sums[i];
		struct body b;
		if (s->flags & SUM_BAD) {
			decode_body(s, &b);
			report(&rep, b.msg);
		} else if (!s->dropped && gd_due_match((gd_kind)s->kind, s->owner,
						       s->grade, f)) {
			push_items(&items, &n, &cap, s, today, f->local);
		}
	}
	gd_due_finish(items, &n, l->cfg, f);
	*out = items;
	*nout = n;
	*keep = sc;
	return 0;
}

void gd_due_scan_free(gd_due_scan *sc)
{
	size_t i;

	if (!sc)
		return;
	for (i = 0; i < sc->nfresh; i++)
		free(sc->blobs[i]);
	free(sc->blobs);
	free(sc->fresh);
	free(sc->sums);
	forget_cache(sc);
	free(sc);
}
