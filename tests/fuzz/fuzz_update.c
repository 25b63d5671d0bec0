/* See LICENSE. fuzz_update.c: libFuzzer target for update_parse, the Telegram Update parser (webhook input). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bot/update.h"
#include "core/mem.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
touch(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct update u;
	volatile size_t n = 0;

	if (a == NULL)
		a = arena_new();
	if (update_parse((const char *)data, size, a, &u) == UPDATE_PARSE_OK) {
		/* Every string must be a valid C string in the arena, after the tree is freed. */
		n += touch(u.chat_type) + touch(u.first_name) + touch(u.language_code) + touch(u.text);
		n += touch(u.callback_id) + touch(u.callback_data) + touch(u.document_file_id);
		n += touch(u.document_name) + touch(u.document_mime) + touch(u.member_status);
		n += touch(update_kind_name(u.kind));
	}
	(void)n;
	arena_reset(a);
	return 0;
}
