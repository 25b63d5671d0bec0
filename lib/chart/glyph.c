/* See LICENSE. glyph.c: FreeType text on a libgd palette image, with each glyph rendered once per process. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <gd.h>

#include "chart/glyph.h"

/*
 * Why not gdImageStringFT: it sets the face's size on every call, and with
 * DejaVu that reruns the TrueType hinting program each time: 0.2 ms a
 * string, a whole timetable's budget in labels. Here a face is opened once
 * per (font, pixel size), glyphs use FreeType's light (auto) hinting, and
 * Latin glyphs are kept rendered.
 */
#define CACHED_CP	0x250	/* Latin, Latin-1 and Latin Extended: every Spanish and English letter */
#define MAX_FACES	12
/* Coverage levels of antialiasing: 8 keeps a timetable's blends within a 256-colour palette. */
#define LEVELS		8

struct glyph {
	int		 ok;
	int		 w, h, left, top, adv;
	unsigned char	*bm;	/* w * h coverage, 0..255 */
};

struct face {
	const char	*path;
	int		 px;
	FT_Face		 ft;
	struct glyph	 g[CACHED_CP];
};

static FT_Library	 lib;
static struct face	 faces[MAX_FACES];
static int		 nfaces;
static struct glyph	 scratch;	/* the last uncached glyph */

static struct face *
face_get(const char *path, int px)
{
	struct face *f;
	int i;

	for (i = 0; i < nfaces; i++)
		if (faces[i].px == px && strcmp(faces[i].path, path) == 0)
			return &faces[i];
	if (nfaces == MAX_FACES || (lib == NULL && FT_Init_FreeType(&lib) != 0))
		return NULL;
	f = &faces[nfaces];
	if (FT_New_Face(lib, path, 0, &f->ft) != 0)
		return NULL;
	if (FT_Set_Pixel_Sizes(f->ft, 0, (FT_UInt)px) != 0) {
		FT_Done_Face(f->ft);
		return NULL;
	}
	f->path = path;
	f->px = px;
	nfaces++;
	return f;
}

static int
render(struct face *f, uint32_t cp, struct glyph *g)
{
	FT_GlyphSlot s;
	int y;

	if (FT_Load_Char(f->ft, cp, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0)
		return -1;
	s = f->ft->glyph;
	free(g->bm);
	memset(g, 0, sizeof *g);
	g->w = (int)s->bitmap.width;
	g->h = (int)s->bitmap.rows;
	g->left = s->bitmap_left;
	g->top = s->bitmap_top;
	g->adv = (int)((s->advance.x + 32) >> 6);
	if (g->w > 0 && g->h > 0) {
		if ((g->bm = malloc((size_t)g->w * (size_t)g->h)) == NULL)
			return -1;
		for (y = 0; y < g->h; y++)
			memcpy(g->bm + (size_t)y * (size_t)g->w, s->bitmap.buffer + (ptrdiff_t)y * s->bitmap.pitch,
			    (size_t)g->w);
	}
	g->ok = 1;
	return 0;
}

static const struct glyph *
glyph_get(struct face *f, uint32_t cp)
{
	struct glyph *g = cp < CACHED_CP ? &f->g[cp] : &scratch;

	if (cp < CACHED_CP && g->ok)
		return g;
	return render(f, cp, g) == 0 ? g : NULL;
}

/* Next code point of UTF-8 "*s", advancing it; U+FFFD for a bad sequence. */
static uint32_t
next_cp(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t cp;
	int n, i;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	n = (p[0] & 0xE0) == 0xC0 ? 1 : (p[0] & 0xF0) == 0xE0 ? 2 : (p[0] & 0xF8) == 0xF0 ? 3 : 0;
	cp = n == 1 ? p[0] & 0x1F : n == 2 ? p[0] & 0x0F : p[0] & 0x07;
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s += i;
			return 0xFFFD;
		}
		cp = cp << 6 | (p[i] & 0x3F);
	}
	*s += n > 0 ? n + 1 : 1;
	return n > 0 ? cp : 0xFFFD;
}

int
glyph_text_width(const char *font, int px, const char *s)
{
	struct face *f = face_get(font, px);
	const struct glyph *g;
	int w = 0;

	if (f == NULL)
		return -1;
	while (*s != '\0')
		if ((g = glyph_get(f, next_cp(&s))) != NULL)
			w += g->adv;
	return w;
}

/*
 * Colour index for "level"/LEVELS of the way from background index "bg" to the
 * text colour: resolved once per (background, level) for the current text
 * colour, since gdImageColorResolve scans the whole palette.
 */
struct blend {
	int	r, g, b;
	short	idx[gdMaxColors][LEVELS + 1];
};

static int
blend_idx(gdImagePtr im, struct blend *bl, int bg, int level)
{
	if (bl->idx[bg][level] < 0) {
		int r = gdImageRed(im, bg) + (bl->r - gdImageRed(im, bg)) * level / LEVELS;
		int g = gdImageGreen(im, bg) + (bl->g - gdImageGreen(im, bg)) * level / LEVELS;
		int b = gdImageBlue(im, bg) + (bl->b - gdImageBlue(im, bg)) * level / LEVELS;

		bl->idx[bg][level] = (short)gdImageColorResolve(im, r, g, b);
	}
	return bl->idx[bg][level];
}

int
glyph_text_draw(gdImagePtr im, int color, const char *font, int px, int x, int y, const char *s)
{
	struct face *f = face_get(font, px);
	const struct glyph *g;
	struct blend *bl;
	int gx, gy;

	if (f == NULL || gdImageTrueColor(im))
		return -1;
	if ((bl = malloc(sizeof *bl)) == NULL)
		return -1;
	memset(bl->idx, 0xff, sizeof bl->idx);
	bl->r = gdImageRed(im, color);
	bl->g = gdImageGreen(im, color);
	bl->b = gdImageBlue(im, color);
	while (*s != '\0') {
		if ((g = glyph_get(f, next_cp(&s))) == NULL)
			continue;
		for (gy = 0; gy < g->h; gy++)
			for (gx = 0; gx < g->w; gx++) {
				int a = g->bm[gy * g->w + gx], X = x + g->left + gx, Y = y - g->top + gy;

				if (a == 0 || !gdImageBoundsSafe(im, X, Y))
					continue;
				/* A palette image's bytes, written directly: gdImageSetPixel per pixel costs more than the rest. */
				im->pixels[Y][X] = (unsigned char)blend_idx(im, bl, im->pixels[Y][X], (a * LEVELS + 127) / 255);
			}
		x += g->adv;
	}
	free(bl);
	return 0;
}
