/* date.c - civil dates as day numbers, and the working-day calendar */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

/* Days from 1970-01-01 of a proleptic Gregorian date, by the
 * era-of-400-years method. */
int edu_days(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void edu_ymd(int days, int *y, int *m, int *d)
{
	days += 719468;
	int era = (days >= 0 ? days : days - 146096) / 146097;
	int doe = days - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;

	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

char *edu_date_str(int days, char out[11])
{
	int y, m, d;

	/* Four digits of year: a day outside them is shown as the nearest
	 * end, never wrapped (callers that compute dates refuse them). */
	if (days > EDU_DAY_MAX)
		days = EDU_DAY_MAX;
	if (days < EDU_DAY_MIN)
		days = EDU_DAY_MIN;
	edu_ymd(days, &y, &m, &d);
	/* Digits by hand: this runs for every date of a big import. */
	unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u, dd = (unsigned)d % 100u;
	out[0] = (char)('0' + yy / 1000);
	out[1] = (char)('0' + yy / 100 % 10);
	out[2] = (char)('0' + yy / 10 % 10);
	out[3] = (char)('0' + yy % 10);
	out[4] = '-';
	out[5] = (char)('0' + mm / 10);
	out[6] = (char)('0' + mm % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
	return out;
}

int edu_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return edu_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int edu_weekday(int days)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (days % 7 + 7 + 3) % 7;

	return w + 1;
}

static int month_len(int y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : len[m - 1];
}

int edu_add_months(int days, int months)
{
	int y, m, d;

	edu_ymd(days, &y, &m, &d);
	int idx = y * 12 + (m - 1) + months;
	/* Past the last day or before the first: the end itself. */
	if (idx >= 10000 * 12)
		return EDU_DAY_MAX;
	if (idx < 12)
		return EDU_DAY_MIN;
	y = idx / 12;
	m = idx % 12 + 1;
	if (d > month_len(y, m))
		d = month_len(y, m);
	return edu_days(y, m, d);
}

/* Read 1..maxd digits. */
static const char *num(const char *s, int maxd, int *v)
{
	int n = 0;

	*v = 0;
	while (*s >= '0' && *s <= '9' && n < maxd) {
		*v = *v * 10 + (*s - '0');
		s++;
		n++;
	}
	return n ? s : NULL;
}

int edu_parse_date(const char *s, int *days)
{
	int y, m, d;
	const char *p = num(s, 4, &y);

	if (!p || p - s != 4)
		return -1;
	if (*p == '-' || *p == '/' || *p == '.') {
		char sep = *p;

		if (!(p = num(p + 1, 2, &m)) || *p != sep ||
		    !(p = num(p + 1, 2, &d)) || *p)
			return -1;
	} else if (!strncmp(p, "年", 3)) {
		if (!(p = num(p + 3, 2, &m)) || strncmp(p, "月", 3) ||
		    !(p = num(p + 3, 2, &d)))
			return -1;
		if (!strncmp(p, "日", 3))
			p += 3;
		if (*p)
			return -1;
	} else {
		return -1;
	}
	if (y < 1800 || m < 1 || m > 12 || d < 1 || d > month_len(y, m))
		return -1;
	*days = edu_days(y, m, d);
	return 0;
}

/*
 * The calendar table is small (some tens of days a year); a tool may ask
 * about thousands of days, so each handle keeps the table in memory.
 */
static sqlite3 *cal_db;
static int *cal_day, *cal_kind, cal_n;	/* kind: 1 workday, 0 holiday */

static void cal_load(sqlite3 *db)
{
	sqlite3_stmt *st;

	if (cal_db == db)
		return;
	free(cal_day);
	free(cal_kind);
	cal_day = cal_kind = NULL;
	cal_n = 0;
	st = edu_prepare(db, "SELECT day, kind FROM calendar ORDER BY day");
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day;

		if (edu_parse_date((const char *)sqlite3_column_text(st, 0),
				   &day) < 0)
			continue;
		if (cal_n == cap) {
			cap = cap ? cap * 2 : 64;
			cal_day = edu_realloc(cal_day, cap * sizeof *cal_day);
			cal_kind = edu_realloc(cal_kind, cap * sizeof *cal_kind);
		}
		cal_day[cal_n] = day;
		cal_kind[cal_n] = !strcmp((const char *)sqlite3_column_text(st, 1),
					  "workday");
		cal_n++;
	}
	if (rc != SQLITE_DONE)
		edu_die_db(db, "cannot read the calendar");
	sqlite3_finalize(st);
	cal_db = db;
	edu_db_cache(edu_calendar_forget);
}

int edu_is_workday(sqlite3 *db, int day)
{
	int lo = 0, hi;

	cal_load(db);
	hi = cal_n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (cal_day[mid] == day)
			return cal_kind[mid];
		if (cal_day[mid] < day)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return edu_weekday(day) <= 5;
}

/* A deadline is a promise to a citizen: one past the last day the tools
 * can write is refused, not wrapped or cut short. */
static int due_in_range(int day)
{
	char d[11];

	if (day > EDU_DAY_MAX)
		edu_die(EDU_EDATA, "the due date falls after %s, the last day the tools handle",
			edu_date_str(EDU_DAY_MAX, d));
	return day;
}

int edu_next_workday(sqlite3 *db, int day)
{
	while (day <= EDU_DAY_MAX && !edu_is_workday(db, day))
		day++;
	return due_in_range(day);
}

int edu_due_days(sqlite3 *db, int start, int n)
{
	return edu_next_workday(db, due_in_range(start + n));
}

int edu_due_workdays(sqlite3 *db, int start, int n)
{
	int day = start;

	while (n > 0) {
		day = due_in_range(day + 1);
		if (edu_is_workday(db, day))
			n--;
	}
	return day;
}

int edu_due(sqlite3 *db, const struct edu_due *r)
{
	int day = r->start;

	if (r->months)
		day = due_in_range(edu_add_months(day, r->months));
	if (r->workdays)
		day = edu_due_workdays(db, day, r->workdays);
	return edu_next_workday(db, due_in_range(day + r->days));
}

int edu_calendar_missing_year(sqlite3 *db, int from, int to)
{
	int y0, y1, m, d;

	cal_load(db);
	edu_ymd(from, &y0, &m, &d);
	edu_ymd(to, &y1, &m, &d);
	for (int y = y0; y <= y1; y++) {
		int first = edu_days(y, 1, 1), last = edu_days(y, 12, 31);
		int lo = 0, hi = cal_n - 1;

		/* The first listed day on or after 1 January. */
		while (lo <= hi) {
			int mid = (lo + hi) / 2;
			if (cal_day[mid] < first)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
		if (lo >= cal_n || cal_day[lo] > last)
			return y;
	}
	return 0;
}

void edu_calendar_forget(void)
{
	cal_db = NULL;
}
