/*
 * ledger-private.h - the insides of gd_ledger (lib/ledger.c), private to the
 * library; callers use the accessors of gendan/ledger.h.
 */
#ifndef GENDAN_LEDGER_PRIVATE_H
#define GENDAN_LEDGER_PRIVATE_H

#include "gendan/ledger.h"

struct gd_ledger {
	gd_store *store;
	gd_config *cfg;
	const char *root;   /* borrowed from store */
	gd_record **recs;   /* sorted by kind, then id, once loaded */
	size_t n;
	size_t nbad;        /* records left out while loading or scanning */
	int loaded;         /* every record has been read */
	unsigned long long config_hash; /* of gendan.yaml's bytes, for the caches */
	struct gd_ledger_ids *ids; /* (kind, id) -> record */
	struct gd__sumscan *list;  /* the list summary's scan, once made */
};

#endif
