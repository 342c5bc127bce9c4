/* outfile.c - the files the tools write: backups, reject files, a new
 * database (edu(7) SECURITY)
 *
 * Each is made with the caller's own rights (priv.c gave the group's up
 * before), never over a file or link that exists, never at the
 * database's own paths, and written only through the descriptor made
 * here: an unnamed file in the target's directory (O_TMPFILE; a hidden
 * temporary name where the file system has none) that is linked under
 * its name, without replacing anything, once it is complete. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edu.h"

/* The files not kept yet, removed at exit: a run that dies leaves none. */
static struct edu_outfile *pending[4];

static void remove_pending(void)
{
	for (int i = 0; i < 4; i++)
		if (pending[i])
			edu_outfile_abort(pending[i]);
}

static void track(struct edu_outfile *o, int on)
{
	static int registered;

	for (int i = 0; i < 4; i++)
		if (on ? !pending[i] : pending[i] == o) {
			pending[i] = on ? o : NULL;
			break;
		}
	if (on && !registered++)
		atexit(remove_pending);
}

/* The directory of path, resolved, and its last name: "DIR/NAME", or
 * NULL when the directory does not resolve. */
static char *resolve_dir(const char *path)
{
	char *d = edu_strdup(path), *b = edu_strdup(path);
	char *rd = realpath(dirname(d), NULL);
	char *r = NULL;

	if (rd)
		r = edu_asprintf("%s/%s", strcmp(rd, "/") ? rd : "", basename(b));
	free(rd);
	free(d);
	free(b);
	return r;
}

/* Is target (resolved) the database db or one of its files?  They may not
 * exist yet, so names are compared: the database's as given and as
 * SQLite names its files (through links). */
static int is_db_file(const char *target, const char *db)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char *forms[2] = { resolve_dir(db), realpath(db, NULL) };
	int hit = 0;

	for (int f = 0; f < 2 && !hit; f++) {
		size_t n = forms[f] ? strlen(forms[f]) : 0;

		if (!forms[f] || strncmp(target, forms[f], n))
			continue;
		for (int s = 0; s < 4; s++)
			if (!strcmp(target + n, sfx[s]))
				hit = 1;
	}
	free(forms[0]);
	free(forms[1]);
	return hit;
}

static void check(const char *path, int the_db)
{
	struct stat sb;
	char *r = the_db ? NULL : resolve_dir(path);
	const char *db = edu_priv_db();

	if (r && ((db && is_db_file(r, db)) || is_db_file(r, edu_system_db())))
		edu_die(EDU_ECANTCREAT, "cannot create '%s': it is the database or one of its files", path);
	free(r);
	if (lstat(path, &sb) == 0)
		edu_die(EDU_ECANTCREAT, the_db ? "'%s' exists already: init makes a new database only"
			: "'%s' exists already", path);
	if (errno != ENOENT)
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", path);
	/* With the rights the file will be made with (init's may be the
	 * group's, for the installed database). */
	char *d = edu_strdup(path);
	if (faccessat(AT_FDCWD, dirname(d), W_OK | X_OK, AT_EACCESS) < 0)
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", path);
	free(d);
}

void edu_outfile_check(const char *path)
{
	check(path, 0);
}

void edu_outfile_open(struct edu_outfile *o, const char *path, mode_t mode,
		      int the_db)
{
	char *d = edu_strdup(path), *b = edu_strdup(path);
	const char *dir = dirname(d);

	check(path, the_db);
	memset(o, 0, sizeof *o);
	o->path = edu_strdup(path);
	o->fd = -1;
	/* Linking an unnamed file in takes /proc/self/fd (or privilege). */
	if (access("/proc/self/fd", X_OK) < 0)
		errno = EOPNOTSUPP;
	else
		o->fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	/* Without O_TMPFILE here: a hidden name, made as exclusively. */
	if (o->fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		o->tmp = edu_asprintf("%s/.%s.XXXXXX", dir, basename(b));
		o->fd = mkostemp(o->tmp, O_CLOEXEC);
	}
	if (o->fd < 0) {
		int e = errno;
		free(o->tmp);
		o->tmp = NULL;
		errno = e;
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", path);
	}
	track(o, 1);
	if (fchmod(o->fd, mode) < 0)
		edu_die(EDU_ECANTCREAT, "cannot set the mode of '%s':", path);
	free(d);
	free(b);
}

void edu_outfile_write(struct edu_outfile *o, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0) {
		ssize_t k = write(o->fd, c, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k == 0)
			errno = ENOSPC;
		if (k <= 0)
			edu_die(EDU_EIO, "cannot write '%s':", o->path);
		c += k;
		n -= (size_t)k;
	}
}

void edu_outfile_commit(struct edu_outfile *o)
{
	char proc[64];
	int rc;

	if (fsync(o->fd) < 0)
		edu_die(EDU_EIO, "cannot write '%s':", o->path);
	if (o->tmp) {
		rc = link(o->tmp, o->path);
	} else {
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->fd);
		rc = linkat(AT_FDCWD, proc, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW);
	}
	if (rc < 0)
		edu_die(EDU_ECANTCREAT, errno == EEXIST ? "'%s' exists already"
			: "cannot create '%s':", o->path);
	o->linked = 1;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
	/* The new name lasts through a power cut too. */
	char *d = edu_strdup(o->path);
	int dfd = open(dirname(d), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(d);
}

void edu_outfile_close(struct edu_outfile *o)
{
	track(o, 0);
	if (o->fd >= 0 && close(o->fd) < 0 && !o->linked)
		edu_warn("cannot close '%s':", o->path);
	o->fd = -1;
	free(o->path);
	o->path = NULL;
}

void edu_outfile_abort(struct edu_outfile *o)
{
	if (o->tmp)
		unlink(o->tmp);
	if (o->linked)
		unlink(o->path);
	free(o->tmp);
	o->tmp = NULL;
	o->linked = 0;
	edu_outfile_close(o);
}

/* ---- the reject file of --reject (DESIGN 4) -------------------------- */

struct edu_reject {
	struct edu_outfile o;
	FILE *f;
	char *path;
	int dry;
};

struct edu_reject *edu_reject_open(const char *path)
{
	struct edu_reject *r;
	mode_t um;

	if (!path)
		return NULL;
	r = edu_malloc(sizeof *r);
	memset(r, 0, sizeof *r);
	r->path = edu_strdup(path);
	if (edu_session()->dry_run) {
		/* Checked as a real run would, but made nowhere. */
		edu_outfile_check(path);
		r->dry = 1;
		if (!(r->f = fopen("/dev/null", "w")))
			edu_die(EDU_ECANTCREAT, "cannot open /dev/null:");
		return r;
	}
	um = umask(0);
	umask(um);
	edu_outfile_open(&r->o, path, 0666 & ~um, 0);
	if (!(r->f = fdopen(r->o.fd, "w")))
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", path);
	return r;
}

FILE *edu_reject_file(struct edu_reject *r)
{
	return r ? r->f : NULL;
}

void edu_reject_flush(struct edu_reject *r)
{
	if (!r || r->dry)
		return;
	errno = 0;
	if (fflush(r->f) != 0 || ferror(r->f)) {
		if (errno)
			edu_warn("cannot write '%s':", r->path);
		else
			edu_warn("cannot write '%s'", r->path);
		edu_die(EDU_EIO, "nothing written");
	}
	edu_outfile_commit(&r->o);
}

void edu_reject_close(struct edu_reject *r, int keep)
{
	if (!r)
		return;
	if (r->dry) {
		fclose(r->f);
	} else {
		/* fclose closes the descriptor of the outfile. */
		if (fclose(r->f) != 0 && keep)
			edu_warn("cannot close '%s':", r->path);
		r->o.fd = -1;
		if (keep)
			edu_outfile_close(&r->o);
		else
			edu_outfile_abort(&r->o);
	}
	free(r->path);
	free(r);
}
