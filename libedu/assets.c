/* assets.c - fixed assets: money in fen, the categories and their lives,
 * monthly depreciation (财会〔2017〕4号), tag patterns */
#define _GNU_SOURCE
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The largest amount of one item, 10,000,000,000.00 yuan (100亿元): a
 * million items at that still sum to 1e18 fen, well inside int64, and
 * cost * months never comes near it.  Sums are checked all the same. */
#define MONEY_MAX_FEN EDU_MONEY_MAX_FEN

int edu_money_parse(const char *s, int64_t *fen, char *err)
{
	const char *p = s;
	int64_t yuan = 0, cents = 0;
	int digits = 0, decimals = 0, big = 0;

	if (!strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	else if (!strncmp(p, "￥", strlen("￥")))
		p += strlen("￥");
	for (; isdigit((unsigned char)*p) || (*p == ',' && digits); p++) {
		if (*p == ',')
			continue;
		/* Keep reading past the maximum: the refusal names it only
		 * for a well-formed amount. */
		if (yuan > MONEY_MAX_FEN / 100)
			big = 1;
		else
			yuan = yuan * 10 + (*p - '0');
		digits++;
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++) {
			/* A third decimal is a fraction of a fen: refuse it
			 * rather than round money silently. */
			if (++decimals > 2)
				goto bad;
			cents = cents * 10 + (*p - '0');
		}
		if (!decimals)
			goto bad;
	}
	if (decimals == 1)
		cents *= 10;
	if (!strcmp(p, "元"))
		p += strlen("元");
	if (!digits || *p || p[-1] == ',')
		goto bad;
	if (big || yuan * 100 + cents > MONEY_MAX_FEN) {
		char max[32];

		snprintf(err, EDU_ERR_MAX, "'%s' is more than the largest amount, %s yuan",
			 s, edu_money_str(MONEY_MAX_FEN, max));
		return -1;
	}
	*fen = yuan * 100 + cents;
	return 0;
bad:
	snprintf(err, EDU_ERR_MAX, "'%s' is not an amount in yuan (like 1234.50)", s);
	return -1;
}

void edu_money_add(int64_t *sum, int64_t fen)
{
	if (__builtin_add_overflow(*sum, fen, sum))
		edu_die(EDU_EDATA, "a sum of amounts is too large to count "
			"(the register holds amounts above %" PRId64 " yuan)",
			EDU_MONEY_MAX_FEN / 100);
}

char *edu_money_str(int64_t fen, char out[32])
{
	snprintf(out, 32, "%s%" PRId64 ".%02" PRId64, fen < 0 ? "-" : "",
		 (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100);
	return out;
}

int edu_month_of(int days)
{
	int y, m, d;

	edu_ymd(days, &y, &m, &d);
	return y * 12 + m - 1;
}

int edu_parse_month(const char *s, int *month)
{
	char *end;
	long y, m;

	if (!isdigit((unsigned char)s[0]) || strlen(s) > 7)
		return -1;
	y = strtol(s, &end, 10);
	if (end - s != 4 || *end != '-' || !isdigit((unsigned char)end[1]))
		return -1;
	m = strtol(end + 1, &end, 10);
	if (*end || y < 1900 || m < 1 || m > 12)
		return -1;
	*month = (int)(y * 12 + m - 1);
	return 0;
}

char *edu_month_str(int month, char out[8])
{
	unsigned y = (unsigned)(month < 0 ? 0 : month / 12) % 10000;
	unsigned m = (unsigned)(month < 0 ? 0 : month % 12) + 1;

	snprintf(out, 8, "%04u-%02u", y, m % 100);
	return out;
}

const struct edu_asset_category edu_asset_categories[] = {
	{ "building-steel", "钢结构房屋|钢结构", 50 },
	{ "building-concrete", "钢筋混凝土结构房屋|钢筋混凝土结构", 50 },
	{ "building-brick", "砖混结构房屋|砖混结构|砖木结构", 30 },
	{ "building-simple", "简易房", 8 },
	{ "structure", "构筑物", 8 },
	{ "computer", "计算机设备|计算机", 6 },
	{ "office", "办公设备", 6 },
	{ "vehicle", "车辆", 8 },
	{ "library-equipment", "图书档案设备", 5 },
	{ "machinery", "机械设备", 10 },
	{ "electrical", "电气设备", 5 },
	{ "communication", "通信设备", 5 },
	{ "broadcast", "广播电视电影设备|广播电视设备", 5 },
	{ "instrument", "仪器仪表", 5 },
	{ "furniture", "家具", 15 },
	{ "utensil", "用具装具|用具、装具|用具", 5 },
	{ "book", "图书档案|图书", 0 },
	{ "relic", "文物和陈列品|文物", 0 },
	{ "land", "土地", 0 },
	{ NULL, NULL, 0 }
};

const struct edu_asset_category *edu_asset_category(const char *key)
{
	for (const struct edu_asset_category *c = edu_asset_categories; c->key; c++)
		if (!strcmp(c->key, key))
			return c;
	return NULL;
}

/* What has been charged after n months: the rounded monthly amount each
 * month, never past the cost, and all of it after the last month. */
static int64_t charged(int64_t cost, int life, int64_t monthly, int n)
{
	if (n <= 0)
		return 0;
	if (n >= life)
		return cost;
	return (int64_t)n * monthly < cost ? (int64_t)n * monthly : cost;
}

void edu_depreciate(int64_t cost, int life, int added, int left, int as_of,
		    struct edu_depreciation *d)
{
	memset(d, 0, sizeof *d);
	d->book_value = cost;
	if (life <= 0 || cost <= 0)
		return;
	/* Not from this version's input: a file edited, or an older one. */
	if (cost > EDU_MONEY_MAX_FEN) {
		char c[32];

		edu_die(EDU_EDATA, "a cost of %s yuan is more than the largest amount",
			edu_money_str(cost, c));
	}
	/* Half a fen rounds up. */
	d->monthly = (cost * 2 + life) / (2 * (int64_t)life);
	/* The last month counted: as_of, or the month before it left. */
	int last = as_of;
	if (left >= 0 && left - 1 < last)
		last = left - 1;
	int n = last - added + 1;
	if (n < 0)
		n = 0;
	if (n > life)
		n = life;
	d->months = n;
	d->accumulated = charged(cost, life, d->monthly, n);
	d->book_value = cost - d->accumulated;
	/* The charge of as_of itself, when as_of is one of the months. */
	if (last == as_of && as_of >= added && as_of - added < life)
		d->month = d->accumulated -
			   charged(cost, life, d->monthly, as_of - added);
}

int edu_asset_tag(const char *pattern, const char *unit, int year,
		  int64_t seq, struct edu_buf *out, char *err)
{
	char y[16];

	snprintf(y, sizeof y, "%04d", year);
	const struct edu_placeholder ph[] = { { "unit", unit }, { "year", y } };
	return edu_pattern_expand(pattern, ph, 2, seq, out, err);
}
