/* gen-students N SCHOOLS [SEED [SHAPE]] - N realistic student rows as CSV on
 * stdout, for the benchmarks: unique valid resident ID numbers in random
 * order, Chinese names, addresses with commas (so quoted), each child in
 * the grade its birth date gives and in a school of a kind that has that
 * grade.  SCHOOLS is a CSV of school_code,kind (edu-school list output
 * will do: the first and third columns are read).  SHAPE 2 makes rows of
 * another shape, for a second measure of an import (issue 23): addresses
 * three times as long, the optional columns (ethnicity, class, zone,
 * guardian, phone) empty in half the rows, and the keys in another
 * order. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static uint64_t rng;
static uint32_t rnd(uint32_t n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng >> 33) % n;
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵",
	"黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
	"梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "欧阳", "司马" };
static const char *const given[] = { "子", "涵", "浩", "宇", "欣", "怡", "梓",
	"轩", "博", "文", "雨", "泽", "晨", "思", "一", "诺", "佳", "琪", "明",
	"睿", "嘉", "俊", "悦", "彤", "昊", "然", "可", "馨", "天", "乐" };
static const char *const streets[] = { "西长安街", "德胜门内大街", "西直门南小街",
	"月坛北街", "广安门内大街", "新街口外大街", "阜成门内大街", "白纸坊东街" };
static const char *const ethnic[] = { "汉族", "汉族", "汉族", "汉族", "汉族",
	"汉族", "回族", "满族", "蒙古族", "朝鲜族" };
static const char *const zones[] = { "德胜", "新街口", "月坛", "广内" };
static const char *const areas[] = { "110101", "110102", "110105", "110106",
	"110107", "110108" };

#define NG 12
static char **by_grade[NG + 1];
static int nby[NG + 1];

static void add_school(const char *code, const char *kind)
{
	int lo = 0, hi = -1;

	if (!strcmp(kind, "primary")) lo = 1, hi = 6;
	else if (!strcmp(kind, "junior")) lo = 7, hi = 9;
	else if (!strcmp(kind, "senior") || !strcmp(kind, "vocational")) lo = 10, hi = 12;
	else if (!strcmp(kind, "complete")) lo = 7, hi = 12;
	else if (!strcmp(kind, "nine-year")) lo = 1, hi = 9;
	for (int g = lo; g <= hi; g++) {
		by_grade[g] = realloc(by_grade[g], (nby[g] + 1) * sizeof(char *));
		by_grade[g][nby[g]++] = strdup(code);
	}
}

static void name(char *out, size_t n)
{
	snprintf(out, n, "%s%s%s", surnames[rnd(32)], given[rnd(30)],
		 rnd(4) ? given[rnd(30)] : "");
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen-students N SCHOOLS [SEED]\n");
		return 64;
	}
	long n = atol(argv[1]);
	rng = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	int shape = argc > 4 ? atoi(argv[4]) : 1;
	FILE *f = fopen(argv[2], "r");
	char line[512];
	if (!f) {
		perror(argv[2]);
		return 66;
	}
	while (fgets(line, sizeof line, f)) {
		char *code = strtok(line, ",\n"), *kind;
		strtok(NULL, ",\n");
		kind = strtok(NULL, ",\n");
		if (code && kind)
			add_school(code, kind);
	}
	fclose(f);
	for (int g = 1; g <= NG; g++)
		if (!nby[g]) {
			fprintf(stderr, "gen-students: no school for grade %d\n", g);
			return 65;
		}

	/* Children born 2008-09-01 .. 2020-08-31 are in grades 12 .. 1 in
	 * the 2026 school year.  Each (area, day, sequence) is one ID;
	 * stepping through them by a multiplier prime to their count visits
	 * each at most once, in an order that looks random. */
	int first = edu_days(2008, 9, 1), ndays = edu_days(2020, 9, 1) - first;
	uint64_t space = (uint64_t)6 * ndays * 1000;
	uint64_t mult = shape == 2 ? 4294967311ULL : 2654435761ULL;
	if (n < 0 || (uint64_t)n > space) {
		fprintf(stderr, "gen-students: at most %llu rows\n", (unsigned long long)space);
		return 64;
	}
	/* 2654435761 and 4294967311 are primes greater than space: coprime
	 * to it. */
	printf("student_no,id_type,id_number,name,sex,birth_date,ethnicity,school_code,grade,class,entry_date,status,major,disability,placement,zone,address,guardian,phone\n");
	for (long i = 0; i < n; i++) {
		uint64_t j = ((uint64_t)i * mult + 12345) % space;
		int seq = j % 1000, day = first + (int)(j / 1000 % ndays);
		const char *area = areas[j / 1000 / ndays];
		int y, m, d;
		char id[19], nm[32], gd[32], date[11];

		edu_ymd(day, &y, &m, &d);
		snprintf(id, sizeof id, "%s%04d%02d%02d%03d", area, y, m, d, seq);
		id[17] = edu_id_check_char(id);
		id[18] = '\0';
		/* Grade 1 is born 2019-09-01 .. 2020-08-31. */
		int grade = 2026 - y - (m >= 9 ? 1 : 0) - 5;
		const char *school = by_grade[grade][rnd(nby[grade])];
		name(nm, sizeof nm);
		name(gd, sizeof gd);
		int entry_year = 2026 - grade + 1;
		/* student_no given, so that sqlite3 .import can take the file too. */
		int own = 1;
		if (shape == 2) {
			int bare = rnd(2);
			const char *st = streets[rnd(8)];
			printf("G%s,resident,%s,%s,%s,%s,%s,%s,%d,%s,%d-09-01,enrolled,,%s,,%s,"
			       "\"北京市西城区%s%d号院%d号楼,%d单元%d室(%s与%s交叉口东北角,近%s公交站,物业%s)\",%s,",
			       id, id, nm, seq % 2 ? "M" : "F", edu_date_str(day, date),
			       bare ? "" : ethnic[rnd(10)], school, grade, bare ? "" : "3",
			       entry_year, rnd(200) ? "" : "physical", bare ? "" : zones[rnd(4)],
			       st, 1 + rnd(200), 1 + rnd(12), 1 + rnd(6), 101 + rnd(20) * 100 + rnd(4),
			       st, streets[rnd(8)], streets[rnd(8)], zones[rnd(4)], bare ? "" : gd);
			if (bare)
				printf("\n");
			else
				printf("1%d%09u\n", 3 + rnd(7), rnd(1000000000));
			continue;
		}
		printf("%s%s,resident,%s,%s,%s,%s,%s,%s,%d,%d,%d-09-01,enrolled,,%s,%s,%s,\"北京市西城区%s%d号院%d号楼,%d单元%d\",%s,1%d%09u\n",
		       own ? "G" : "", own ? id : "", id, nm, seq % 2 ? "M" : "F",
		       edu_date_str(day, date), ethnic[rnd(10)], school, grade,
		       1 + rnd(8), entry_year,
		       rnd(200) ? "" : "physical", "", zones[rnd(4)], streets[rnd(8)],
		       1 + rnd(200), 1 + rnd(12), 1 + rnd(6), 101 + rnd(20) * 100 + rnd(4),
		       gd, 3 + rnd(7), rnd(1000000000));
	}
	return ferror(stdout) || fclose(stdout) ? 74 : 0;
}
