/*
 * import.c - bulk add or update from a row table (see gendan/import.h).
 *
 * Each row is checked on its own (values, validation, the duplicate
 * check, ids) and ends added, updated, unchanged or rejected; a rejected
 * row is named "FILE:LINE: column 'COL': why" with the header as the file
 * wrote it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/csv.h"
#include "gendan/dup.h"
#include "gendan/edit.h"
#include "gendan/error.h"
#include "gendan/ids.h"
#include "gendan/import.h"
#include "gendan/roster.h"
#include "gendan/vcard.h"
#include "gendan/xlsx.h"
#include "hash.h"
#include "internal.h"
#include "ledger-private.h"

/* The field at fault in a row: "tier", "from.email", "people[1].name". */
#define FAULT_LEN 64
#define SET_FAULT(fault, f) snprintf((fault), FAULT_LEN, "%s", (f))

/* One import under way. */
struct imp {
	gd_ledger *l;
	const gd_import_opts *o;
	gd_csv *csv;          /* each row dropped once done */
	const char **field;   /* the field of each column, or NULL */
	const char *name;     /* the file, as the user named it */
	gd_dup_index *dups;   /* NULL with --force */
	gd_change *staged;    /* the added records, written out */
	gd_record **added;    /* of the ledger: each trimmed once staged */
	int *added_line;      /* the row each was added by */
	size_t nadded;
	gd__hash added_by;    /* added, by address */
	gd_record **updated;  /* records of the ledger, each once */
	size_t nupdated;
	gd__hash updated_by;  /* updated, by address */
	gd_import_result *res;
	gd__buf rejects;      /* the CSV of the rejected rows */
	size_t errcol;        /* the column of `error` in it */
};

/* The column of kind the team's import.columns give header, or NULL. */
static const char *team_alias(const gd_config *cfg, gd_kind kind,
			      const char *header)
{
	const char *const *cols;
	char *h = gd_csv_header_norm(header), *k;
	const char *field = NULL;
	size_t i;

	for (i = 0; i < cfg->nimport && !field; i++) {
		k = gd_csv_header_norm(cfg->import_headers[i]);
		if (!strcmp(k, h))
			for (cols = gd_csv_columns(kind); *cols && !field; cols++)
				if (!strcmp(*cols, cfg->import_fields[i]))
					field = *cols;
		free(k);
	}
	free(h);
	return field;
}

/* The field each column fills, or NULL (ignored): --map, the team's
 * import.columns, the field names and the built-in aliases.  A column
 * `error` (what --rejects writes) is ignored without a word. */
static const char **resolve_columns(const gd_csv *csv, const gd_config *cfg,
				    const gd_import_opts *o, const char *name)
{
	size_t n = csv->ncols[0], i, j;
	const char **field = gd__xcalloc(n + 1, sizeof(*field));

	for (i = 0; i < n; i++) {
		const char *h = csv->rows[0][i];
		for (j = 0; j < o->nmap && !field[i]; j++)
			if (!strcasecmp(o->map[j].column, h))
				field[i] = o->map[j].field;
		if (!field[i])
			field[i] = team_alias(cfg, o->kind, h);
		if (!field[i])
			field[i] = gd_csv_alias(o->kind, h);
		if (!field[i] && o->warn && strcmp(h, "error")) {
			char *m = gd__xasprintf(_("%s: column '%s' is neither mapped nor a field: ignored"),
						name, h);
			o->warn(o->ctx, m);
			free(m);
		}
	}
	return field;
}

static const char *cell(const struct imp *im, size_t row, const char *want)
{
	const gd_csv *csv = im->csv;
	size_t j;

	for (j = 0; j < csv->ncols[row] && j < csv->ncols[0]; j++)
		if (im->field[j] && !strcmp(im->field[j], want) && *csv->rows[row][j])
			return csv->rows[row][j];
	return NULL;
}

/* The header of the column that gives field f in row (the last one with
 * a value, else the first), or NULL. */
static const char *header_of(const struct imp *im, size_t row, const char *f)
{
	const gd_csv *csv = im->csv;
	const char *h = NULL;
	size_t j;

	for (j = 0; j < csv->ncols[0]; j++) {
		if (!im->field[j] || strcmp(im->field[j], f))
			continue;
		if (!h || (j < csv->ncols[row] && *csv->rows[row][j]))
			h = csv->rows[0][j];
	}
	return h;
}

/* The header of the column at fault: the field itself, the field it is
 * part of ("people[1].name" of "people"), an inquiry's from.FIELD or the
 * name it is called by in a CSV. */
static const char *column_at_fault(const struct imp *im, size_t row,
				   const char *fault)
{
	char f[64];
	const char *h;
	size_t n;

	if (!fault || !*fault || im->o->vcard)
		return NULL; /* a vCard has no columns */
	if ((h = header_of(im, row, fault)))
		return h;
	n = strcspn(fault, ".[");
	snprintf(f, sizeof(f), "%.*s", (int)n, fault);
	if (fault[n] && (h = header_of(im, row, f)))
		return h;
	if (!strncmp(fault, "people", 6))
		return header_of(im, row, "contact");
	if (im->o->kind == GD_INQUIRY) {
		snprintf(f, sizeof(f), "from.%s", fault);
		if ((h = header_of(im, row, f)))
			return h;
		if (!strcmp(fault, "from.company"))
			return header_of(im, row, "name");
		if (!strcmp(fault, "name"))
			return header_of(im, row, "from.company");
	}
	if (im->o->kind == GD_ORDER && !strcmp(fault, "number"))
		return header_of(im, row, "name");
	return NULL;
}

/* The last error without the "path: " or "path:line:col: " a record's
 * validation puts first: the row's line replaces it. */
static void drop_path(const char *path)
{
	const char *m = gd_error_last();
	size_t len = strlen(path);
	char copy[1024];

	if (strncmp(m, path, len) || m[len] != ':')
		return;
	m += len;
	while (*m == ':' || (*m >= '0' && *m <= '9'))
		m++;
	while (*m == ' ')
		m++;
	snprintf(copy, sizeof(copy), "%s", m);
	gd_error_set(gd_error_code_last(), "%s", copy);
}

/* A tier or grade as people write it: the configured one in any case,
 * also as "A类" or "A级"; any other value as it is. */
static const char *grade_of(const gd_config *cfg, const char *field,
			    const char *value)
{
	size_t i, len = strlen(value), tl;

	if (strcmp(field, "tier") && strcmp(field, "grade"))
		return value;
	if (len > 3 && (!strcmp(value + len - 3, "类") || !strcmp(value + len - 3, "级")))
		len -= 3;
	for (i = 0; i < cfg->ntiers; i++) {
		tl = strlen(cfg->tiers[i].name);
		if (tl == len && !strncasecmp(cfg->tiers[i].name, value, len))
			return cfg->tiers[i].name;
	}
	return value;
}

/* The row's non-empty cells into r, as `set` takes them: owners by the
 * team rules, tiers as people write them, dates in any DATE form; *fault
 * the field of the cell that is wrong. */
static int apply_cells(struct imp *im, gd_record *r, size_t row,
		       char *fault)
{
	const gd_csv *csv = im->csv;
	const gd_config *cfg = im->l->cfg;
	const char *contact = NULL, *role = NULL;
	char *owner = NULL;
	size_t j;
	int err = 0;

	for (j = 0; j < csv->ncols[row] && j < csv->ncols[0] && !err; j++) {
		const char *f = im->field[j], *v = csv->rows[row][j];
		if (!f || !*v || !strcmp(f, "id"))
			continue;
		SET_FAULT(fault, f);
		if (!strcmp(f, "contact")) {
			contact = v;
		} else if (!strcmp(f, "contact-role")) {
			role = v;
		} else if (!strcmp(f, "owner")) {
			/* a customer changing hands gets its owner-since */
			if ((err = gd_roster_owner(&owner, cfg->team, v,
						   gd_store_me(im->l->store),
						   im->o->today)) == 0)
				gd_record_set_owner(r, owner, im->o->today);
			free(owner);
			owner = NULL;
		} else {
			err = gd_csv_set(r, f, grade_of(cfg, f, v), im->o->today);
		}
	}
	/* the row's contact and contact-role into a person */
	if (!err) {
		SET_FAULT(fault, "contact");
		err = gd_csv_contact(r, contact, role);
	}
	if (!err)
		*fault = '\0';
	return err;
}

/* The id of a new record: the row's, else one made from its name. */
static int new_id(char **out, struct imp *im, gd_record *r, size_t row,
		  char *fault)
{
	const gd_import_opts *o = im->o;
	const char *id = cell(im, row, "id");
	const gd_node *from = gd_node_get(r->root, "from");
	const char *text = gd_record_name(r);
	gd_date day = o->today;
	gd_time t;

	*out = NULL;
	if (id) {
		SET_FAULT(fault, "id");
		if (!gd_id_valid(id))
			return gd_error_set(GD_EINVALID, _("invalid id '%s'"), id);
		if (!gd_ledger_id_free(im->l, o->kind, id))
			return gd_error_set(GD_EEXISTS, _("%s '%s' already exists"),
					    gd_kind_name(o->kind), id);
		*out = gd__xstrdup(id);
		return 0;
	}
	if (o->kind == GD_INQUIRY) {
		const char *rs = gd_node_str(r->root, "received");
		if (rs && gd_time_parse_iso(&t, rs) == 0)
			day = gd_time_date(&t);
		if (from && gd_node_str(from, "email"))
			text = gd_node_str(from, "email");
	}
	if (!text || !*text) {
		SET_FAULT(fault, o->kind == GD_ORDER ? "number" : "name");
		return gd_error_set(GD_EINVALID, _("no name to make an id from"));
	}
	*out = gd_ledger_new_id(im->l, o->kind, text, o->now, day);
	return 0;
}

/* The duplicate check of a new record against the ledger and the rows
 * before it: its own fields, then the email and phone of each of its
 * people (their column: `people`, else `contact`). */
static int check_dup(struct imp *im, const gd_record *r, char *fault)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *people = gd_node_get(r->root, "people");
	int inquiry = im->o->kind == GD_INQUIRY;
	const gd_node *who = inquiry && from ? from : r->root;
	const char *what = gd_record_name(r) ? gd_record_name(r) : r->id;
	gd_dup_probe probe = {inquiry ? gd_node_str(who, "company")
				      : gd_node_str(r->root, "name"),
			      gd_node_str(who, "email"), gd_node_str(who, "phone"),
			      inquiry};
	const char *f = NULL;
	size_t i;
	int err;

	if (!im->dups)
		return 0;
	err = gd_dup_index_check_at(im->dups, &probe, what, &f, NULL);
	for (i = 0; !err && people && people->type == GD_SEQ && i < people->n; i++) {
		gd_dup_probe p = {NULL, gd_node_str(people->vals[i], "email"),
				  gd_node_str(people->vals[i], "phone"), 0};
		err = gd_dup_index_check_at(im->dups, &p, what, &f, NULL);
		f = "people";
	}
	if (err && f)
		SET_FAULT(fault, f);
	return err;
}

/* With a team, a row without an owner is the importer's, who must be a
 * current member too (SPEC 2.1). */
static int default_owner(const struct imp *im, const gd_record *r)
{
	const char *me = gd_store_me(im->l->store), *owner = gd_record_owner(r);
	char *m, *got = NULL;
	int err;

	if (!im->l->cfg->team || (owner && *owner) || !me)
		return 0;
	if ((err = gd_roster_owner(&got, im->l->cfg->team, me, me, im->o->today)) == 0) {
		free(got);
		return 0;
	}
	m = gd__xstrdup(gd_error_last());
	gd_error_set(err, _("the default owner (you): %s; give the file an owner column"), m);
	free(m);
	return err;
}

static uint32_t addr_hash(const gd_record *r)
{
	uintptr_t a = (uintptr_t)r;

	return gd_fnv1a(&a, sizeof(a));
}

/* r, checked, joins the ledger's records (later rows see its id and, for
 * the duplicate check, its names, emails and phones) and is written out
 * at once: only what later rows read of it stays in memory, so that an
 * import of 100,000 rows fits in a few hundred bytes a row. */
static int keep_added(struct imp *im, gd_record *r, size_t row)
{
	gd_ledger *l = im->l;
	int err;

	if ((err = gd_ledger_stage(im->staged, r)) < 0)
		return err;
	l->recs = gd__xrealloc(l->recs, (l->n + 1) * sizeof(*l->recs));
	l->recs[l->n++] = r;
	im->added_line[im->nadded] = im->csv->lines[row];
	gd__hash_add(&im->added_by, addr_hash(r), im->nadded);
	im->added[im->nadded++] = r;
	if (im->dups) {
		gd_dup_index_add_tag(im->dups, r, im->csv->lines[row]);
		gd_dup_trim(r);
	} else {
		gd_node_free(r->root);
		r->root = gd_node_map();
	}
	return 0;
}

/* Row into a new record, defaults filled, id chosen, checked. */
static int add_row(struct imp *im, size_t row, char *fault)
{
	gd_ledger *l = im->l;
	gd_record *r = gd_record_new(im->o->kind, "new");
	char *id = NULL;
	int err;

	if ((err = apply_cells(im, r, row, fault)) < 0 ||
	    (err = default_owner(im, r)) < 0)
		goto done;
	gd_record_fill_new(r, l->cfg, gd_store_me(l->store), im->o->now);
	if ((err = new_id(&id, im, r, row, fault)) < 0)
		goto done;
	free(r->id);
	free(r->path);
	r->id = id;
	r->path = gd_record_path_for(im->o->kind, id);
	if ((err = gd_record_validate_at(r, l->cfg, fault, FAULT_LEN)) < 0) {
		drop_path(r->path);
		goto done;
	}
	if ((err = check_dup(im, r, fault)) < 0)
		goto done;
	if ((err = keep_added(im, r, row)) < 0) {
		*fault = '\0';
		goto done;
	}
	r = NULL;
done:
	gd_record_free(r);
	return err;
}

static gd_record *record_copy(const gd_record *r)
{
	gd_record *c = gd__xcalloc(1, sizeof(*c));

	c->kind = r->kind;
	c->id = gd__xstrdup(r->id);
	c->path = gd__xstrdup(r->path);
	c->root = gd_node_dup(r->root);
	gd_record_canonicalize(c);
	return c;
}

/* The top-level fields of b that a lacks or has otherwise, "tier, city". */
static char *changed_fields(const gd_node *a, const gd_node *b)
{
	gd__buf out = {0};
	size_t i;

	for (i = 0; i < gd_node_len(b); i++) {
		const char *k = gd_node_key(b, i);
		const gd_node *was = gd_node_get(a, k);
		if (!was || !gd_node_equal(was, gd_node_at(b, i)))
			gd__buf_printf(&out, "%s%s", out.len ? ", " : "", k);
	}
	return gd__buf_detach(&out, NULL);
}

/* The index of r in recs (hashed by address in by), or -1. */
static ptrdiff_t find_rec(gd__hash *by, gd_record *const *recs, const gd_record *r)
{
	gd__hash_pos pos = gd__hash_find(by, addr_hash(r));
	size_t i;

	while (gd__hash_next(by, &pos, &i))
		if (recs[i] == r)
			return (ptrdiff_t)i;
	return -1;
}

/* r joins the updated records, once. */
static void note_updated(struct imp *im, gd_record *r)
{
	if (find_rec(&im->updated_by, im->updated, r) >= 0)
		return;
	im->updated[im->nupdated] = r;
	gd__hash_add(&im->updated_by, addr_hash(r), im->nupdated++);
}

/* Row into the existing record r as `set` would change it; *changed the
 * fields it changes (malloc'd), NULL when it changes nothing. */
static int update_row(struct imp *im, size_t row, gd_record *r, char **changed,
		      char *fault)
{
	gd_record *before = record_copy(r), *after = record_copy(r);
	gd_node *swap;
	int err;

	*changed = NULL;
	if ((err = apply_cells(im, after, row, fault)) < 0)
		goto done;
	gd_record_canonicalize(after);
	if (gd_node_equal(before->root, after->root))
		goto done; /* nothing changes */
	/* SPEC 3.3: never commit a hand edit past `gendan commit`'s checks */
	if ((err = gd_ledger_check_clean(im->l, r)) < 0)
		goto done;
	if ((err = gd_record_validate_at(after, im->l->cfg, fault, FAULT_LEN)) < 0) {
		drop_path(after->path);
		goto done;
	}
	*changed = changed_fields(before->root, after->root);
	/* the ledger's record takes the new tree: later rows see it */
	swap = r->root;
	r->root = after->root;
	after->root = swap;
	note_updated(im, r);
	if (im->dups)
		gd_dup_index_add(im->dups, r);
done:
	gd_record_free(before);
	gd_record_free(after);
	return err;
}

static void note_row(gd_import_result *res, int line, gd_import_fate fate,
		     char *text)
{
	gd_import_row *w;

	if (!(res->nrows & (res->nrows + 1))) /* 0, 1, 3, 7 ...: grow */
		res->rows = gd__xrealloc(res->rows, (res->nrows * 2 + 1) * sizeof(*res->rows));
	w = &res->rows[res->nrows++];
	w->line = line;
	w->fate = fate;
	w->text = text;
}

/* The row as it was, with the error, into the rejects CSV. */
static void reject_cells(struct imp *im, size_t row, const char *message)
{
	const gd_csv *csv = im->csv;
	size_t n = csv->ncols[0], width = im->errcol < n ? n : n + 1, j;
	const char **cells = gd__xcalloc(width, sizeof(*cells));
	char *line;

	if (!im->rejects.len) {
		for (j = 0; j < n; j++)
			cells[j] = csv->rows[0][j];
		cells[im->errcol] = "error";
		line = gd_csv_line(cells, width);
		gd__buf_puts(&im->rejects, line);
		free(line);
	}
	for (j = 0; j < n; j++)
		cells[j] = j < csv->ncols[row] ? csv->rows[row][j] : "";
	cells[im->errcol] = message;
	line = gd_csv_line(cells, width);
	gd__buf_puts(&im->rejects, line);
	free(line);
	free(cells);
}

/* Row rejected for the last error, which fault's column is to blame
 * for. */
static void reject(struct imp *im, size_t row, const char *fault)
{
	const char *col = column_at_fault(im, row, fault);
	int line = im->csv->lines[row];
	char *m = col ? gd__xasprintf(_("%s:%d: column '%s': %s"), im->name, line,
				      col, gd_error_last())
		      : gd__xasprintf("%s:%d: %s", im->name, line, gd_error_last());

	if (im->o->keep_going)
		reject_cells(im, row, m);
	im->res->rejected++;
	note_row(im->res, line, GD_IMPORT_REJECTED, m);
}

static void do_row(struct imp *im, size_t row)
{
	const gd_import_opts *o = im->o;
	const char *id = o->update ? cell(im, row, "id") : NULL;
	gd_record *r = id ? gd_ledger_get(im->l, o->kind, id) : NULL;
	char fault[FAULT_LEN] = "", *changed = NULL;
	int line = im->csv->lines[row];
	ptrdiff_t at;

	if (r && (at = find_rec(&im->added_by, im->added, r)) >= 0) {
		/* its tree is written out: one row per record */
		gd_error_set(GD_EEXISTS, _("%s '%s' is added by line %d of this file already"),
			     gd_kind_name(o->kind), id, im->added_line[at]);
		reject(im, row, "id");
		return;
	}
	if (r) {
		if (update_row(im, row, r, &changed, fault) < 0)
			reject(im, row, fault);
		else if (changed && o->detail)
			note_row(im->res, line, GD_IMPORT_UPDATED,
				 gd__xasprintf("%s/%s: %s", gd_kind_name(o->kind), r->id,
					       changed));
		im->res->updated += changed != NULL;
		free(changed);
		return;
	}
	if (add_row(im, row, fault) < 0) {
		reject(im, row, fault);
		return;
	}
	im->res->added++;
	if (o->detail)
		note_row(im->res, line, GD_IMPORT_ADDED,
			 gd__xasprintf("%s/%s", gd_kind_name(o->kind),
				       im->added[im->nadded - 1]->id));
}

/* The column `error` of a rejects file read again, else a new one. */
static size_t error_column(const gd_csv *csv, const char **field)
{
	size_t j;

	for (j = 0; j < csv->ncols[0]; j++)
		if (!field[j] && !strcmp(csv->rows[0][j], "error"))
			return j;
	return csv->ncols[0];
}

/* The added records, staged as they came, then the updated ones. */
static int stage_all(gd_change *c, const struct imp *im)
{
	size_t i;
	int err;

	gd_change_take(c, im->staged);
	for (i = 0; i < im->nupdated; i++)
		if ((err = gd_ledger_stage(c, im->updated[i])) < 0)
			return err;
	return 0;
}

int gd_import_csv(gd_ledger *l, gd_change *c, const char *buf, size_t len,
		  const char *name, const gd_import_opts *o,
		  gd_import_result *res)
{
	struct imp im;
	gd_csv *csv = NULL;
	size_t row;
	int err;

	memset(res, 0, sizeof(*res));
	memset(&im, 0, sizeof(im));
	err = o->vcard ? gd_vcard_parse(&csv, buf, len, name)
	      : o->xlsx ? gd_xlsx_parse(&csv, buf, len, o->sheet, name)
			: gd_csv_parse_text(&csv, buf, len, o->encoding, name);
	if (err < 0)
		return err;
	if (csv->n < 1) {
		gd_csv_free(csv);
		return gd_error_set(GD_EINVALID, _("%s: empty file: a header row is needed"), name);
	}
	im.l = l;
	im.o = o;
	im.csv = csv;
	im.name = name;
	im.res = res;
	im.field = resolve_columns(csv, l->cfg, o, name);
	im.errcol = error_column(csv, im.field);
	im.staged = gd_change_new();
	im.added = gd__xcalloc(csv->n, sizeof(*im.added));
	im.added_line = gd__xcalloc(csv->n, sizeof(*im.added_line));
	im.updated = gd__xcalloc(csv->n, sizeof(*im.updated));
	if (!o->force && o->kind != GD_ORDER)
		im.dups = gd_dup_index_new(l->recs, l->n, l->cfg);
	for (row = 1; row < csv->n; row++) {
		if (o->progress && (row % 256 == 0 || row + 1 == csv->n))
			o->progress(o->ctx, row, csv->n - 1);
		if (csv->ncols[row] != 1 || *csv->rows[row][0]) /* not a blank line */
			do_row(&im, row);
		gd_csv_drop_row(csv, row);
	}
	if (res->rejected && !o->keep_going) {
		err = gd_error_set(GD_EINVALID, P_("%s: %zu bad row: nothing imported",
				      "%s: %zu bad rows: nothing imported", res->rejected),
				   name, res->rejected);
		goto done;
	}
	if ((err = stage_all(c, &im)) < 0)
		goto done;
	if (im.rejects.len)
		res->rejects = gd__buf_detach(&im.rejects, &res->rejects_len);
done:
	gd__buf_free(&im.rejects);
	gd__hash_free(&im.updated_by);
	gd_dup_index_free(im.dups);
	gd_change_free(im.staged);
	gd__hash_free(&im.added_by);
	free(im.added_line);
	free(im.added);
	free(im.updated);
	free(im.field);
	gd_csv_free(csv);
	return err;
}

void gd_import_result_clear(gd_import_result *res)
{
	size_t i;

	for (i = 0; i < res->nrows; i++)
		free(res->rows[i].text);
	free(res->rows);
	free(res->rejects);
	memset(res, 0, sizeof(*res));
}
