/* See LICENSE. i18n.h: every sentence the bot says, in Spanish and English. */
#ifndef MSB_CORE_I18N_H
#define MSB_CORE_I18N_H

/*
 * A catalog entry: a stable key and its text in each language. Texts are
 * printf formats with the same conversions in the same order in both
 * languages (use %1$s-style positions if a language needs another order),
 * and may use Telegram HTML (<b>, <i>): arguments from users must be
 * escaped by the caller (strbuf_add_html, or reply_textf does it).
 */
struct msg {
	const char	*key;
	const char	*es;
	const char	*en;
};

/*
 * Each module keeps its own catalog in its own folder and adds its name to
 * the list in lib/core/i18n.c; a catalog ends with { NULL, NULL, NULL }.
 */
extern const struct msg core_msgs[];

/* The text for "key" in "lang" ("es"/"en", anything else means es). Never NULL: an unknown key comes back as itself. */
const char	*i18n_get(const char *lang, const char *key);

/* "es" or "en" from a Telegram language_code such as "es-ES", "en", "pt-BR"; NULL when neither. */
const char	*i18n_lang_from_code(const char *language_code);

#endif
