/* See LICENSE. timetable.c: the weekly timetable as a PNG (drawn on a lib/chart canvas) and as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "academic/acad.h"
#include "chart/canvas.h"
#include "chart/chart.h"
#include "core/i18n.h"
#include "core/strbuf.h"

#define FONT		CHART_FONT
#define FONT_BOLD	CHART_FONT_BOLD

/* A phone shows a 1080-pixel-wide image at full width; text sizes are chosen for that. */
#define TT_W		1080
#define TT_LEFT		92	/* hour labels */
#define TT_TOP		124	/* title and day names */
#define TT_RIGHT	16
#define TT_BOTTOM	16
#define TT_PAD		8

/* Strong, distinguishable colours that keep white text readable. */
static const uint32_t palette[] = {
	0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e, 0x179ea8,
	0x8c564b, 0xe377c2, 0x596e2e, 0x393b79, 0xad494a, 0x5254a3
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
	struct chart_canvas *cv;
	const char	*lang;
	int		 first_hour, last_hour;	/* rows [first_hour, last_hour) */
	int		 ndays, days[7];	/* columns: ISO weekdays */
	int		 px_hour, colw;
};

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
	int i, h, x, y, height = chart_canvas_height(t->cv);
	char label[8];

	if (chart_canvas_text(t->cv, ink, FONT_BOLD, 35, TT_PAD * 2, 46, TT_W - 4 * TT_PAD,
	    i18n_get(t->lang, "academic.tt_title")) != 0)
		return -1;
	for (i = 0; i < t->ndays; i++) {
		const char *name = i18n_get(t->lang, short_keys[t->days[i]]);
		int w = chart_text_width(FONT_BOLD, 27, name);

		x = TT_LEFT + i * t->colw;
		if (i % 2 == 1)
			chart_canvas_fill(t->cv, x, TT_TOP, x + t->colw - 1, height - TT_BOTTOM, band);
		chart_canvas_text(t->cv, ink, FONT_BOLD, 27, x + (t->colw - w) / 2, TT_TOP - 20, t->colw, name);
	}
	for (h = t->first_hour; h <= t->last_hour; h++) {
		y = TT_TOP + (h - t->first_hour) * t->px_hour;
		chart_canvas_line(t->cv, TT_LEFT, y, TT_W - TT_RIGHT, y, grid);
		snprintf(label, sizeof label, "%02d:00", h % 24);
		if (chart_canvas_text(t->cv, ink, FONT, 21, TT_PAD, y + 8, TT_LEFT - TT_PAD, label) != 0)
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
	uint32_t rgb = palette[(b->color % NPALETTE + NPALETTE) % NPALETTE];
	char hm[48];

	if (col < 0)
		return 0;
	w = t->colw / nlanes;
	x0 = TT_LEFT + col * t->colw + lane * w + 3;
	x1 = x0 + w - 6;
	y0 = TT_TOP + (b->start - t->first_hour * 60) * t->px_hour / 60 + 2;
	y1 = TT_TOP + (b->end - t->first_hour * 60) * t->px_hour / 60 - 2;
	color = chart_canvas_color(t->cv, rgb);
	chart_canvas_fill(t->cv, x0, y0, x1, y1, color);
	if (b->every_weeks > 1) {	/* every other week: a white stripe on the left edge */
		chart_canvas_fill(t->cv, x0, y0, x0 + 5, y1, white);
		x0 += 6;
	}
	y = y0 + 26;
	if (chart_canvas_text(t->cv, white, FONT_BOLD, 23, x0 + 6, y, x1 - x0 - 10, b->subject) != 0)
		return -1;
	if (b->room != NULL && b->room[0] != '\0' && y + 24 < y1) {
		y += 24;
		chart_canvas_text(t->cv, white, FONT, 19, x0 + 6, y, x1 - x0 - 10, b->room);
	}
	if (y + 22 < y1) {
		snprintf(hm, sizeof hm, "%02d:%02d-%02d:%02d", b->start / 60, b->start % 60, b->end / 60, b->end % 60);
		chart_canvas_text(t->cv, white, FONT, 16, x0 + 6, y + 22, x1 - x0 - 10, hm);
	}
	return 0;
}

int
acad_timetable_png(const struct acad_block *b, size_t n, const char *lang, void **png, size_t *len)
{
	struct tt t;
	int *lane = NULL, *nl = NULL, rc = -1, white, ink, grid, band;
	size_t i;

	*png = NULL;
	*len = 0;
	memset(&t, 0, sizeof t);
	t.lang = lang;
	layout(&t, b, n);
	t.cv = chart_canvas_new(TT_W, TT_TOP + (t.last_hour - t.first_hour) * t.px_hour + TT_BOTTOM);
	if (t.cv == NULL)
		goto out;
	white = chart_canvas_color(t.cv, 0xffffff);	/* the first colour: the background */
	ink = chart_canvas_color(t.cv, 0x222222);
	grid = chart_canvas_color(t.cv, 0xcccccc);
	band = chart_canvas_color(t.cv, 0xf3f5f8);
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
	if (chart_canvas_png(t.cv, 1, png, len) != 0)
		goto out;
	rc = 0;
out:
	free(lane);
	free(nl);
	chart_canvas_free(t.cv);
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
