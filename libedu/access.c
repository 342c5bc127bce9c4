/* access.c - who the user is and what their role lets them do */
#define _GNU_SOURCE
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"

const char *const edu_roles[] = {
	"admin", "registrar", "petitions", "personnel", "assets", "documents",
	"auditor", NULL
};

const char *edu_login(void)
{
	static char *login;

	if (!login) {
		/* The real uid: a setgid install must not be fooled by $USER. */
		struct passwd *pw = getpwuid(getuid());

		login = pw ? edu_strdup(pw->pw_name)
			   : edu_asprintf("#%u", (unsigned)getuid());
	}
	return login;
}

int edu_role_valid(const char *role)
{
	for (int i = 0; edu_roles[i]; i++)
		if (!strcmp(role, edu_roles[i]))
			return 1;
	return 0;
}

char *edu_user_role(sqlite3 *db, const char *login)
{
	const char *p[] = { login };
	char *r = edu_query1(db, "SELECT role FROM user WHERE login = ?", 1, p);

	return r ? r : edu_strdup("");
}

void edu_access(const char *login, const char *role, const char *roles)
{
	if (!*role)
		edu_die(EDU_ENOPERM, "user '%s' has no role in this database (an admin can add one: edu-db user add %s ROLE)",
			login, login);
	if (!roles || !strcmp(role, "admin") || edu_word_in(roles, role))
		return;
	if (!strcmp(roles, "admin"))
		edu_die(EDU_ENOPERM, "user '%s' (role %s) may not %s: that needs the role admin",
			login, role, edu_session()->verb);
	edu_die(EDU_ENOPERM, "user '%s' (role %s) may not %s: that needs one of the roles admin %s",
		login, role, edu_session()->verb, roles);
}
