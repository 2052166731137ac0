/*
 * import.c - bulk add from CSV (see gendan/import.h).
 */
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
#include "gendan/vcard.h"
#include "internal.h"
#include "ledger-private.h"

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
 * import.columns, the field names and the built-in aliases. */
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
		if (!field[i] && o->warn) {
			char *m = gd__xasprintf(_("%s: column '%s' is neither mapped nor a field: ignored"),
						name, h);
			o->warn(o->ctx, m);
			free(m);
		}
	}
	return field;
}

static const char *cell(const gd_csv *csv, size_t row, const char **field,
			const char *want)
{
	size_t j;

	for (j = 0; j < csv->ncols[row] && j < csv->ncols[0]; j++)
		if (field[j] && !strcmp(field[j], want) && *csv->rows[row][j])
			return csv->rows[row][j];
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

/* One row into a new record, defaults filled, id chosen. */
static int row_record(gd_record **out, gd_ledger *l, const gd_csv *csv,
		      size_t row, const char **field, const gd_import_opts *o)
{
	const char *id = cell(csv, row, field, "id");
	const char *me = gd_store_me(l->store);
	char *newid = NULL;
	gd_record *r = gd_record_new(o->kind, "new");
	size_t j;
	int err = 0;

	*out = NULL;
	for (j = 0; j < csv->ncols[row] && j < csv->ncols[0]; j++)
		if (field[j] && (err = gd_csv_set(r, field[j],
						 grade_of(l->cfg, field[j], csv->rows[row][j]),
						 o->today)) < 0)
			goto done;
	if ((err = gd_csv_finish(r)) < 0)
		goto done;
	gd_record_fill_new(r, l->cfg, me, o->now);
	/* the id, now that the fields are known */
	if (id) {
		if (!gd_id_valid(id)) {
			err = gd_error_set(GD_EINVALID, _("invalid id '%s'"), id);
			goto done;
		}
		if (!gd_ledger_id_free(l, o->kind, id)) {
			err = gd_error_set(GD_EEXISTS, _("%s '%s' already exists"),
					   gd_kind_name(o->kind), id);
			goto done;
		}
		newid = gd__xstrdup(id);
	} else {
		const gd_node *from = gd_node_get(r->root, "from");
		const char *text = gd_record_name(r);
		gd_date day = o->today;
		gd_time t;
		if (o->kind == GD_INQUIRY) {
			const char *rs = gd_node_str(r->root, "received");
			if (rs && gd_time_parse_iso(&t, rs) == 0)
				day = gd_time_date(&t);
			if (from && gd_node_str(from, "email"))
				text = gd_node_str(from, "email");
		}
		if (!text || !*text) {
			err = gd_error_set(GD_EINVALID, _("no name to make an id from"));
			goto done;
		}
		newid = gd_ledger_new_id(l, o->kind, text, o->now, day);
	}
	free(r->id);
	free(r->path);
	r->id = newid;
	r->path = gd_record_path_for(o->kind, newid);
	if ((err = gd_record_validate(r, l->cfg)) < 0) {
		drop_path(r->path);
		goto done;
	}
	*out = r;
	r = NULL;
done:
	gd_record_free(r);
	return err;
}

/* The duplicate check of a new record: its own fields, then the email and
 * phone of each of its people. */
static int row_dup_check(const gd_dup_index *dups, const gd_record *r)
{
	const gd_node *from = gd_node_get(r->root, "from");
	const gd_node *who = r->kind == GD_INQUIRY && from ? from : r->root;
	const gd_node *people = gd_node_get(r->root, "people");
	const char *what = gd_record_name(r) ? gd_record_name(r) : r->id;
	gd_dup_probe probe = {
		r->kind == GD_INQUIRY ? gd_node_str(who, "company")
				      : gd_node_str(r->root, "name"),
		gd_node_str(who, "email"), gd_node_str(who, "phone"),
		r->kind == GD_INQUIRY};
	size_t i;
	int err = gd_dup_index_check(dups, &probe, what);

	for (i = 0; !err && people && people->type == GD_SEQ && i < people->n; i++) {
		gd_dup_probe p = {NULL, gd_node_str(people->vals[i], "email"),
				  gd_node_str(people->vals[i], "phone"), 0};
		err = gd_dup_index_check(dups, &p, what);
	}
	return err;
}

int gd_import_csv(gd_ledger *l, gd_change *c, const char *buf, size_t len,
		  const char *name, const gd_import_opts *o, size_t *count)
{
	gd_csv *csv = NULL;
	const char **field = NULL;
	gd_record **added = NULL;
	gd_dup_index *dups = NULL;
	size_t row, nadded = 0, bad = 0, i;
	int err;

	*count = 0;
	err = o->vcard ? gd_vcard_parse(&csv, buf, len, name)
		       : gd_csv_parse_text(&csv, buf, len, o->encoding, name);
	if (err < 0)
		return err;
	if (csv->n < 1) {
		gd_csv_free(csv);
		return gd_error_set(GD_EINVALID, _("%s: empty file: a header row is needed"), name);
	}
	field = resolve_columns(csv, l->cfg, o, name);
	added = gd__xcalloc(csv->n, sizeof(*added));
	if (!o->force && o->kind != GD_ORDER)
		dups = gd_dup_index_new(l->recs, l->n, l->cfg);
	for (row = 1; row < csv->n; row++) {
		gd_record *r = NULL;
		char *m;
		if (o->progress && (row % 256 == 0 || row + 1 == csv->n))
			o->progress(o->ctx, row, csv->n - 1);
		if (csv->ncols[row] == 1 && !*csv->rows[row][0])
			continue; /* a blank line */
		err = row_record(&r, l, csv, row, field, o);
		if (!err && dups)
			err = row_dup_check(dups, r);
		if (err < 0) {
			m = gd__xasprintf("%s:%d: %s", name, csv->lines[row], gd_error_last());
			if (o->warn)
				o->warn(o->ctx, m);
			free(m);
			gd_record_free(r);
			bad++;
			continue;
		}
		/* later rows see this one: ids and duplicates within the file */
		l->recs = gd__xrealloc(l->recs, (l->n + 1) * sizeof(*l->recs));
		l->recs[l->n++] = r;
		added[nadded++] = r;
		if (dups)
			gd_dup_index_add(dups, r);
	}
	if (bad) {
		err = gd_error_set(GD_EINVALID, P_("%s: %zu bad row: nothing imported",
				      "%s: %zu bad rows: nothing imported", bad),
				   name, bad);
		goto done;
	}
	for (i = 0; i < nadded; i++)
		if ((err = gd_ledger_stage(c, added[i])) < 0)
			goto done;
	*count = nadded;
	err = 0;
done:
	gd_dup_index_free(dups);
	free(added);
	free(field);
	gd_csv_free(csv);
	return err;
}
