/* See LICENSE. core_handlers.h: what the bot answers before any domain module: greeting, help, settings. */
#ifndef MSB_BOT_CORE_HANDLERS_H
#define MSB_BOT_CORE_HANDLERS_H

#include "bot/bot.h"

int	core_start(struct bot_ctx *, const struct nlu_result *);	/* /start: greet, explain in two lines */
int	core_help(struct bot_ctx *, const struct nlu_result *);
int	core_unknown(struct bot_ctx *, const struct nlu_result *);	/* a friendly "here is what I can do" */
int	core_language(struct bot_ctx *, const struct nlu_result *);	/* arg: es | en */
int	core_timezone(struct bot_ctx *, const struct nlu_result *);	/* arg: Area/City */
int	core_undo(struct bot_ctx *, const struct nlu_result *);		/* the latest change, any module (undo.c) */

#endif
