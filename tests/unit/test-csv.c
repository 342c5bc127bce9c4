/* test-csv.c - the CSV reader of libedu/csv.c on real files: quoting, line
 * ends, line numbers, BOM, headers and aliases, malformed input, bad
 * UTF-8, GB18030, and large fields and rows. */
#define _GNU_SOURCE
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static char tmpdir[] = "/tmp/edu-test-csv.XXXXXX";
static int nfiles;

static void cleanup(void)
{
	char p[600];

	for (int i = 0; i < nfiles; i++) {
		snprintf(p, sizeof p, "%s/%d.csv", tmpdir, i);
		unlink(p);
	}
	rmdir(tmpdir);
}

/* Write n bytes to a new file in the test directory; returns its path. */
static const char *file(const char *data, size_t n)
{
	static char path[8][600];
	static int k;
	char *p = path[k = (k + 1) % 8];
	FILE *f;

	snprintf(p, sizeof path[0], "%s/%d.csv", tmpdir, nfiles++);
	if (!(f = fopen(p, "wb")) || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
		perror(p);
		exit(99);
	}
	return p;
}

#define FILE_OF(lit) file(lit, sizeof lit - 1)

/* Every record of a file as "LINE:f1|f2;" with \n, \r and | shown
 * escaped, "!" after a record edu_csv_bad() complains of, and "ERR" when
 * edu_csv_next() fails. */
static const char *dump_path(const char *path)
{
	static struct edu_buf b;
	struct edu_csv *r = edu_csv_open(path);
	int n;

	b.len = 0;
	edu_buf_add(&b, "", 0);
	if (!r)
		return "NOFILE";
	while ((n = edu_csv_next(r)) > 0) {
		edu_buf_printf(&b, "%ld:", edu_csv_line(r));
		for (int i = 0; i < n; i++) {
			const char *s = edu_csv_field(r, i);
			size_t len = edu_csv_field_len(r, i);

			if (i > 0)
				edu_buf_add(&b, "|", 1);
			for (size_t j = 0; j < len; j++) {
				switch (s[j]) {
				case '\n': edu_buf_puts(&b, "\\n"); break;
				case '\r': edu_buf_puts(&b, "\\r"); break;
				case '|': edu_buf_puts(&b, "\\|"); break;
				case '\0': edu_buf_puts(&b, "\\0"); break;
				default: edu_buf_add(&b, s + j, 1);
				}
			}
		}
		if (edu_csv_bad(r))
			edu_buf_add(&b, "!", 1);
		edu_buf_add(&b, ";", 1);
	}
	if (n < 0)
		edu_buf_puts(&b, "ERR");
	edu_csv_close(r);
	return b.s;
}

#define DUMP(lit) dump_path(FILE_OF(lit))

static void test_quoting(void)
{
	is(DUMP("a,b,c\n1,2,3\n"), "1:a|b|c;2:1|2|3;", "plain records");
	is(DUMP("\"a,b\",c\n"), "1:a,b|c;", "quoted comma");
	is(DUMP("\"he said \"\"hi\"\"\",x\n"), "1:he said \"hi\"|x;", "doubled quotes");
	is(DUMP("\"\"\"\",\"\"\"a\"\"\"\n"), "1:\"|\"a\";", "fields of quotes only");
	is(DUMP("h\n\"x\ny\",z\nc,d\n"), "1:h;2:x\\ny|z;4:c|d;",
	   "a newline inside quotes: the next record starts on line 4");
	is(DUMP("h\n\"x\n\n\ny\"\nc\n"), "1:h;2:x\\n\\n\\ny;6:c;",
	   "blank lines inside quotes are kept and counted");
	is(DUMP("a,,b\n,,\nc,,\n"), "1:a||b;3:c||;", "empty fields; a row of empty fields is skipped");
	is(DUMP("a,b\n,\n\n , \n,\n1,2\n"), "1:a|b;6:1|2;", "... every such row, and blank lines");
	is(DUMP("a,\n,a\n"), "1:a|;2:|a;", "empty last and first field");
	is(DUMP("a,\"\",b\n"), "1:a||b;", "a quoted empty field");
	is(DUMP(" a , b \n\" c \",d\t\n"), "1: a | b ;2: c |d\t;",
	   "leading and trailing spaces kept exactly");
}

static void test_lines(void)
{
	is(DUMP("a,b\nc,d"), "1:a|b;2:c|d;", "a last line without newline");
	is(DUMP("a,b\r\nc,d\r\n"), "1:a|b;2:c|d;", "CRLF");
	is(DUMP("a,b\rc,d\r"), "1:a|b;2:c|d;", "CR only");
	is(DUMP("a\r\rb\r"), "1:a;3:b;", "CR only with a blank line");
	is(DUMP("a\r\n\r\nb\r\n\r\n"), "1:a;3:b;", "CRLF with blank lines");
	is(DUMP("a,b\n\n\nc,d\n\n\n"), "1:a|b;4:c|d;", "blank lines between and after records");
	is(DUMP("\n\na\n"), "3:a;", "blank lines before the first record");
	is(DUMP("a\n   \n\t\nb\n"), "1:a;4:b;", "lines of spaces and tabs are blank");
	is(DUMP("\"x\r\ny\",z\r\nc\r\n"), "1:x\\r\\ny|z;3:c;", "CRLF inside quotes kept");
	is(DUMP("\"x\ry\",z\rc\r"), "1:x\\ry|z;3:c;", "CR inside quotes, CR line ends");
	is(DUMP("a\nb\r\nc\rd"), "1:a;2:b;3:c;4:d;", "mixed line ends");
	is(DUMP(""), "", "an empty file has no records");
	is(DUMP("\n\n"), "", "only blank lines: no records");
	is(DUMP("x"), "1:x;", "one byte");
	is(DUMP("ab"), "1:ab;", "two bytes");
}

static void test_bom(void)
{
	is(DUMP("\xef\xbb\xbfname,x\n1,2\n"), "1:name|x;2:1|2;", "UTF-8 BOM stripped");
	is(DUMP("\xef\xbb\xbf\"name\",x\r\n1,2\r\n"), "1:name|x;2:1|2;", "BOM, quoted first field, CRLF");
	is(DUMP("\xef\xbb\xbf"), "", "a BOM alone: no records");
	is(DUMP("\xef\xbb\xbf" "a"), "1:a;", "BOM and one byte");
	is(DUMP("a\xef\xbb\xbf\n"), "1:a\xef\xbb\xbf;", "U+FEFF later on is text");
}

static void test_errors(void)
{
	is(DUMP("a,\"bc\n"), "ERR", "unterminated quote: -1");
	is(DUMP("x\ny,\"z\n\n"), "1:x;ERR", "unterminated quote after a good record");
	is(DUMP("ab\"c,d\n"), "ERR", "a quote inside an unquoted field: -1");
	is(DUMP("h\n\"ab\"c,d\n"), "1:h;ERR", "text after a closing quote: -1");

	const char *p = FILE_OF("h\n\"x\ny\"\n\"open\n");
	struct edu_csv *r = edu_csv_open(p);
	ok(edu_csv_next(r) == 1 && edu_csv_next(r) == 1, "two records before the bad one");
	ok(edu_csv_next(r) == -1, "unterminated quote at the end: -1");
	ok(edu_csv_line(r) == 4, "the bad record starts on line 4 (%ld)", edu_csv_line(r));
	edu_csv_close(r);

	/* Not UTF-8: GB18030 bytes of 张三 read as UTF-8. */
	p = FILE_OF("name\n\xd5\xc5\xc8\xfd\nok\n");
	r = edu_csv_open(p);
	ok(edu_csv_next(r) == 1 && !edu_csv_bad(r), "header fine");
	ok(edu_csv_next(r) == 1, "a bad record is still returned");
	const char *bad = edu_csv_bad(r);
	ok(bad && strstr(bad, "--encoding"), "invalid UTF-8: edu_csv_bad mentions --encoding (%s)",
	   bad ? bad : "NULL");
	ok(edu_csv_line(r) == 2, "on line 2");
	ok(edu_csv_next(r) == 1 && !edu_csv_bad(r), "the next record is fine again");
	is(edu_csv_field(r, 0), "ok", "and read");
	ok(edu_csv_next(r) == 0, "then the end");
	edu_csv_close(r);

	p = file("a\0b,c\n", 6);
	r = edu_csv_open(p);
	ok(edu_csv_next(r) == 2, "a record with a NUL");
	bad = edu_csv_bad(r);
	ok(bad && strstr(bad, "NUL"), "a NUL byte: edu_csv_bad says so (%s)", bad ? bad : "NULL");
	ok(edu_csv_field_len(r, 0) == 3, "the field keeps its 3 bytes");
	edu_csv_close(r);

	is(DUMP("a\x01" "b\n"), "1:a\x01" "b!;", "a control character is bad");
	is(DUMP("\"a\xc0\xaf\"\n"), "1:a\xc0\xaf!;", "an overlong form is bad");
	is(DUMP("x,y\na\tb,c\n"), "1:x|y;2:a\tb|c;", "a tab is fine");
	/* TSV, as -f tsv writes it: known by its header line. */
	is(DUMP("a\tb\n1\t2\n"), "1:a|b;2:1|2;", "a header of tabs and no comma: TSV");
	is(DUMP("a\tb\r\nx,y\t\\t\\n\\\\\r\n\n\t\n"), "1:a|b;2:x,y|\t\\n\\;",
	   "TSV: commas are text, \\t \\n \\\\ unescaped, CRLF, blank and empty rows skipped");
	is(DUMP("a\t\"b\"\n\"x\t1\n"), "1:a|\"b\";2:\"x|1;", "TSV: quotes are text");
	/* What --excel protects comes back as it was. */
	is(DUMP("a,b,c,d\n\"=\"\"0571\"\"\",\"=\"\"330102200901011234\"\"\",'=1+1,'-5\n"),
	   "1:a|b|c|d;2:0571|330102200901011234|=1+1|-5;", "--excel: =\"0571\" and ' before a formula undone");
	is(DUMP("a,b,c,d\n''=x,'x,'',\"=\"\"\"\"\"\n"), "1:a|b|c|d;2:'=x|'x|''|=\"\";",
	   "... one ' of a run; a ' before other text, and =\"\" without digits, kept");

	ok(edu_csv_open("/nonexistent/edu/x.csv") == NULL, "a missing file: NULL");
}

static void test_fields(void)
{
	const char *p = FILE_OF("a,b\n");
	struct edu_csv *r = edu_csv_open(p);

	is(edu_csv_name(r), p, "edu_csv_name is the path");
	ok(edu_csv_next(r) == 2, "two fields");
	is(edu_csv_field(r, 2), "", "past the end: \"\"");
	is(edu_csv_field(r, -1), "", "a negative index: \"\"");
	ok(edu_csv_field_len(r, 1) == 1 && edu_csv_field_len(r, 5) == 0, "field lengths");
	ok(edu_csv_next(r) == 0 && edu_csv_next(r) == 0, "0 at the end, and again");
	edu_csv_close(r);
}

static const struct edu_colname cols[] = {
	{ "name", "姓名|名字" },
	{ "school_code", "学校代码" },
	{ "birth_date", "出生日期" },
};

static int header(const char *path, int ignore_extra, int map[3])
{
	struct edu_csv *r = edu_csv_open(path);
	int rc = edu_csv_header(r, cols, 3, ignore_extra, map);

	edu_csv_close(r);
	return rc;
}

static void test_header(void)
{
	int map[3];

	ok(header(FILE_OF("name,school_code,birth_date\n"), 0, map) == 0, "header by name");
	ok(map[0] == 0 && map[1] == 1 && map[2] == 2, "mapped in order");
	ok(header(FILE_OF("BIRTH_DATE,Name\n"), 0, map) == 0, "any order, any case");
	ok(map[0] == 1 && map[1] == -1 && map[2] == 0, "mapped: name 1, school_code -1, birth_date 0");
	ok(header(FILE_OF("学校代码,姓名\n"), 0, map) == 0, "Chinese aliases");
	ok(map[0] == 1 && map[1] == 0 && map[2] == -1, "姓名 -> name, 学校代码 -> school_code");
	ok(header(FILE_OF("名字\n"), 0, map) == 0 && map[0] == 0, "the second alias 名字");
	ok(header(FILE_OF("\xef\xbb\xbf姓名,出生日期\r\n"), 0, map) == 0 && map[0] == 0 && map[2] == 1,
	   "aliases after a BOM, CRLF");
	ok(header(FILE_OF(" name , school_code\n"), 0, map) == 0 && map[0] == 0 && map[1] == 1,
	   "spaces round header names ignored");
	ok(header(FILE_OF("name,colour\n"), 0, map) == -1, "an unknown column refused");
	ok(header(FILE_OF("name,colour\n"), 1, map) == 0 && map[0] == 0, "accepted with ignore_extra");
	ok(header(FILE_OF("姓\n"), 0, map) == -1, "part of an alias is unknown");
	ok(header(FILE_OF("姓名|名字\n"), 0, map) == -1, "the alias list itself is unknown");
	ok(header(FILE_OF("name,姓名\n"), 0, map) == -1, "a duplicate column (name, alias) refused");
	ok(header(FILE_OF("name,NAME\n"), 1, map) == -1, "a duplicate refused even with ignore_extra");
	ok(header(FILE_OF(""), 0, map) == -1, "an empty file has no header");
	ok(header(FILE_OF("\n\n"), 0, map) == -1, "blank lines are no header");
	ok(header(FILE_OF("name,\"sch\n"), 0, map) == -1, "a malformed header refused");
	ok(header(FILE_OF("name,\xd0\xd5\xc3\xfb\n"), 1, map) == -1, "a header that is not UTF-8 refused");

	/* The header, then records, with their lines. */
	struct edu_csv *r = edu_csv_open(FILE_OF("\n姓名,school_code\n\n张三,1101\n\"李\n四\",1102\n王五,1103"));
	ok(edu_csv_header(r, cols, 3, 0, map) == 0, "header on line 2");
	ok(edu_csv_next(r) == 2 && edu_csv_line(r) == 4, "first record on line 4");
	is(edu_csv_field(r, map[0]), "张三", "its name");
	is(edu_csv_field(r, map[1]), "1101", "its school_code");
	ok(edu_csv_next(r) == 2 && edu_csv_line(r) == 5, "second on line 5");
	is(edu_csv_field(r, map[0]), "李\n四", "a name with a newline");
	ok(edu_csv_next(r) == 2 && edu_csv_line(r) == 7, "third on line 7, no newline at the end");
	is(edu_csv_field(r, map[0]), "王五", "its name");
	ok(edu_csv_next(r) == 0, "the end");
	edu_csv_close(r);
}

/* UTF-8 to GB18030 with iconv(3); a malloc'd result. */
static char *to_gb18030(const char *s, size_t *n)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(s), outleft = inleft * 4 + 4;
	char *out = malloc(outleft), *o = out, *in = (char *)s;

	if (cd == (iconv_t)-1 || iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		perror("iconv");
		exit(99);
	}
	iconv_close(cd);
	*n = (size_t)(o - out);
	return out;
}

static void test_gb18030(void)
{
	size_t n;
	char *gb = to_gb18030("姓名,学校\n张三,一中\n", &n);
	static const char hex[] = "\xd0\xd5\xc3\xfb,\xd1\xa7\xd0\xa3\n\xd5\xc5\xc8\xfd,\xd2\xbb\xd6\xd0\n";

	ok(n == sizeof hex - 1 && !memcmp(gb, hex, n), "iconv agrees on the GB18030 bytes");
	edu_csv_encoding("GB18030");
	is(dump_path(file(gb, n)), "1:姓名|学校;2:张三|一中;", "GB18030 read back as UTF-8");
	is(dump_path(FILE_OF("\xd0\xd5\xc3\xfb,\xd1\xa7\xd0\xa3\r\n\xd5\xc5\xc8\xfd,\xd2\xbb\xd6\xd0")),
	   "1:姓名|学校;2:张三|一中;", "GB18030 from hex, CRLF, no final newline");
	free(gb);

	/* Four-byte GB18030 sequences and its BOM. */
	gb = to_gb18030("\xef\xbb\xbf" "name\n\"é,𠀀\",€\n", &n);
	is(dump_path(file(gb, n)), "1:name;2:é,𠀀|€;", "GB18030 BOM dropped, 4-byte forms converted");
	free(gb);

	int map[3];
	gb = to_gb18030("名字,出生日期\n", &n);
	ok(header(file(gb, n), 0, map) == 0 && map[0] == 0 && map[2] == 1, "GB18030 header aliases");
	free(gb);

	is(DUMP("a\n\xff\xff\n"), "ERR", "bytes that are not GB18030: -1");
	is(DUMP("a\n\xd5"), "ERR", "a GB18030 character cut off at the end: -1");

	/* Regression: the message named line 1 (the lines parsed so far)
	 * for a bad byte further on, and reading on after the -1 converted
	 * the same bytes again. */
	char *msg = NULL;
	size_t msglen;
	FILE *saved = stderr;
	stderr = open_memstream(&msg, &msglen);
	struct edu_csv *r = edu_csv_open(FILE_OF("a\r\nb\n\"c\rd\"\n\xff\n"));
	ok(edu_csv_next(r) == -1, "a bad GB18030 byte on line 5: -1");
	ok(edu_csv_next(r) == 0, "and then the end, not the same text again");
	edu_csv_close(r);
	fclose(stderr);
	stderr = saved;
	ok(msg && strstr(msg, ".csv:5: not valid GB18030 text (at byte 11)\n"),
	   "the message names line 5 and byte 11");
	if (msg)
		printf("# %s", msg);
	free(msg);

	/* A large file: characters split between reads must survive. */
	struct edu_buf u = { 0 };
	edu_buf_puts(&u, "h\n\"");
	for (int i = 0; i < 50000; i++)
		edu_buf_puts(&u, i % 1000 == 999 ? "\n" : "中");
	edu_buf_puts(&u, "\",x\ny\n");
	gb = to_gb18030(u.s, &n);
	r = edu_csv_open(file(gb, n));
	ok(edu_csv_next(r) == 1, "header");
	ok(edu_csv_next(r) == 2 && !edu_csv_bad(r), "a 100 KB GB18030 field");
	ok(edu_csv_field_len(r, 0) == u.len - 9 && !memcmp(edu_csv_field(r, 0), u.s + 3, u.len - 9),
	   "read back intact (%zu bytes of UTF-8)", edu_csv_field_len(r, 0));
	ok(edu_csv_next(r) == 1 && edu_csv_line(r) == 53, "the next record on line 53 (%ld)",
	   edu_csv_line(r));
	edu_csv_close(r);
	free(gb);
	edu_buf_free(&u);

	edu_csv_encoding("utf-8");
	is(DUMP("姓名\n张三\n"), "1:姓名;2:张三;", "encoding utf-8 reads UTF-8");
	edu_csv_encoding(NULL);
}

static void test_big(void)
{
	struct edu_buf b = { 0 }, want = { 0 };

	/* A 1 MB quoted field with newlines and doubled quotes in it. */
	edu_buf_puts(&b, "h,i\n\"");
	for (int i = 0; i < 1024; i++) {
		char chunk[1024];

		memset(chunk, 'a' + i % 26, 1022);
		chunk[1022] = i % 2 ? '\n' : '"';
		chunk[1023] = '\0';
		edu_buf_puts(&want, chunk);
		if (chunk[1022] == '"')
			chunk[1022] = '\0', edu_buf_puts(&b, chunk), edu_buf_puts(&b, "\"\"");
		else
			edu_buf_puts(&b, chunk);
	}
	edu_buf_puts(&b, "\",2\nlast,3\n");
	struct edu_csv *r = edu_csv_open(file(b.s, b.len));
	ok(edu_csv_next(r) == 2, "header");
	ok(edu_csv_next(r) == 2 && edu_csv_line(r) == 2, "a 1 MB field");
	ok(edu_csv_field_len(r, 0) == 1024 * 1023 && want.len == 1024 * 1023 &&
	   !memcmp(edu_csv_field(r, 0), want.s, want.len), "1 MB field read back intact");
	is(edu_csv_field(r, 1), "2", "the field after it");
	ok(edu_csv_next(r) == 2 && edu_csv_line(r) == 2 + 512 + 1, "the next record on line %d (%ld)",
	   2 + 512 + 1, edu_csv_line(r));
	is(edu_csv_field(r, 0), "last", "and read");
	edu_csv_close(r);

	/* An unquoted 1 MB line. */
	b.len = 0;
	want.len = 0;
	for (int i = 0; i < 1 << 20; i++)
		edu_buf_add(&want, &"0123456789abcdef"[i % 16], 1);
	edu_buf_printf(&b, "h\n%s\nz\n", want.s);
	r = edu_csv_open(file(b.s, b.len));
	ok(edu_csv_next(r) == 1 && edu_csv_next(r) == 1 && edu_csv_field_len(r, 0) == 1 << 20 &&
	   !strcmp(edu_csv_field(r, 0), want.s), "an unquoted 1 MB field intact");
	ok(edu_csv_next(r) == 1 && edu_csv_line(r) == 3, "then line 3");
	edu_csv_close(r);

	/* 5000 columns. */
	b.len = 0;
	for (int i = 0; i < 5000; i++)
		edu_buf_printf(&b, "%sc%d", i ? "," : "", i);
	edu_buf_puts(&b, "\n");
	for (int i = 0; i < 5000; i++)
		edu_buf_printf(&b, i % 3 ? "%sv%d" : "%s\"v%d\"", i ? "," : "", i);
	edu_buf_puts(&b, "\n");
	r = edu_csv_open(file(b.s, b.len));
	int n1 = edu_csv_next(r), good = 0;
	for (int i = 0; i < n1; i++) {
		char s[16];

		snprintf(s, sizeof s, "c%d", i);
		good += !strcmp(edu_csv_field(r, i), s);
	}
	ok(n1 == 5000 && good == 5000, "a header of 5000 columns");
	int n2 = edu_csv_next(r);
	good = 0;
	for (int i = 0; i < n2; i++) {
		char s[16];

		snprintf(s, sizeof s, "v%d", i);
		good += !strcmp(edu_csv_field(r, i), s);
	}
	ok(n2 == 5000 && good == 5000, "a record of 5000 fields");
	ok(edu_csv_next(r) == 0, "the end");
	edu_csv_close(r);

	/* CRLF split across the 64 KB reads. */
	b.len = 0;
	for (int i = 0; i < 65535; i++)
		edu_buf_add(&b, "h", 1);
	edu_buf_puts(&b, "\r\nx\r\n\r\ny\r\n");
	r = edu_csv_open(file(b.s, b.len));
	ok(edu_csv_next(r) == 1 && edu_csv_field_len(r, 0) == 65535, "a line of 65535 bytes, CRLF");
	ok(edu_csv_next(r) == 1 && edu_csv_line(r) == 2, "CRLF across reads is one line end");
	ok(edu_csv_next(r) == 1 && edu_csv_line(r) == 4, "line 4 after a blank line");
	edu_csv_close(r);

	edu_buf_free(&b);
	edu_buf_free(&want);
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 99;
	}
	atexit(cleanup);
	edu_prog = "test-csv";
	test_quoting();
	test_lines();
	test_bom();
	test_errors();
	test_fields();
	test_header();
	test_gb18030();
	test_big();
	return done_testing();
}
