/*
 * fileio.h - crash-safe file writes shared inside lib/ (lib/fileio.c).
 */
#ifndef GENDAN_FILEIO_H
#define GENDAN_FILEIO_H

#include <stddef.h>

/* Make the folders above the file path that are missing. */
int gd__mkdirs(const char *path);

/* fsync() the folder holding path, so that a rename into it lasts. */
void gd__fsync_dir_of(const char *path);

/* Write data to a new temp file ".<name>.tmp-<pid>-<seq>" beside abs
 * (fsynced when sync); *tmp is its name, to free, also on failure.  The
 * caller renames it over abs. */
int gd__write_temp(char **tmp, const char *abs, const char *data, size_t len,
		   size_t seq, int sync);

#endif
