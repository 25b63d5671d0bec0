/* See LICENSE. glyph.h: lib/chart's one FreeType text path (glyph.c), for its own files only. */
#ifndef MSB_CHART_GLYPH_H
#define MSB_CHART_GLYPH_H

#include <gd.h>

/* Width of UTF-8 "s" in "font" at "px" pixels; -1 if the font cannot be opened. */
int	glyph_text_width(const char *font, int px, const char *s);
/* "s" on palette image "im" in colour "color", baseline at ("x", "y"). Returns 0, or -1 (no font, true colour). */
int	glyph_text_draw(gdImagePtr im, int color, const char *font, int px, int x, int y, const char *s);

#endif
