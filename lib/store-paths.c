/*
 * store-paths.c - which paths a ledger may hold: what a sync, a clone or
 * the pre-receive hook lets in from another repository.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gendan/ids.h"
#include "store-private.h"

/* A name a ledger may hold: no dot files, no .git look-alikes. */
static int safe_name(const char *name, int leaf)
{
	size_t len = strlen(name);
	char *id;
	int ok;

	if (!len || name[0] == '.' || strchr(name, '~') || strchr(name, '\\') ||
	    name[len - 1] == '.' || name[len - 1] == ' ' ||
	    !strncasecmp(name, "git", 3))
		return 0;
	if (!leaf) {
		for (; *name; name++)
			if (!((*name >= 'a' && *name <= 'z') ||
			      (*name >= '0' && *name <= '9') ||
			      *name == '-' || *name == '_'))
				return 0;
		return 1;
	}
	if (len < 6 || strcmp(name + len - 5, ".yaml"))
		return 0;
	id = gd__xstrndup(name, len - 5);
	ok = gd_id_valid(id);
	free(id);
	return ok;
}

/* Is path, with its mode, something a ledger may bring in? */
int gd__path_safe(const char *path, uint32_t mode)
{
	const char *slash = strchr(path, '/');
	char *copy, *part, *save = NULL;
	int ok = 1, n = 0;

	if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
		return 0;
	if (!slash) {
		/* top level: the config and a few harmless documents */
		return !strcmp(path, "gendan.yaml") || !strncmp(path, "README", 6) ||
		       !strncmp(path, "LICENSE", 7) ||
		       (strlen(path) > 3 && !strcmp(path + strlen(path) - 3, ".md") &&
			path[0] != '.');
	}
	if (strncmp(path, "customers/", 10) && strncmp(path, "inquiries/", 10) &&
	    strncmp(path, "orders/", 7))
		return 0;
	copy = gd__xstrdup(slash + 1);
	for (part = strtok_r(copy, "/", &save); part && ok;
	     part = strtok_r(NULL, "/", &save)) {
		n++;
		ok = safe_name(part, save == NULL || *save == '\0');
	}
	free(copy);
	return ok && n > 0 && n <= 8;
}

/* Refuse a diff that brings any unsafe path. */
int gd__incoming_check(git_diff *diff, const char *remote)
{
	size_t i, n = git_diff_num_deltas(diff);

	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED)
			continue;
		if (!gd__path_safe(d->new_file.path, d->new_file.mode))
			return gd_error_set(GD_EINVALID,
					    _("remote '%s' brings an unsafe path '%s': sync refused, nothing changed"),
					    remote, d->new_file.path);
	}
	return 0;
}

