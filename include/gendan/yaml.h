/*
 * yaml.h - the record codec: a strict parser on libyaml's event API and a
 * canonical block-style emitter.
 *
 * Records arrive from other people's clones, so the parser is strict: it
 * refuses anchors and aliases, tags, complex (non-scalar) keys, duplicate
 * keys, several documents, nesting deeper than GD_YAML_MAX_DEPTH collections,
 * input over GD_YAML_MAX_SIZE bytes, NUL bytes, invalid UTF-8, byte order
 * marks (UTF-16 or not), control characters raw or escaped (C0 but tab, CR
 * and LF; DEL; C1: a terminal would obey them), an empty document, and a
 * top level that is not a mapping.  Each refusal sets an error "NAME:LINE:COL: what" (1-based).
 *
 * The emitter writes one canonical form: block style, 2-space indent,
 * sequences indented under their key ("log:\n  - at: ..."), UTF-8 written
 * literally, empty collections as {} and [].  A scalar with plain=1 is written
 * plain when that reads back as the same plain scalar; a scalar with plain=0
 * (a string) is written plain only when no YAML 1.1 or 1.2 reader could take
 * it for anything but that string, else double-quoted.  parse(emit(x))
 * equals x, and emit(parse(emit(x))) is byte-identical to emit(x).
 */
#ifndef GENDAN_YAML_H
#define GENDAN_YAML_H

#include <stddef.h>
#include "gendan/node.h"

#define GD_YAML_MAX_SIZE ((size_t)1024 * 1024)
#define GD_YAML_MAX_DEPTH 16

/* Parse buf[0..len) named `name` (for messages) into a mapping. */
int gd_yaml_parse(gd_node **out, const char *buf, size_t len, const char *name);

/* Emit root (a mapping) canonically into a malloc'd NUL-terminated buffer.
 * GD_EINVALID for what the parser would refuse (text that is not UTF-8 or
 * holds a control character, overlong keys, nesting too deep). */
int gd_yaml_emit(char **out, size_t *outlen, const gd_node *root);

/* 1 when the string s, written plain, could be read as anything but that
 * string by a YAML 1.1 or 1.2 reader (or is not valid as a plain scalar). */
int gd_yaml_needs_quotes(const char *s);

/* How the YAML 1.2 core schema resolves a scalar node (booleans are
 * true/True/TRUE/false/False/FALSE only); plain=0 scalars are strings. */
typedef enum { GD_YNULL, GD_YBOOL, GD_YINT, GD_YFLOAT, GD_YSTR } gd_yaml_type;
gd_yaml_type gd_yaml_resolve(const gd_node *scalar);

#endif
