/*
 * xlsx-zip.c - zip entries streamed into expat (see xlsx-zip.h).
 */
#include <stdlib.h>
#include <string.h>

#include "gendan/error.h"
#include "gendan/xlsx.h"
#include "internal.h"
#include "xlsx-zip.h"

#define CHUNK 65536

int gd__xlsx_open(gd__xlsx_zip *z, const char *buf, size_t len, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;

	memset(z, 0, sizeof(*z));
	z->name = name;
	z->budget = GD_XLSX_MAX_BYTES;
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(buf, len, 0, &ze))) {
		zip_error_fini(&ze);
		return gd_error_set(GD_EINVALID, _("%s: not an xlsx file (not a zip archive)"),
				    name);
	}
	if (!(z->zip = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return gd_error_set(GD_EINVALID, _("%s: not an xlsx file (not a zip archive)"),
				    name);
	}
	zip_error_fini(&ze);
	return 0;
}

void gd__xlsx_close(gd__xlsx_zip *z)
{
	if (z->zip)
		zip_discard(z->zip);
	z->zip = NULL;
}

void gd__xml_fail(gd__xml *x, int err)
{
	if (!x->err)
		x->err = err;
	XML_StopParser(x->parser, XML_FALSE);
}

const char *gd__xml_local(const char *name)
{
	const char *bar = strrchr(name, '|');

	return bar ? bar + 1 : name;
}

const char *gd__xml_attr(const char **attrs, const char *local)
{
	for (; attrs && attrs[0]; attrs += 2)
		if (!strcmp(gd__xml_local(attrs[0]), local))
			return attrs[1];
	return NULL;
}

static void XMLCALL no_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
			       const XML_Char *pub, int internal)
{
	gd__xml *x = ud;

	(void)name, (void)sys, (void)pub, (void)internal;
	gd__xml_fail(x, gd_error_set(GD_EINVALID, _("%s: %s: a DOCTYPE is not allowed in an xlsx part"),
				     x->file, x->part));
}

static int too_big(const gd__xlsx_zip *z, const char *entry)
{
	return gd_error_set(GD_EINVALID,
			    _("%s: %s unpacks to more than the %zu MiB an xlsx file may hold (a zip bomb?)"),
			    z->name, entry, GD_XLSX_MAX_BYTES >> 20);
}

/* Feed the entry at index to p in chunks. */
static int feed(gd__xlsx_zip *z, zip_int64_t index, const char *entry, gd__xml *x)
{
	zip_stat_t st;
	zip_file_t *f;
	char *chunk = NULL;
	zip_int64_t got;
	int err = 0, last = 0;

	zip_stat_init(&st);
	if (zip_stat_index(z->zip, (zip_uint64_t)index, 0, &st) < 0)
		return gd_error_set(GD_EINVALID, _("%s: %s: a broken zip entry"), z->name, entry);
	if ((st.valid & ZIP_STAT_SIZE) && st.size > z->budget)
		return too_big(z, entry);
	if (!(f = zip_fopen_index(z->zip, (zip_uint64_t)index, 0)))
		return gd_error_set(GD_EINVALID, _("%s: %s: cannot be read (%s)"), z->name, entry,
				    zip_strerror(z->zip));
	chunk = gd__xmalloc(CHUNK);
	while (!last) {
		if ((got = zip_fread(f, chunk, CHUNK)) < 0) {
			err = gd_error_set(GD_EINVALID, _("%s: %s: a broken zip entry (%s)"),
					   z->name, entry, zip_file_strerror(f));
			break;
		}
		if ((size_t)got > z->budget) {
			err = too_big(z, entry);
			break;
		}
		z->budget -= (size_t)got;
		last = got == 0;
		if (XML_Parse(x->parser, chunk, (int)got, last) == XML_STATUS_ERROR) {
			if (x->err)
				err = x->err;
			else
				err = gd_error_set(GD_EINVALID, _("%s: %s:%lu:%lu: malformed XML: %s"),
						   z->name, entry,
						   (unsigned long)XML_GetCurrentLineNumber(x->parser),
						   (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1,
						   XML_ErrorString(XML_GetErrorCode(x->parser)));
			break;
		}
	}
	free(chunk);
	zip_fclose(f);
	return err;
}

int gd__xlsx_parse(gd__xlsx_zip *z, const char *entry, int required,
		   XML_StartElementHandler start, XML_EndElementHandler end,
		   XML_CharacterDataHandler text, gd__xml *x)
{
	zip_int64_t index = zip_name_locate(z->zip, entry, ZIP_FL_NOCASE);
	int err;

	if (index < 0)
		return required ? gd_error_set(GD_EINVALID, _("%s: %s is missing: not an xlsx file"),
					       z->name, entry)
				: 1;
	if (!(x->parser = XML_ParserCreateNS(NULL, '|')))
		gd__oom();
	x->file = z->name;
	x->part = entry;
	x->err = 0;
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, start, end);
	XML_SetCharacterDataHandler(x->parser, text);
	XML_SetStartDoctypeDeclHandler(x->parser, no_doctype);
	err = feed(z, index, entry, x);
	XML_ParserFree(x->parser);
	x->parser = NULL;
	return err;
}
