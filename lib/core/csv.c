/* See LICENSE. csv.c: CSV fields, quoted per RFC 4180 and neutralised per OWASP "CSV Injection". */
#include <ctype.h>
#include <string.h>

#include "core/csv.h"
#include "core/strbuf.h"

/*
 * Quoting: RFC 4180 needs it for a comma, a quote, CR or LF. The semicolon
 * is quoted too: Excel in Spanish (and other comma-decimal locales) splits
 * on ";", and an unquoted "a;=1+1" would give a cell "=1+1" there.
 */
#define CSV_QUOTE_IF	",;\"\r\n"
/* The first characters that make a spreadsheet evaluate a cell (OWASP, ASVS 1.2.10). */
#define CSV_FORMULA	"=+-@\t\r"

static void
field(struct strbuf *sb, const char *s, bool neutralise, bool last)
{
	bool quote = strpbrk(s, CSV_QUOTE_IF) != NULL;
	const char *p;

	if (quote)
		strbuf_addc(sb, '"');
	/* The "'" goes inside the quotes: outside them the field would not be RFC 4180. */
	if (neutralise && *s != '\0' && strchr(CSV_FORMULA, *s) != NULL)
		strbuf_addc(sb, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			strbuf_addc(sb, '"');
		strbuf_addc(sb, *p);
	}
	if (quote)
		strbuf_addc(sb, '"');
	strbuf_adds(sb, last ? "\r\n" : ",");
}

/* "-12.50", "0", "7.5": what money_sql and printf write; not "1e3", "+1", " 1", "1." or "-". */
static bool
is_plain_number(const char *s)
{
	const char *p = *s == '-' ? s + 1 : s;
	const char *digits = p;

	while (isdigit((unsigned char)*p))
		p++;
	if (p == digits)
		return false;
	if (*p == '.') {
		digits = ++p;
		while (isdigit((unsigned char)*p))
			p++;
		if (p == digits)
			return false;
	}
	return *p == '\0';
}

void
csv_text(struct strbuf *sb, const char *s, bool last)
{
	field(sb, s != NULL ? s : "", true, last);
}

void
csv_num(struct strbuf *sb, const char *s, bool last)
{
	if (s != NULL && is_plain_number(s))
		field(sb, s, false, last);
	else
		csv_text(sb, s, last);
}
