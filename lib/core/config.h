/* See LICENSE. config.h: CONTRACT.md section 3, environment over the MSB_CONFIG file. */
#ifndef MSB_CORE_CONFIG_H
#define MSB_CORE_CONFIG_H

#include <stddef.h>

struct config {
	char	database_url[1024];	/* MSB_DATABASE_URL, default: the local stack under var/ */
	char	bot_token[256];		/* MSB_BOT_TOKEN, "" when unset */
	char	webhook_secret[257];	/* MSB_WEBHOOK_SECRET, "" = refuse every webhook POST */
	char	telegram_api[512];	/* MSB_TELEGRAM_API, no trailing slash */
	char	tz[64];			/* MSB_TZ, a valid IANA name */
	char	lang[3];		/* MSB_LANG, "es" or "en" */
	char	public_url[512];	/* MSB_PUBLIC_URL, "" when unset */
	int	http_port;		/* MSB_HTTP_PORT, 8080 */
	int	send_rate;		/* MSB_SEND_RATE, messages a second overall, 30 */
	int	chat_rate_ms;		/* MSB_CHAT_INTERVAL_MS, least gap per chat, 1000 */
	int	flood_per_minute;	/* MSB_FLOOD_PER_MINUTE, updates a user may send a minute, 60 */
};

enum config_need {
	CONFIG_NEED_TOKEN = 1 << 0	/* MSB_BOT_TOKEN must be set */
};

/*
 * Fills "c" from the environment, then from the file named by MSB_CONFIG for
 * keys the environment lacks, then defaults. "need" is a mask of
 * config_need. Returns 0, or -1 with one line for the operator in "err".
 */
int	config_load(struct config *c, unsigned need, char *err, size_t errlen);

/* config_load, and on failure that line on stderr and exit status 2. */
void	config_load_or_exit(struct config *c, unsigned need);

#endif
