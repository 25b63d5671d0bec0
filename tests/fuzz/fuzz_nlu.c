/* See LICENSE. fuzz_nlu.c: libFuzzer target for nlu_parse and its JSON: any bytes, both languages. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "nlu/nlu.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The first byte picks the language and the day "now" falls on (so that
 * month ends, leap days and year ends are reached); the rest is the text.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct nlu_now days[] = {
		{ 2026, 11, 28, 10, 0, "Europe/Madrid" }, { 2026, 12, 31, 23, 59, "Europe/Madrid" },
		{ 2028, 2, 29, 0, 0, "America/New_York" }, { 2027, 3, 28, 1, 30, "Europe/Madrid" },
	};
	struct nlu_result	 r;
	struct strbuf		 out = STRBUF_INIT;
	char			*text;
	uint8_t			 sel = size > 0 ? data[0] : 0;

	if (size > 0)
		data++, size--;
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	nlu_parse(text, &days[(sel >> 1) % 4], sel & 1 ? "en" : "es", &r);
	nlu_result_json(&r, &out);
	if (r.intent[0] == '\0' || out.len == 0 || strbuf_str(&out)[0] != '{')
		abort();
	strbuf_release(&out);
	free(text);
	return 0;
}
