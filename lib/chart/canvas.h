/* See LICENSE. canvas.h: a palette picture drawn piece by piece (the timetable): rectangles, lines, text, PNG. */
#ifndef MSB_CHART_CANVAS_H
#define MSB_CHART_CANVAS_H

#include <stddef.h>
#include <stdint.h>

struct chart_canvas;

/* A "w" x "h" palette picture, all of the first colour asked for. NULL (logged) on failure. */
struct chart_canvas	*chart_canvas_new(int w, int h);
/* NULL-safe. */
void	chart_canvas_free(struct chart_canvas *);
int	chart_canvas_height(const struct chart_canvas *);

/* The palette index of 0xRRGGBB "rgb", allocated on first use (the first one is the background). */
int	chart_canvas_color(struct chart_canvas *, uint32_t rgb);
/* The rectangle from ("x0", "y0") to ("x1", "y1") inclusive, clipped to the picture. */
void	chart_canvas_fill(struct chart_canvas *, int x0, int y0, int x1, int y1, int color);
void	chart_canvas_line(struct chart_canvas *, int x0, int y0, int x1, int y1, int color);

/* Width in pixels of UTF-8 "s" in "font" (a .ttf path, CHART_FONT) at "px" pixels; -1 if no font. */
int	chart_text_width(const char *font, int px, const char *s);
/*
 * Draws "s" with its baseline at ("x", "y"), cut with "…" to "maxw" pixels on
 * a UTF-8 character boundary. Returns 0, or -1 if the font is missing.
 */
int	chart_canvas_text(struct chart_canvas *, int color, const char *font, int px, int x, int y, int maxw,
	    const char *s);

/* The picture as PNG at zlib "level", malloc'd into "*png" (free() it). Returns 0 or -1. */
int	chart_canvas_png(struct chart_canvas *, int level, void **png, size_t *len);

#endif
