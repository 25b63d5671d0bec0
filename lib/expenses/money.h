/* See LICENSE. money.h: exact amounts as integer cents, parsed from and printed as decimal text. */
#ifndef MSB_EXPENSES_MONEY_H
#define MSB_EXPENSES_MONEY_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* numeric(12,2) holds at most 9,999,999,999.99. */
#define MONEY_MAX_CENTS	INT64_C(999999999999)

/*
 * Parses decimal text "s" as the parser and PostgreSQL print it ("12.50",
 * "12.5", "12", "-3.10") into "*cents", exactly. More than two decimals,
 * junk, or a value beyond numeric(12,2) is refused. Returns 0 or -1.
 */
int	money_parse(const char *s, int64_t *cents);

/* "cents" as SQL decimal text ("1234.56", "-0.05") into "buf" (room for MONEY_SQL_LEN). */
#define MONEY_SQL_LEN 24
const char	*money_sql(char buf[MONEY_SQL_LEN], int64_t cents);

/*
 * Appends "cents" of ISO 4217 "currency" in the number format of "lang":
 * es "1.234,56 €", en "€1,234.56"; a currency without a symbol is written
 * by its code ("12,00 CHF", "CHF 12.00").
 */
void	money_format(struct strbuf *, int64_t cents, const char *currency, const char *lang);
/* The same without cents when there are none ("400 €", "€400"): chart axes. */
void	money_format_whole(struct strbuf *, int64_t cents, const char *currency, const char *lang);
/* The number alone ("1.234,56"). */
void	money_format_number(struct strbuf *, int64_t cents, const char *lang);

#endif
