/* test-near: "did you mean": the nearest name by edit distance, worked
 * by hand, and the words it must not guess at. */
#include <string.h>

#include "edu.h"
#include "tap.h"

static const char *nearest(const char *word, const char *const *names)
{
	static struct edu_near n;

	edu_near_init(&n, word);
	for (; *names; names++)
		edu_near_try(&n, *names, strlen(*names));
	return edu_near_best(&n);
}

int main(void)
{
	static const char *const verbs[] = { "import", "list", "show", "promote", "graduate", NULL };
	static const char *const cols[] = { "birth_date", "id_number", "name", "出生日期", "姓名", NULL };

	struct edu_near none;
	edu_near_init(&none, "import");
	ok(!edu_near_best(&none), "nothing tried: no guess");
	is(nearest("improt", verbs), "import", "a swap of neighbours is one edit");
	is(nearest("IMPORT", verbs), "import", "case is ignored");
	is(nearest("lst", verbs), "list", "a letter left out");
	is(nearest("graduat", verbs), "graduate", "a letter left off the end");
	is(nearest("promtoe", verbs), "promote", "two edits in a longer word");
	is(nearest("frobnicate", verbs), NULL, "a word near none: no guess");
	is(nearest("ls", verbs), NULL, "two letters are not one edit from a four-letter verb");
	is(nearest("x", verbs), NULL, "a one-letter word is never guessed at");
	is(nearest("birthdate", cols), "birth_date", "a character left out of a column");
	is(nearest("brith_date", cols), "birth_date", "... swapped");
	is(nearest("出身日期", cols), "出生日期", "a Chinese character counts one, not three bytes");
	is(nearest("性名", cols), "姓名", "... even in two-character names");
	is(nearest("nmae", cols), "name", "the nearest, not the first within reach");
	static const char *const tie[] = { "lost", "list", NULL };
	is(nearest("lust", tie), "lost", "a tie goes to the first in the list");
	char longword[300];
	memset(longword, 'a', sizeof longword - 1);
	longword[sizeof longword - 1] = '\0';
	is(nearest(longword, verbs), NULL, "a word longer than any name: no guess, no overflow");
	return done_testing();
}
