/* See LICENSE. nlu_int.h: what the parser's stages share: tokens, vocabulary classes, found spans. */
#ifndef MSB_NLU_NLU_INT_H
#define MSB_NLU_NLU_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "nlu/nlu.h"

#define NLU_MAXTEXT	2048	/* bytes of a message that are read; the rest is ignored */
#define NLU_MAXTOK	96
#define NLU_TOKLEN	32	/* folded token text, truncated */
#define NLU_MAXMATCH	6	/* vocabulary meanings kept per token */

/*
 * Vocabulary classes: what a word or phrase can mean. A word may have
 * several ("mañana" is a day and a part of the day); the grammar asks for
 * the class it expects. Values ("val") are explained per class.
 */
enum vclass {
	V_NONE,
	V_FILLER,	/* oye, porfa, please: dropped everywhere */
	V_GREET,	/* hola, hi, buenos días */
	V_THANKS,	/* gracias, thanks, ok */
	V_HELP,		/* ayuda, help, comandos */
	V_WEEKDAY,	/* 1 = Monday .. 7 = Sunday; +10 for a plural ("mondays") */
	V_MONTH,	/* 1..12 */
	V_RELDAY,	/* days from today: hoy 0, mañana 1, ayer -1 */
	V_NUMWORD,	/* "dos" 2, "media" is V_HALF */
	V_HALF,		/* media, half */
	V_UNIT,		/* duration unit, in minutes; month 43200 and year 525600 only as markers */
	V_PERIOD,	/* 1 day, 2 week, 3 month, 4 year */
	V_NEXT,		/* próximo, next, que viene */
	V_LAST,		/* pasado, last, anterior */
	V_THIS,		/* este, this */
	V_EVERY,	/* cada, every, per, al, a la, por: "every" before a period word */
	V_EVERYWORD,	/* mensual, weekly, daily: val = period */
	V_CURRENCY,	/* 1 EUR, 2 USD, 3 GBP */
	V_LINK,		/* para, antes de, by, due: links a date or time to a title */
	V_TASKNOUN,	/* examen, práctica, essay, homework */
	V_TODO,		/* tengo que, hay que, need to: a to-do follows */
	V_TASKVERB,	/* hacer, entregar, finish, submit: starts a to-do */
	V_TASKS,	/* tareas, deberes, pendientes, tasks */
	V_DONE,		/* hecho, terminé, done, finished */
	V_QUESTION,	/* qué, what, hay, any */
	V_SPENT,	/* gasté, pagué, spent, paid */
	V_HOWMUCH,	/* cuánto, how much */
	V_TOTAL,	/* total, resumen, summary */
	V_EXPENSE,	/* gasto, gastos, expenses, spending */
	V_CHART,	/* gráfico, chart */
	V_CHARTKIND,	/* 1 pie, 2 bar, 3 line */
	V_COMPARE,	/* comparando, compared */
	V_PREV,		/* anteriores, previous: earlier periods */
	V_CLASS,	/* clase, lecture */
	V_TIMETABLE,	/* horario, timetable */
	V_AGENDA,	/* agenda, planes */
	V_HAVE,		/* tengo, have: "¿qué tengo mañana?" */
	V_REMIND,	/* avísame, recordatorio, remind, heads-up */
	V_ADVANCE,	/* antes, antelación, before, in advance */
	V_BUDGET,	/* presupuesto, budget, límite */
	V_ROOM,		/* aula, room: the next word is a room */
	V_NOTMONEY,	/* tema, hito, capítulo, chapter: the next number is a name */
	V_AGO,		/* hace (before), ago (after) */
	V_IN,		/* dentro de, en, in, within: a span from now */
	V_DURING,	/* durante, for: a duration after a time */
	V_FROM,		/* de, desde, from, between: a range starts */
	V_TO,		/* a, hasta, to, until, and: a range ends */
	V_AT,		/* a las, at: a clock time follows */
	V_DAYPART,	/* de la mañana 1, tarde/noche/pm 2: am/pm */
	V_AMPM,		/* am 1, pm 2 */
	V_HOURMARK,	/* h, hrs, horas after a number */
	V_NOON,		/* mediodía 12*60, medianoche 0 */
	V_ENDMONTH,	/* fin de mes */
	V_WEEKEND,	/* fin de semana */
	V_ARTICLE,	/* el, la, the, a */
	V_OF,		/* de, del, of, for: a subject follows */
	V_DAY,		/* día, day: "el día 7" */
	V_STOP,		/* words a subject or title never runs through: se, es, que, is */
	V_LIST,		/* lista, muéstrame, list, show */
	V_DELETE,	/* borra, elimina, delete */
	V_EDIT,		/* cambia, mueve, change, move */
	V_UNDO,		/* deshaz, undo */
	V_EXPORT,	/* exporta, export, descargar */
	V_LANGUAGE,	/* idioma, language; val 1 es, 2 en for the language names */
	V_TIMEZONE,	/* zona horaria, timezone */
	V_LANGUAGE_SWITCH, /* háblame en, speak, switch to: a language follows */
	V_CALENDAR,	/* calendario, calendar, ics */
	V_NEW,		/* nuevo, new */
	V_DIGEST,	/* resumen diario, digest */
	V_TERM,		/* cuatrimestre, semestre, term */
	V_HOLIDAY,	/* festivo, no hay clase, holiday */
	V_OFF,		/* desactiva, sin, off, stop, no */
	V_STOPPAY,	/* ya no pago, cancelé: a repeating expense ends */
	V_DATA,		/* datos, data, cuenta */
	V_ORDINAL,	/* st, nd, rd, th, º: after a day number */
	V_LASTONE,	/* último, last one */
	V_CATEGORY,	/* an expense concept word; val = enum category */
	V_SELF,		/* me, mí, my, I: not a subject */
	V_KNOWN,	/* a word that is no typo of a keyword ("mates" is not "martes") */
	V_GRADE,	/* nota, score: the numbers around are marks, not money */
	V_FORTNIGHT,	/* cada dos semanas, every other week: a class every 2 weeks */
	V_PARITY,	/* semanas impares 1, pares 2, odd weeks 1, even weeks 2 */
	V_CLASSKIND,	/* seminario, lab, tutorial: a kind of class, not part of its subject */
	V_PAST,		/* fui, estuve, went, met: a verb telling what happened, not a to-do */
	V__MAX
};

enum category { CAT_NONE, CAT_FOOD, CAT_TRANSPORT, CAT_HOUSING, CAT_EDUCATION, CAT_LEISURE,
	CAT_HEALTH, CAT_SHOPPING, CAT_BILLS, CAT_OTHER };

enum period { P_NONE, P_DAY, P_WEEK, P_MONTH, P_YEAR };

/* One vocabulary line: a folded word or phrase (words joined by one space), its class and value. */
struct vocab {
	const char	*word;
	uint8_t		 cls;
	int		 val;
};

extern const struct vocab vocab_es[];	/* end with { NULL, 0, 0 } */
extern const struct vocab vocab_en[];
extern const struct vocab vocab_any[];	/* brands and loanwords, read in both languages */

/* A city or country people name for their time zone, and the IANA zone. */
struct zone_name {
	const char	*word;	/* folded, words joined by one space */
	const char	*zone;
};
extern const struct zone_name zone_names[];	/* ends with { NULL, NULL } */

enum tok_kind { T_WORD, T_NUM, T_SYM, T_PUNCT };

/* What a token was taken as: a token with a role is left out of titles and concepts. */
enum role { R_NONE, R_DATE, R_TIME, R_MONEY, R_EVERY, R_LINK, R_FILLER, R_ROOM, R_DAYS, R_KEY };

struct vmatch {
	uint8_t	 cls;
	int	 val;
};

/* A phrase of several words starting at a token: its class, value and length in tokens. */
struct pmatch {
	uint8_t	 cls;
	uint8_t	 len;
	int	 val;
};
#define NLU_MAXPHRASE	6

struct tok {
	uint16_t	 off, len;	/* the original bytes */
	uint8_t		 kind;
	uint8_t		 role;
	bool		 glued;		/* no space before it */
	bool		 cap;		/* starts with a capital letter */
	char		 f[NLU_TOKLEN];	/* folded: lower case, no accents */
	uint8_t		 flen;
	uint64_t	 cls[2];	/* the classes of "m", as bits */
	uint8_t		 nm;
	struct vmatch	 m[NLU_MAXMATCH];
	uint8_t		 npm;
	struct pmatch	 pm[NLU_MAXPHRASE];	/* longest first */
};

/* A date as said, resolved once the intent says whether it looks forward or back. */
enum dkind { D_NONE, D_ABS, D_DAYONLY, D_REL, D_WDAY, D_ENDMONTH, D_WEEKEND, D_MONTHONLY,
	D_PERIOD, D_HOURS };

struct dspec {
	int	 first, last;	/* tokens */
	int	 kind;
	int	 y, m, d;	/* D_ABS (y 0 = not said), D_DAYONLY (d), D_MONTHONLY (m, y) */
	int	 wd, mod;	/* D_WDAY: weekday and -1 last / 0 / +1 next */
	int	 off;		/* D_REL days, D_PERIOD periods from this one, D_HOURS minutes */
	int	 unit;		/* D_PERIOD: enum period */
	bool	 ambiguous;	/* en month/day could be swapped */
};

struct tspec {
	int	 first, last;
	int	 h, m;		/* start */
	int	 eh, em;	/* end, -1 when not said */
	bool	 guessed;	/* "a las 5" read as 17:00 */
	bool	 plain;		/* said as a bare hour ("a las 9"): "esta noche" makes it 21:00 */
};

struct money {
	int	 first, last;
	int64_t	 cents;
	int	 cur;		/* 0 not said, 1 EUR, 2 USD, 3 GBP */
	bool	 sure;		/* had a currency or a cents part */
};

#define NLU_MAXSPEC	6

struct nlu_ctx {
	const char		*text;
	size_t			 textlen;
	const struct nlu_now	*now;
	bool			 en;
	int			 n;
	uint64_t		 present[2];	/* classes said anywhere, words or phrases */
	struct dspec		 d[NLU_MAXSPEC];
	int			 nd;
	struct tspec		 tm[NLU_MAXSPEC];
	int			 ntm;
	struct money		 mo[NLU_MAXSPEC];
	int			 nmo;
	int			 every;		/* enum period, P_NONE */
	bool			 fortnight;	/* every other week */
	int			 parity;	/* 1 odd weeks, 2 even weeks, 0 */
	int			 wdays[7];	/* recurring weekdays said ("los lunes", "mondays") */
	int			 nwdays;
	bool			 wd_plural;	/* a weekday in plural or with cada/every */
	int			 dur_min;	/* a duration said (reminders), -1 */
	int			 dur_at;	/* its first token, -1 */
	struct tok		 t[NLU_MAXTOK];	/* last: only the "n" first are cleared */
};

/* tok.c */
void	 tok_split(struct nlu_ctx *);
bool	 tok_is(const struct nlu_ctx *, int i, int cls, int *val);
bool	 tok_word(const struct nlu_ctx *, int i, const char *w);
bool	 tok_word_in(const struct nlu_ctx *, int i, const char *const *words);	/* NULL-terminated */
bool	 tok_any_word(const struct nlu_ctx *, int first, int last, const char *const *words);
bool	 tok_has(const struct nlu_ctx *, int cls);
bool	 tok_said(const struct nlu_ctx *, int cls);
void	 tok_phrases(struct nlu_ctx *);
int	 tok_num(const struct nlu_ctx *, int i);	/* a plain integer token or number word, else -1 */
int	 tok_phrase(const struct nlu_ctx *, int i, int cls, int *val);	/* tokens a phrase of "cls" spans at i, 0 if none */

/* vocab.c */
void	 vocab_match(const char *word, bool en, struct vmatch *m, uint8_t *nm, bool fuzzy);
bool	 vocab_starts_phrase(const char *word);
void	 vocab_phrase(const char *phrase, bool en, uint8_t len, struct pmatch *pm, uint8_t *npm);

/* dates.c, times.c */
void	 dates_find(struct nlu_ctx *);
void	 dates_shorthand(struct nlu_ctx *);
int	 weekday_letters(struct nlu_ctx *, int i);
void	 times_find(struct nlu_ctx *);
void	 durations_find(struct nlu_ctx *);

/* calendar.c */
void	 date_add_months(int *y, int *m, int *d, int n);
long	 date_days_between(int y1, int m1, int d1, int y2, int m2, int d2);
int	 date_resolve(const struct nlu_ctx *, const struct dspec *, bool past, int *y, int *m, int *d);
void	 date_fmt(char *buf, int y, int m, int d);
void	 time_fmt(char *buf, int h, int m);
void	 date_add_days(int *y, int *m, int *d, int days);
int	 date_weekday(int y, int m, int d);	/* 1 = Monday */
int	 date_hours(const struct nlu_ctx *, int minutes, int *y, int *mo, int *d, int *h, int *mi);

/* money.c */
void	 money_find(struct nlu_ctx *, bool loose);
void	 money_fmt(char *buf, size_t len, int64_t cents);
void	 every_find(struct nlu_ctx *);

/* intents.c */
void	 intent_pick(struct nlu_ctx *, struct nlu_result *);

/* slots.c */
void	 slots_fill(struct nlu_ctx *, struct nlu_result *);
void	 slot_text(const struct nlu_ctx *, int first, int last, char *buf, size_t len);
bool	 slot_room_like(const struct nlu_ctx *, int i);
int	 slot_category(const struct nlu_ctx *, int first, int last);

#endif
