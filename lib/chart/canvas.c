/* See LICENSE. canvas.c: a libgd palette picture drawn piece by piece, text through glyph.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>

#include "chart/canvas.h"
#include "chart/glyph.h"
#include "core/log.h"

struct chart_canvas {
	gdImagePtr	 im;
};

struct chart_canvas *
chart_canvas_new(int w, int h)
{
	struct chart_canvas *cv;

	if ((cv = calloc(1, sizeof *cv)) == NULL)
		return NULL;
	if ((cv->im = gdImageCreate(w, h)) == NULL) {
		log_err("chart: cannot create a %dx%d image", w, h);
		free(cv);
		return NULL;
	}
	return cv;
}

void
chart_canvas_free(struct chart_canvas *cv)
{
	if (cv == NULL)
		return;
	if (cv->im != NULL)
		gdImageDestroy(cv->im);
	free(cv);
}

int
chart_canvas_height(const struct chart_canvas *cv)
{
	return gdImageSY(cv->im);
}

int
chart_canvas_color(struct chart_canvas *cv, uint32_t rgb)
{
	return gdImageColorResolve(cv->im, (int)(rgb >> 16) & 255, (int)(rgb >> 8) & 255, (int)rgb & 255);
}

/* gdImageFilledRectangle for a palette image, a row at a time (it sets pixels one by one). */
void
chart_canvas_fill(struct chart_canvas *cv, int x0, int y0, int x1, int y1, int color)
{
	gdImagePtr im = cv->im;
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

void
chart_canvas_line(struct chart_canvas *cv, int x0, int y0, int x1, int y1, int color)
{
	gdImageLine(cv->im, x0, y0, x1, y1, color);
}

int
chart_text_width(const char *font, int px, const char *s)
{
	return glyph_text_width(font, px, s);
}

int
chart_canvas_text(struct chart_canvas *cv, int color, const char *font, int px, int x, int y, int maxw,
    const char *s)
{
	char buf[256];
	size_t n;
	int w;

	snprintf(buf, sizeof buf, "%s", s);
	n = strlen(buf);
	while ((w = glyph_text_width(font, px, buf)) > maxw && n > 0) {
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
	return glyph_text_draw(cv->im, color, font, px, x, y, buf);
}

int
chart_canvas_png(struct chart_canvas *cv, int level, void **png, size_t *len)
{
	int size = 0;

	*png = gdImagePngPtrEx(cv->im, &size, level);
	if (*png == NULL || size <= 0) {
		gdFree(*png);
		*png = NULL;
		log_err("chart: PNG encoding failed");
		return -1;
	}
	*len = (size_t)size;
	return 0;
}
