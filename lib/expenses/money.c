/* See LICENSE. money.c: exact decimal amounts in integer cents, and their printing per language. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "expenses/money.h"
#include "core/strbuf.h"

int
money_parse(const char *s, int64_t *cents)
{
	int64_t units = 0, frac = 0;
	int ndec = 0, ndig = 0;
	bool neg = false;

	if (s == NULL)
		return -1;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++, ndig++) {
		units = units * 10 + (*s - '0');
		if (units > MONEY_MAX_CENTS / 100)
			return -1;
	}
	if (*s == '.') {
		for (s++; *s >= '0' && *s <= '9'; s++, ndec++) {
			if (ndec == 2)
				return -1;	/* a third decimal would be rounded: refuse instead */
			frac = frac * 10 + (*s - '0');
		}
		if (ndec == 0 && ndig == 0)
			return -1;
	}
	if (*s != '\0' || (ndig == 0 && ndec == 0))
		return -1;
	if (ndec == 1)
		frac *= 10;
	*cents = (units * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

const char *
money_sql(char buf[MONEY_SQL_LEN], int64_t cents)
{
	uint64_t a = cents < 0 ? (uint64_t)-(cents + 1) + 1 : (uint64_t)cents;

	snprintf(buf, MONEY_SQL_LEN, "%s%llu.%02llu", cents < 0 ? "-" : "",
	    (unsigned long long)(a / 100), (unsigned long long)(a % 100));
	return buf;
}

/* The symbols people write; others are shown by their ISO code. */
static const char *
symbol(const char *currency)
{
	static const struct { const char *code, *sym; } syms[] = {
		{ "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "JPY", "¥" },
	};
	size_t i;

	for (i = 0; i < sizeof syms / sizeof syms[0]; i++)
		if (currency != NULL && strcmp(currency, syms[i].code) == 0)
			return syms[i].sym;
	return NULL;
}

/* The number of "cents" in the format of "lang"; "whole" leaves out ",00" when there are no cents. */
static void
number(struct strbuf *sb, int64_t cents, const char *lang, bool whole)
{
	bool en = lang != NULL && strcmp(lang, "en") == 0;
	uint64_t a = cents < 0 ? (uint64_t)-(cents + 1) + 1 : (uint64_t)cents;
	char digits[24];
	size_t n, i;

	n = (size_t)snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
	if (cents < 0)
		strbuf_addc(sb, '-');
	for (i = 0; i < n; i++) {
		/* Group thousands: "1.234" (es), "1,234" (en). */
		if (i > 0 && (n - i) % 3 == 0)
			strbuf_addc(sb, en ? ',' : '.');
		strbuf_addc(sb, digits[i]);
	}
	if (!whole || a % 100 != 0)
		strbuf_addf(sb, "%c%02llu", en ? '.' : ',', (unsigned long long)(a % 100));
}

void
money_format_number(struct strbuf *sb, int64_t cents, const char *lang)
{
	number(sb, cents, lang, false);
}

static void
format(struct strbuf *sb, int64_t cents, const char *currency, const char *lang, bool whole)
{
	bool en = lang != NULL && strcmp(lang, "en") == 0;
	const char *sym = symbol(currency);

	if (en) {
		if (cents < 0) {
			strbuf_addc(sb, '-');
			cents = -cents;
		}
		if (sym != NULL)
			strbuf_adds(sb, sym);
		else
			strbuf_addf(sb, "%s ", currency);
		number(sb, cents, lang, whole);
		return;
	}
	number(sb, cents, lang, whole);
	strbuf_addf(sb, " %s", sym != NULL ? sym : currency);
}

void
money_format(struct strbuf *sb, int64_t cents, const char *currency, const char *lang)
{
	format(sb, cents, currency, lang, false);
}

void
money_format_whole(struct strbuf *sb, int64_t cents, const char *currency, const char *lang)
{
	format(sb, cents, currency, lang, true);
}
