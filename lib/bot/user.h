/* See LICENSE. user.h: the sender of an update in core.users. */
#ifndef MSB_BOT_USER_H
#define MSB_BOT_USER_H

#include <stdbool.h>
#include <stdint.h>

struct config;
struct db;
struct update;
struct user;

/*
 * Records u->update_id in core.updates and, if it is new, loads the sender
 * of "u" into "*out", creating them on first contact with the language of
 * their Telegram client (or the configured default) and the configured
 * zone. A message from them means they can be written to again. Counts the
 * update in out->flood_hits. Returns 1, or 0 if the update was recorded
 * before (the caller must roll back: the upsert ran all the same), or -1.
 */
int	user_arrive(struct db *, const struct config *, const struct update *u, struct user *out);

int	user_set_lang(struct db *, int64_t user_id, const char *lang);
int	user_set_tz(struct db *, int64_t user_id, const char *tz);
/* false after 403 or a "kicked" my_chat_member: nothing more is sent to them. */
int	user_set_active(struct db *, int64_t user_id, bool active);

#endif
