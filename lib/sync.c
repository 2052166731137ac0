/*
 * sync.c - gendan sync: the store's transfer with the record merge.
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/ledger.h"
#include "gendan/merge.h"
#include "gendan/yaml.h"
#include "internal.h"

struct sync_ctx {
	gd_ledger *l;
	const char *by, *at;
	gd_sync_result *res;
};

static gd_node *parse_or_null(const char *buf, size_t len, const char *path)
{
	gd_node *n = NULL;

	if (buf && gd_yaml_parse(&n, buf, len, path) < 0)
		return NULL;
	return n;
}

static int merge_file(void *vctx, const char *path, const char *base,
		      size_t blen, const char *ours, size_t olen,
		      const char *theirs, size_t tlen, char **out, size_t *outlen)
{
	struct sync_ctx *sc = vctx;
	gd_node *b = parse_or_null(base, blen, path);
	gd_node *o = parse_or_null(ours, olen, path);
	gd_node *t = parse_or_null(theirs, tlen, path);
	gd_merge_ctx mc = {sc->by, sc->at, 0};
	int is_config = !strcmp(path, "gendan.yaml");
	gd_record *r = NULL;
	int err = 0;

	*out = NULL;
	if (!o || !t) {
		/* a side that does not parse: keep the other, lose nothing
		 * that git does not still hold in history */
		const char *keep = o ? ours : theirs;
		size_t klen = o ? olen : tlen;
		*out = gd__xmalloc(klen + 1);
		memcpy(*out, keep, klen);
		*outlen = klen;
		goto done;
	}
	if (is_config) {
		gd_node *m = NULL;
		if ((err = gd_merge_nodes(&m, b, o, t, &mc, 1)) == 0)
			err = gd_yaml_emit(out, outlen, m);
		gd_node_free(m);
	} else if ((err = gd_record_parse(&r, path, ours, olen)) == 0) {
		gd_node *m = NULL;
		if ((err = gd_merge_nodes(&m, b, o, t, &mc, 0)) == 0) {
			gd_node_free(r->root);
			r->root = m;
			err = gd_record_emit(out, outlen, r);
		}
	}
	if (mc.nconflicts) {
		gd_sync_result *res = sc->res;
		res->conflicts += mc.nconflicts;
		res->conflicted = gd__xrealloc(res->conflicted,
					       (res->nconflicted + 1) * sizeof(char *));
		res->conflicted[res->nconflicted++] = gd__xstrdup(path);
	}
done:
	gd_record_free(r);
	gd_node_free(b);
	gd_node_free(o);
	gd_node_free(t);
	return err;
}

int gd_ledger_sync(gd_ledger *l, const char *remote, const char *now,
		   gd_sync_result *res)
{
	struct sync_ctx sc;
	const char *name, *email;
	char **paths = NULL;
	size_t n = 0, i;
	int err;

	memset(res, 0, sizeof(*res));
	if ((err = gd_store_identity(gd_ledger_store(l), &name, &email)) < 0)
		return err;
	if ((err = gd_store_changed_paths(gd_ledger_store(l), &paths, &n)) < 0)
		return err;
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	if (n)
		return gd_error_set(GD_ECONFLICT,
				    P_("%zu file edited by hand and not committed: run 'gendan commit' first",
				       "%zu files edited by hand and not committed: run 'gendan commit' first",
				       n),
				    n);
	sc.l = l;
	sc.by = email;
	sc.at = now;
	sc.res = res;
	return gd_store_sync(gd_ledger_store(l), remote, merge_file, &sc, &res->git);
}

void gd_sync_result_clear(gd_sync_result *res)
{
	size_t i;

	for (i = 0; i < res->nconflicted; i++)
		free(res->conflicted[i]);
	free(res->conflicted);
	memset(res, 0, sizeof(*res));
}
