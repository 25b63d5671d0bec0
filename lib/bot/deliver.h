/* See LICENSE. deliver.h: a committed reply list, out to Telegram. */
#ifndef MSB_BOT_DELIVER_H
#define MSB_BOT_DELIVER_H

#include "bot/reply.h"
#include "core/strbuf.h"

struct json_gen;
struct tg;

/*
 * Sends every item of "reply". When "body" is not NULL, the first item that
 * can ride in a webhook response (not a file upload) is written there as
 * {"method": ..., ...} instead of being sent: no extra round trip. The rest
 * go through "tg" in order. Returns how many items Telegram did not accept.
 */
int	reply_deliver(const struct reply *, struct tg *, struct strbuf *body);

/* The Bot API method and its JSON parameters for a non-file item ("with_method" adds "method"). */
const char	*reply_item_method(const struct reply_item *);
void		 reply_item_json(const struct reply_item *, struct json_gen *, int with_method);

#endif
