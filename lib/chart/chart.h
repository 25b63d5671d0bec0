/* See LICENSE. chart.h: pie, bar, line and grouped-bar charts drawn with libgd and FreeType into PNG bytes. */
#ifndef MSB_CHART_CHART_H
#define MSB_CHART_CHART_H

#include <stddef.h>
#include <stdint.h>

struct arena;

enum chart_kind {
	CHART_PIE,	/* labels are slices; series[0] their values */
	CHART_BARS,	/* labels along x; series[0] one bar each */
	CHART_LINES,	/* labels along x; each series a line (a series may stop early: n < nlabels) */
	CHART_GROUPED	/* labels are groups along x; each series one bar in every group */
};

struct chart_series {
	const char	*name;		/* legend text (CHART_LINES, CHART_GROUPED) */
	const int64_t	*values;	/* one per label, >= 0 */
	int		 n;		/* how many values (<= nlabels) */
	uint32_t	 color;		/* 0xRRGGBB; 0 picks from the palette */
};

/* Writes "v" as text into "buf" (a money amount, a count): the caller's number format. */
typedef void	(*chart_fmt_fn)(void *arg, int64_t v, char *buf, size_t len);

struct chart {
	enum chart_kind			 kind;
	const char			*title;		/* UTF-8, plain text */
	const char			*subtitle;	/* NULL for none */
	const char *const		*labels;
	const uint32_t			*label_colors;	/* CHART_PIE slice colors, NULL for the palette */
	int				 nlabels;
	const struct chart_series	*series;
	int				 nseries;
	chart_fmt_fn			 fmt;
	void				*fmt_arg;
	int				 width, height;	/* 0: 1080 wide (a phone screen), height per kind */
	chart_fmt_fn			 axis_fmt;	/* the value axis; NULL: fmt */
};

/* The font every chart uses: fonts-dejavu-core. */
#define CHART_FONT	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define CHART_FONT_BOLD	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

/*
 * Draws "c" and returns its PNG bytes copied into "a", with the length in
 * "*len". Returns NULL (logged) if libgd or the font fails, or if "c" has
 * nothing to draw (no labels, no series, or every value zero): callers say
 * so in words rather than send an empty picture.
 */
unsigned char	*chart_png(const struct chart *c, struct arena *a, size_t *len);

/* The palette's "i"-th color, 0xRRGGBB (ten distinct hues, repeating). */
uint32_t	 chart_color(int i);

#endif
