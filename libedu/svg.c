/* svg.c - charts as standalone SVG files (base layer): columns, bars, a
 * pie and lines, each titled, with labelled axes and a legend, for a
 * browser or a document.  Plain SVG 1.1 with no script and no external
 * reference; text is escaped, Chinese labels name CJK fonts. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "edu.h"

enum { W = 760, H = 440, TOP = 64, BOTTOM = 84 };

static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
};
#define NPAL (sizeof palette / sizeof *palette)

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: putc(*s, f);
		}
}

static void text(FILE *f, double x, double y, const char *anchor, int size,
		 const char *extra, const char *s)
{
	fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s%s>",
		x, y, anchor, size, extra ? " " : "", extra ? extra : "");
	esc(f, s);
	fputs("</text>\n", f);
}

/* A round axis maximum and step for values up to max: 1, 2 or 5 times a
 * power of ten, about five steps. */
static double nice_step(double max, double *top)
{
	if (max <= 0)
		max = 1;
	double raw = max / 5, p = pow(10, floor(log10(raw))), step;
	step = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
	*top = ceil(max / step) * step;
	return step;
}

static void num(char *out, size_t n, double v)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(out, n, "%.0f", v);
	else
		snprintf(out, n, "%.2f", v);
}

static double val(const struct edu_chart *c, int s, int i)
{
	double v = c->val[(size_t)s * c->ncat + i];
	return isfinite(v) && v > 0 ? v : 0;
}

/* The series drawn against the main axis: all but a share series. */
static int main_series(const struct edu_chart *c)
{
	return c->share ? c->nser - 1 : c->nser;
}

static void legend(FILE *f, const struct edu_chart *c, int n)
{
	double x = 70;
	for (int s = 0; s < n; s++) {
		fprintf(f, "<rect x=\"%.1f\" y=\"40\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
			x, palette[s % NPAL]);
		text(f, x + 16, 51, "start", 12, NULL, c->series[s]);
		x += 28 + edu_text_width(c->series[s]) * 7;
	}
}

/* The value axis of a column or line chart, from y0 (bottom) up h. */
static void yaxis(FILE *f, double x0, double x1, double y0, double h,
		  double step, double top)
{
	char b[32];
	for (double v = 0; v <= top + step / 2; v += step) {
		double y = y0 - v / top * h;
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
			x0, y, x1, y);
		num(b, sizeof b, v);
		text(f, x0 - 6, y + 4, "end", 11, NULL, b);
	}
}

static void columns(FILE *f, const struct edu_chart *c)
{
	int ns = main_series(c);
	double x0 = 80, x1 = W - 70, y0 = H - BOTTOM, h = y0 - TOP - 10, max = 0, top;
	for (int s = 0; s < ns; s++)
		for (int i = 0; i < c->ncat; i++)
			if (val(c, s, i) > max)
				max = val(c, s, i);
	double step = nice_step(max, &top), gw = (x1 - x0) / (c->ncat ? c->ncat : 1),
	       bw = gw * 0.8 / (ns ? ns : 1);
	yaxis(f, x0, x1, y0, h, step, top);
	for (int i = 0; i < c->ncat; i++) {
		double gx = x0 + i * gw;
		for (int s = 0; s < ns; s++) {
			double bh = val(c, s, i) / top * h;
			if (bh <= 0)
				continue;
			fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
				gx + gw * 0.1 + s * bw, y0 - bh, bw, bh, palette[s % NPAL]);
		}
		if (c->ncat > 12) {
			char rot[64];
			snprintf(rot, sizeof rot, "transform=\"rotate(-45 %.1f %.1f)\"", gx + gw / 2, y0 + 14);
			text(f, gx + gw / 2, y0 + 14, "end", 11, rot, c->cats[i]);
		} else
			text(f, gx + gw / 2, y0 + 16, "middle", 11, NULL, c->cats[i]);
	}
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x0, y0, x1, y0);
}

static void bars(FILE *f, const struct edu_chart *c)
{
	int ns = main_series(c);
	double x0 = 190, x1 = W - 40, y0 = TOP + 10, h = H - BOTTOM - y0, max = 0, top;
	char b[32];
	for (int s = 0; s < ns; s++)
		for (int i = 0; i < c->ncat; i++)
			if (val(c, s, i) > max)
				max = val(c, s, i);
	double step = nice_step(max, &top), gh = h / (c->ncat ? c->ncat : 1),
	       bh = gh * 0.8 / (ns ? ns : 1);
	for (double v = 0; v <= top + step / 2; v += step) {
		double x = x0 + v / top * (x1 - x0);
		fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
			x, y0, x, y0 + h);
		num(b, sizeof b, v);
		text(f, x, y0 + h + 16, "middle", 11, NULL, b);
	}
	for (int i = 0; i < c->ncat; i++) {
		double gy = y0 + i * gh;
		for (int s = 0; s < ns; s++)
			if (val(c, s, i) > 0)
				fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
					x0, gy + gh * 0.1 + s * bh, val(c, s, i) / top * (x1 - x0), bh,
					palette[s % NPAL]);
		text(f, x0 - 6, gy + gh / 2 + 4, "end", 11, NULL, c->cats[i]);
	}
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x0, y0, x0, y0 + h);
}

static void pie(FILE *f, const struct edu_chart *c)
{
	double cx = 260, cy = (TOP + H - 30) / 2.0, r = 140, sum = 0, a = -M_PI / 2;
	char b[64];
	for (int i = 0; i < c->ncat; i++)
		sum += val(c, 0, i);
	for (int i = 0; i < c->ncat; i++) {
		double v = val(c, 0, i), share = sum > 0 ? v / sum : 0, e = a + share * 2 * M_PI;
		const char *fill = palette[i % NPAL];
		if (share >= 0.9999)
			fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n", cx, cy, r, fill);
		else if (share > 0)
			fprintf(f, "<path d=\"M%.1f,%.1f L%.2f,%.2f A%.1f,%.1f 0 %d 1 %.2f,%.2f Z\" fill=\"%s\" stroke=\"#fff\"/>\n",
				cx, cy, cx + r * cos(a), cy + r * sin(a), r, r, share > 0.5,
				cx + r * cos(e), cy + r * sin(e), fill);
		a = e;
		double ly = TOP + 20 + i * 22;
		fprintf(f, "<rect x=\"460\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", ly - 10, fill);
		char n[32];
		num(n, sizeof n, v);
		snprintf(b, sizeof b, " %s (%.1f%%)", n, share * 100);
		fprintf(f, "<text x=\"478\" y=\"%.1f\" font-size=\"12\">", ly);
		esc(f, c->cats[i]);
		esc(f, b);
		fputs("</text>\n", f);
	}
}

static void lines(FILE *f, const struct edu_chart *c)
{
	int ns = main_series(c);
	double x0 = 80, x1 = W - 70, y0 = H - BOTTOM, h = y0 - TOP - 10, max = 0, top;
	char b[32];
	for (int s = 0; s < ns; s++)
		for (int i = 0; i < c->ncat; i++)
			if (val(c, s, i) > max)
				max = val(c, s, i);
	double step = nice_step(max, &top), gw = (x1 - x0) / (c->ncat ? c->ncat : 1);
	yaxis(f, x0, x1, y0, h, step, top);
	if (c->share)	/* the share's axis, 0-100 %, on the right */
		for (int p = 0; p <= 100; p += 20) {
			snprintf(b, sizeof b, "%d%%", p);
			text(f, x1 + 6, y0 - p / 100.0 * h + 4, "start", 11, NULL, b);
		}
	for (int s = 0; s < c->nser; s++) {
		int pct = c->share && s == c->nser - 1;
		fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"",
			palette[s % NPAL], pct ? " stroke-dasharray=\"6 3\"" : "");
		for (int i = 0; i < c->ncat; i++) {
			double v = pct ? fmin(val(c, s, i), 100) / 100 * h : val(c, s, i) / top * h;
			fprintf(f, "%s%.1f,%.1f", i ? " " : "", x0 + (i + 0.5) * gw, y0 - v);
		}
		fputs("\"/>\n", f);
	}
	for (int i = 0; i < c->ncat; i++)
		text(f, x0 + (i + 0.5) * gw, y0 + 16, "middle", 11, NULL, c->cats[i]);
	fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>\n", x0, y0, x1, y0);
}

int edu_svg_chart(FILE *f, const struct edu_chart *c)
{
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"viewBox=\"0 0 %d %d\" font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', "
		"'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif\">\n<title>", W, H, W, H);
	esc(f, c->title);
	fprintf(f, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n", W, H);
	text(f, W / 2.0, 26, "middle", 17, "font-weight=\"bold\"", c->title);
	switch (c->kind) {
	case 'c': columns(f, c); break;
	case 'b': bars(f, c); break;
	case 'p': pie(f, c); break;
	default: lines(f, c); break;
	}
	if (c->kind != 'p')
		legend(f, c, c->nser);
	if (c->kind != 'p' && c->xtitle)
		text(f, W / 2.0, H - 14, "middle", 13, NULL, c->xtitle);
	if (c->kind != 'p' && c->ytitle) {
		char rot[64];
		snprintf(rot, sizeof rot, "transform=\"rotate(-90 18 %d)\"", H / 2);
		text(f, 18, H / 2.0, "middle", 13, rot, c->ytitle);
	}
	fputs("</svg>\n", f);
	return ferror(f) ? -1 : 0;
}
