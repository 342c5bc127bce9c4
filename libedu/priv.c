/* priv.c - the setgid group's rights (DESIGN 7, 11; edu(7) SECURITY)
 *
 * Installed setgid, a tool runs with the real user's uid and the group
 * that owns the installed database.  The group's rights are put aside at
 * once, taken back only to open EDU_SYSTEM_DB, and given up for good
 * right after it is open: every other file (inputs, reject files, backup
 * targets, a database of the user's own) is opened with the user's own
 * rights.  EDU_SYSTEM_DB comes from the Makefile (SYSTEM_DB), to this
 * file alone. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edu.h"

#ifndef EDU_SYSTEM_DB
#define EDU_SYSTEM_DB "/var/lib/edu/edu.db"
#endif

static enum { PRIV_NONE, PRIV_ASIDE, PRIV_RAISED } priv;
static gid_t real_gid, group_gid;
static int setgid_run;
static const char *db_opened;	/* the database path given to the open */

const char *edu_system_db(void)
{
	return EDU_SYSTEM_DB;
}

void edu_priv_init(void)
{
	gid_t r, e, s;

	if (getresgid(&r, &e, &s) < 0)
		edu_die(EDU_ESOFTWARE, "cannot read the group ids:");
	if (r == e)
		return;
	setgid_run = 1;
	real_gid = r;
	group_gid = e;
	/* The saved set-group-id keeps the group for the database's open. */
	if (setresgid(-1, r, -1) < 0)
		edu_die(EDU_ESOFTWARE, "cannot put the group's rights aside:");
	priv = PRIV_ASIDE;
}

int edu_priv_setgid(void)
{
	return setgid_run;
}

const char *edu_db_default(void)
{
	return edu_priv_setgid() ? EDU_SYSTEM_DB : EDU_DB_DEFAULT;
}

void edu_priv_drop(void)
{
	gid_t r, e, s;

	if (priv == PRIV_NONE)
		return;
	if (setresgid(real_gid, real_gid, real_gid) < 0 ||
	    getresgid(&r, &e, &s) < 0 || r != real_gid || e != real_gid ||
	    s != real_gid)
		edu_die(EDU_ESOFTWARE, "cannot give up the group's rights:");
	priv = PRIV_NONE;
}

/* The installed database's -wal and -shm must be the administrator's:
 * whoever owns them can write pages into the database.  A tool creates
 * them with the real uid, so only the database's owner (or root) may
 * let them be created; everyone else finds them there (the tools keep
 * them, SQLITE_FCNTL_PERSIST_WAL) or is refused. */
static void check_companions(const char *path)
{
	static const char *const sfx[] = { "-wal", "-shm", "-journal" };
	struct stat db, sb;

	if (lstat(path, &db) < 0 || !S_ISREG(db.st_mode))
		return;		/* the open says what is wrong */
	for (int i = 0; i < 3; i++) {
		char *p = edu_asprintf("%s%s", path, sfx[i]);

		if (lstat(p, &sb) == 0) {
			if (!S_ISREG(sb.st_mode) || sb.st_nlink != 1 ||
			    (sb.st_uid != db.st_uid && sb.st_uid != 0))
				edu_die(EDU_ENOPERM, "'%s' is not the database owner's file: "
					"the administrator must remove it", p);
		} else if (i < 2 && getuid() != db.st_uid && getuid() != 0) {
			edu_die(EDU_ENOPERM, "'%s' is missing: the database's owner "
				"must open the database once (edu-db check)", p);
		}
		free(p);
	}
}

int edu_priv_open_db(const char *path)
{
	db_opened = path;
	if (strcmp(path, EDU_SYSTEM_DB)) {
		edu_priv_drop();
		return 0;
	}
	if (priv == PRIV_ASIDE) {
		if (setresgid(-1, group_gid, -1) < 0)
			edu_die(EDU_ESOFTWARE, "cannot take the group's rights back:");
		priv = PRIV_RAISED;
		check_companions(path);
	}
	return 1;
}

const char *edu_priv_db(void)
{
	return db_opened;
}
