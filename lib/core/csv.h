/* See LICENSE. csv.h: the one CSV writer: RFC 4180 fields that a spreadsheet will not run as formulas. */
#ifndef MSB_CORE_CSV_H
#define MSB_CORE_CSV_H

#include <stdbool.h>

struct strbuf;

/*
 * Appends the text "s" to "sb" as one field, then "," or, when "last", the
 * CRLF that ends a record (RFC 4180 section 2). Text starting with "=",
 * "+", "-", "@", a tab or a CR gets a leading "'" so that Excel and
 * LibreOffice show it instead of running it (OWASP "CSV Injection").
 * NULL is the empty field. For anything a user may have typed.
 */
void	csv_text(struct strbuf *sb, const char *s, bool last);

/*
 * Appends the number "s" (as "-12.50": an optional minus, digits, an
 * optional point and digits) untouched, so a spreadsheet still sums it.
 * Anything else is written as csv_text would.
 */
void	csv_num(struct strbuf *sb, const char *s, bool last);

#endif
