/*
 * fileio.c - writing files so that a crash leaves the old content or the
 * new, never a mix: folders made on demand, temp files beside their
 * target, fsync of a file's folder after a rename.  No libgit2 here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "internal.h"

/* Make the folder dir and any missing parents (dir is changed and put
 * back).  The deepest first: the parents of a record's folder nearly
 * always exist, so one mkdir() a file. */
static int make_dir(char *dir)
{
	char *slash;
	int err;

	if (mkdir(dir, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno == ENOENT && (slash = strrchr(dir, '/')) && slash != dir) {
		*slash = '\0';
		err = make_dir(dir);
		*slash = '/';
		if (err < 0)
			return err;
		if (mkdir(dir, 0755) == 0 || errno == EEXIST)
			return 0;
	}
	return gd_error_set(GD_EIO, _("cannot create '%s': %s"), dir, strerror(errno));
}

/* The folders above the file path. */
int gd__mkdirs(const char *path)
{
	char *dir = gd__xstrdup(path), *slash = strrchr(dir, '/');
	int err = 0;

	if (slash && slash != dir) {
		*slash = '\0';
		err = make_dir(dir);
	}
	free(dir);
	return err;
}

void gd__fsync_dir_of(const char *path)
{
	char *dir = gd__xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*slash = '\0';
	if ((fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Write data to a new temp file beside abs (fsynced when sync); *tmp its
 * name. */
int gd__write_temp(char **tmp, const char *abs, const char *data, size_t len,
		   size_t seq, int sync)
{
	const char *slash = strrchr(abs, '/');
	size_t dirlen = slash ? (size_t)(slash - abs) + 1 : 0;
	size_t off = 0;
	int fd, err = 0;

	*tmp = gd__xasprintf("%.*s.%s.tmp-%ld-%zu", (int)dirlen, abs,
			     slash ? slash + 1 : abs, (long)getpid(), seq);
	fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return gd_error_set(GD_EIO, _("cannot create '%s': %s"), *tmp,
				    strerror(errno));
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs,
					   strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (!err && sync && fsync(fd) < 0)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs, strerror(errno));
	if (close(fd) < 0 && !err)
		err = gd_error_set(GD_EIO, _("cannot write '%s': %s"), abs, strerror(errno));
	if (err)
		unlink(*tmp);
	return err;
}

