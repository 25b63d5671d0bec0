/* See LICENSE. deliver.h: a committed reply list, out to Telegram. */
#ifndef MSB_BOT_DELIVER_H
#define MSB_BOT_DELIVER_H

#include "bot/reply.h"
#include "core/strbuf.h"

struct db;
struct json_gen;
struct tg;

/*
 * Sends every item of "reply" in order through "tg". When "body" is not NULL
 * and the last item is not a file upload, that item is written there as
 * {"method": ..., ...} for the webhook response instead: it runs after the
 * answer, so it must be the last. A text Telegram refuses for now (429, 5xx)
 * is queued in "spool" (may be NULL) for the reminder run to send later.
 * Returns how many items were neither accepted nor queued.
 */
int	reply_deliver(const struct reply *, struct tg *, struct strbuf *body, struct db *spool);

/* The Bot API method and its JSON parameters for a non-file item ("with_method" adds "method"). */
const char	*reply_item_method(const struct reply_item *);
void		 reply_item_json(const struct reply_item *, struct json_gen *, int with_method);

#endif
