/*
 * xlsx-zip.h - the parts of an xlsx, streamed: a zip entry read in chunks
 * into expat, within a budget of unpacked bytes (private to lib/xlsx*.c).
 */
#ifndef GENDAN_XLSX_ZIP_H
#define GENDAN_XLSX_ZIP_H

#include <expat.h>
#include <stddef.h>
#include <zip.h>

typedef struct {
	zip_t *zip;
	const char *name;  /* the file, for messages */
	size_t budget;     /* unpacked bytes left */
} gd__xlsx_zip;

/*
 * What every parse's user data starts with: the parser, and the error a
 * handler met (then it stops the parser).  part is the entry's name.
 */
typedef struct {
	XML_Parser parser;
	const char *file, *part;
	int err;
} gd__xml;

/* Open buf (not copied: it must outlive z) as a zip.  GD_EINVALID when it
 * is not one. */
int gd__xlsx_open(gd__xlsx_zip *z, const char *buf, size_t len, const char *name);
void gd__xlsx_close(gd__xlsx_zip *z);

/*
 * Parse entry with expat (namespaces on: element names are "URI|local"),
 * x the handlers' user data, whose first member is a gd__xml.  A missing
 * entry is 1 unless required; a DOCTYPE (never in an xlsx: entity
 * expansion attacks), malformed XML (naming line and column), a broken
 * entry or the budget exceeded are GD_EINVALID.
 */
int gd__xlsx_parse(gd__xlsx_zip *z, const char *entry, int required,
		   XML_StartElementHandler start, XML_EndElementHandler end,
		   XML_CharacterDataHandler text, gd__xml *x);

/* Stop the parse with the error set (err, a negative code). */
void gd__xml_fail(gd__xml *x, int err);

/* The local part of a namespaced name ("URI|row" is "row"). */
const char *gd__xml_local(const char *name);

/* The value of the attribute with local name local, or NULL. */
const char *gd__xml_attr(const char **attrs, const char *local);

#endif
