/* See LICENSE. timetable.c: the weekly timetable as a PNG (libgd, FreeType text through glyph.c) and as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>

#include "academic/acad.h"
#include "core/i18n.h"
#include "core/strbuf.h"

#define FONT		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define FONT_BOLD	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/* A phone shows a 1080-pixel-wide image at full width; text sizes are chosen for that. */
#define TT_W		1080
#define TT_LEFT		92	/* hour labels */
#define TT_TOP		124	/* title and day names */
#define TT_RIGHT	16
#define TT_BOTTOM	16
#define TT_PAD		8

/* Strong, distinguishable colours that keep white text readable. */
static const int palette[][3] = {
	{ 0x1f, 0x77, 0xb4 }, { 0xd6, 0x27, 0x28 }, { 0x2c, 0xa0, 0x2c }, { 0x94, 0x67, 0xbd },
	{ 0xff, 0x7f, 0x0e }, { 0x17, 0x9e, 0xa8 }, { 0x8c, 0x56, 0x4b }, { 0xe3, 0x77, 0xc2 },
	{ 0x59, 0x6e, 0x2e }, { 0x39, 0x3b, 0x79 }, { 0xad, 0x49, 0x4a }, { 0x52, 0x54, 0xa3 }
};
#define NPALETTE ((int)(sizeof palette / sizeof palette[0]))

static const char *const short_keys[] = {
	NULL, "academic.wds1", "academic.wds2", "academic.wds3", "academic.wds4",
	"academic.wds5", "academic.wds6", "academic.wds7"
};
static const char *const day_keys[] = {
	NULL, "academic.wdc1", "academic.wdc2", "academic.wdc3", "academic.wdc4",
	"academic.wdc5", "academic.wdc6", "academic.wdc7"
};

struct tt {
	gdImagePtr	 im;
	const char	*lang;
	int		 first_hour, last_hour;	/* rows [first_hour, last_hour) */
	int		 ndays, days[7];	/* columns: ISO weekdays */
	int		 px_hour, colw;
};

/*
 * Draws "s" at ("x", "y" baseline) cut with an ellipsis to "maxw" pixels,
 * always on a UTF-8 character boundary. Returns -1 if the font is missing.
 */
static int
text_fit(gdImagePtr im, int color, const char *font, int px, int x, int y, int maxw, const char *s)
{
	char buf[256];
	size_t n;
	int w;

	snprintf(buf, sizeof buf, "%s", s);
	n = strlen(buf);
	while ((w = acad_text_width(font, px, buf)) > maxw && n > 0) {
		/* Drop one UTF-8 character and put "…" in its place. */
		do
			n--;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80);
		if (n == 0)
			return 0;
		memcpy(buf + n, "\xE2\x80\xA6", 4);
	}
	if (w < 0)
		return -1;
	return acad_text_draw(im, color, font, px, x, y, buf);
}

/* gdImageFilledRectangle for a palette image, a row at a time (it sets pixels one by one). */
static void
fill(gdImagePtr im, int x0, int y0, int x1, int y1, int color)
{
	int y;

	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 >= gdImageSX(im))
		x1 = gdImageSX(im) - 1;
	if (y1 >= gdImageSY(im))
		y1 = gdImageSY(im) - 1;
	for (y = y0; y <= y1 && x0 <= x1; y++)
		memset(im->pixels[y] + x0, color, (size_t)(x1 - x0 + 1));
}

static void
layout(struct tt *t, const struct acad_block *b, size_t n)
{
	int used[8] = { 0 }, lo = 24 * 60, hi = 0, d, h;
	size_t i;

	for (i = 0; i < n; i++) {
		used[b[i].weekday] = 1;
		if (b[i].start < lo)
			lo = b[i].start;
		if (b[i].end > hi)
			hi = b[i].end;
	}
	if (n == 0) {
		lo = 9 * 60;
		hi = 14 * 60;
	}
	t->first_hour = lo / 60;
	t->last_hour = (hi + 59) / 60;
	if (t->last_hour <= t->first_hour)
		t->last_hour = t->first_hour + 1;
	/* Weekdays always; Saturday and Sunday only when a class falls on them. */
	t->ndays = 0;
	for (d = 1; d <= 7; d++)
		if (d <= 5 || used[d])
			t->days[t->ndays++] = d;
	h = t->last_hour - t->first_hour;
	/* An hour is tall enough for three lines (subject, room, times), and a long day stays one screen or two. */
	t->px_hour = 1300 / h;
	if (t->px_hour > 112)
		t->px_hour = 112;
	if (t->px_hour < 72)
		t->px_hour = 72;
	t->colw = (TT_W - TT_LEFT - TT_RIGHT) / t->ndays;
}

static int
day_column(const struct tt *t, int weekday)
{
	int i;

	for (i = 0; i < t->ndays; i++)
		if (t->days[i] == weekday)
			return i;
	return -1;
}

static int
draw_grid(struct tt *t, int ink, int grid, int band)
{
	int i, h, x, y, height = gdImageSY(t->im);
	char label[8];

	if (text_fit(t->im, ink, FONT_BOLD, 35, TT_PAD * 2, 46, TT_W - 4 * TT_PAD,
	    i18n_get(t->lang, "academic.tt_title")) != 0)
		return -1;
	for (i = 0; i < t->ndays; i++) {
		const char *name = i18n_get(t->lang, short_keys[t->days[i]]);
		int w = acad_text_width(FONT_BOLD, 27, name);

		x = TT_LEFT + i * t->colw;
		if (i % 2 == 1)
			fill(t->im, x, TT_TOP, x + t->colw - 1, height - TT_BOTTOM, band);
		text_fit(t->im, ink, FONT_BOLD, 27, x + (t->colw - w) / 2, TT_TOP - 20, t->colw, name);
	}
	for (h = t->first_hour; h <= t->last_hour; h++) {
		y = TT_TOP + (h - t->first_hour) * t->px_hour;
		gdImageLine(t->im, TT_LEFT, y, TT_W - TT_RIGHT, y, grid);
		snprintf(label, sizeof label, "%02d:00", h % 24);
		if (text_fit(t->im, ink, FONT, 21, TT_PAD, y + 8, TT_LEFT - TT_PAD, label) != 0)
			return -1;
	}
	return 0;
}

/* Side-by-side lanes for classes of one day that overlap: "lane" and "lanes" per block. */
static void
lanes(const struct acad_block *b, size_t n, int *lane, int *nlanes)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		int taken = 0, l;

		for (j = 0; j < i; j++)
			if (b[j].weekday == b[i].weekday && b[j].start < b[i].end && b[i].start < b[j].end)
				taken |= 1 << (lane[j] & 15);
		for (l = 0; l < 16 && (taken & (1 << l)); l++)
			;
		lane[i] = l;
	}
	for (i = 0; i < n; i++) {
		nlanes[i] = lane[i] + 1;
		for (j = 0; j < n; j++)
			if (b[j].weekday == b[i].weekday && b[j].start < b[i].end && b[i].start < b[j].end &&
			    lane[j] + 1 > nlanes[i])
				nlanes[i] = lane[j] + 1;
	}
}

static int
draw_block(struct tt *t, const struct acad_block *b, int lane, int nlanes, int white)
{
	int col = day_column(t, b->weekday), x0, x1, y0, y1, w, color, y;
	const int *rgb = palette[(b->color % NPALETTE + NPALETTE) % NPALETTE];
	char hm[48];

	if (col < 0)
		return 0;
	w = t->colw / nlanes;
	x0 = TT_LEFT + col * t->colw + lane * w + 3;
	x1 = x0 + w - 6;
	y0 = TT_TOP + (b->start - t->first_hour * 60) * t->px_hour / 60 + 2;
	y1 = TT_TOP + (b->end - t->first_hour * 60) * t->px_hour / 60 - 2;
	color = gdImageColorResolve(t->im, rgb[0], rgb[1], rgb[2]);
	fill(t->im, x0, y0, x1, y1, color);
	if (b->every_weeks > 1) {	/* every other week: a white stripe on the left edge */
		fill(t->im, x0, y0, x0 + 5, y1, white);
		x0 += 6;
	}
	y = y0 + 26;
	if (text_fit(t->im, white, FONT_BOLD, 23, x0 + 6, y, x1 - x0 - 10, b->subject) != 0)
		return -1;
	if (b->room != NULL && b->room[0] != '\0' && y + 24 < y1) {
		y += 24;
		text_fit(t->im, white, FONT, 19, x0 + 6, y, x1 - x0 - 10, b->room);
	}
	if (y + 22 < y1) {
		snprintf(hm, sizeof hm, "%02d:%02d-%02d:%02d", b->start / 60, b->start % 60, b->end / 60, b->end % 60);
		text_fit(t->im, white, FONT, 16, x0 + 6, y + 22, x1 - x0 - 10, hm);
	}
	return 0;
}

int
acad_timetable_png(const struct acad_block *b, size_t n, const char *lang, void **png, size_t *len)
{
	struct tt t;
	int *lane = NULL, *nl = NULL, size = 0, rc = -1, white, ink, grid, band;
	size_t i;

	*png = NULL;
	*len = 0;
	memset(&t, 0, sizeof t);
	t.lang = lang;
	layout(&t, b, n);
	t.im = gdImageCreate(TT_W,
	    TT_TOP + (t.last_hour - t.first_hour) * t.px_hour + TT_BOTTOM);
	if (t.im == NULL)
		goto out;
	white = gdImageColorAllocate(t.im, 255, 255, 255);	/* the first colour: the background */
	ink = gdImageColorAllocate(t.im, 0x22, 0x22, 0x22);
	grid = gdImageColorAllocate(t.im, 0xcc, 0xcc, 0xcc);
	band = gdImageColorAllocate(t.im, 0xf3, 0xf5, 0xf8);
	if (draw_grid(&t, ink, grid, band) != 0)
		goto out;
	lane = calloc(n + 1, sizeof *lane);
	nl = calloc(n + 1, sizeof *nl);
	if (lane == NULL || nl == NULL)
		goto out;
	lanes(b, n, lane, nl);
	for (i = 0; i < n; i++)
		if (draw_block(&t, &b[i], lane[i], nl[i], white) != 0)
			goto out;
	/* A palette image and zlib level 1: flat colours compress well anyway, and both keep it fast. */
	*png = gdImagePngPtrEx(t.im, &size, 1);
	if (*png == NULL)
		goto out;
	*len = (size_t)size;
	rc = 0;
out:
	free(lane);
	free(nl);
	if (t.im != NULL)
		gdImageDestroy(t.im);
	return rc;
}

void
acad_timetable_text(const struct acad_block *b, size_t n, const char *lang, struct strbuf *out)
{
	int d;
	size_t i;

	for (d = 1; d <= 7; d++) {
		int first = 1;

		for (i = 0; i < n; i++) {
			if (b[i].weekday != d || out->len > ACAD_TEXT_MAX)
				continue;
			if (first)
				strbuf_addf(out, "%s<b>%s</b>\n", out->len > 0 ? "\n" : "",
				    i18n_get(lang, day_keys[d]));
			first = 0;
			strbuf_addf(out, "%02d:%02d–%02d:%02d ", b[i].start / 60, b[i].start % 60,
			    b[i].end / 60, b[i].end % 60);
			strbuf_add_html(out, b[i].subject);
			if (b[i].room != NULL && b[i].room[0] != '\0') {
				strbuf_adds(out, " · ");
				strbuf_add_html(out, b[i].room);
			}
			if (b[i].every_weeks > 1)
				strbuf_addf(out, " (%s)", i18n_get(lang, "academic.alternate"));
			strbuf_addc(out, '\n');
		}
	}
}
