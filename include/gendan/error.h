/*
 * error.h - error codes and the one last-error message of the library.
 *
 * Every library function that can fail returns 0 or a negative gd_error_code
 * and sets one message where the failure happens.  The library never prints
 * and never exits; cmd/gendan.c prints "gendan: <message>" once.
 */
#ifndef GENDAN_ERROR_H
#define GENDAN_ERROR_H

/* The gettext domain of gendan's messages: the library translates its
 * messages in it whatever the caller's textdomain() (po/, gendan.mo). */
#define GD_TEXTDOMAIN "gendan"

typedef enum {
	GD_OK = 0,
	GD_ERROR = -1,      /* generic failure */
	GD_ENOTFOUND = -2,  /* no such record, file, key */
	GD_EAMBIGUOUS = -3, /* a REF matches several records */
	GD_EINVALID = -4,   /* bad input: record, config, date, value */
	GD_EEXISTS = -5,    /* id taken, duplicate customer */
	GD_EUSAGE = -6,     /* command-line usage error (exit 2) */
	GD_ECONFLICT = -7,  /* uncommitted hand edits, merge conflict */
	GD_EIO = -8,        /* file system or git failure */
	GD_EIDENTITY = -9,  /* no git identity configured */
	GD_ENOMEM = -10     /* out of memory (the codec and the merge) */
} gd_error_code;

/* Set the last error message (printf-style); returns code for convenience.
 * Control characters (line breaks too) in the message become '?'. */
int gd_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#ifdef __clang_analyzer__
/* For the static analyzer only: the contract above, so that it does not
 * follow a failure path on which the code returned looks like success. */
#define gd_error_set(code, ...) (gd_error_set((code), __VA_ARGS__), (code))
#endif

/* The last error message, "" when none.  Borrowed; valid until the next set. */
const char *gd_error_last(void);

/* The code passed to the last gd_error_set(), GD_OK when none. */
int gd_error_code_last(void);

void gd_error_clear(void);

#endif
