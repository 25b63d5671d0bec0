/* See LICENSE. handlers.c: /exportar and /borrar_mis_datos, and the confirmation buttons. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "privacy/privacy.h"
#include "core/strbuf.h"

int
privacy_export(struct bot_ctx *c, const struct nlu_result *res)
{
	struct strbuf doc = STRBUF_INIT;
	char name[64];
	long rows;
	int rc = -1;

	if ((rows = privacy_export_json(c->db, c->user.id, c->now, &doc)) < 0)
		goto out;
	snprintf(name, sizeof name, "mystudentbot-%lld.json", (long long)c->user.id);
	reply_document(c->reply, doc.buf, doc.len, name, "application/json",
	    reply_fmt(c->reply, "privacy.export_caption", rows));
	rc = 0;
out:
	strbuf_release(&doc);
	return rc;
}

int
privacy_delete_ask(struct bot_ctx *c, const struct nlu_result *res)
{
	struct reply_item *it = reply_msgf(c->reply, "privacy.delete_ask");
	char yes[64], no[64];

	/* The user's id rides in the data: a forwarded or stale keyboard cannot delete someone else. */
	snprintf(yes, sizeof yes, PRIVACY_CB "del:%lld", (long long)c->user.id);
	snprintf(no, sizeof no, PRIVACY_CB "no:%lld", (long long)c->user.id);
	reply_button(it, c->reply, reply_fmt(c->reply, "privacy.delete_yes"), yes);
	reply_button(it, c->reply, reply_fmt(c->reply, "privacy.delete_no"), no);
	return 0;
}

/* "p:VERB:ID" → verb and id. Returns 0, or -1 when malformed. */
static int
parse_data(const char *data, char verb[8], long long *id)
{
	const char *s = data + strlen(PRIVACY_CB);
	size_t n = strcspn(s, ":");
	char *end;

	if (n == 0 || n >= 8 || s[n] != ':')
		return -1;
	memcpy(verb, s, n);
	verb[n] = '\0';
	errno = 0;
	*id = strtoll(s + n + 1, &end, 10);
	return errno != 0 || end == s + n + 1 || *end != '\0' ? -1 : 0;
}

int
privacy_callback(struct bot_ctx *c, const char *data)
{
	char verb[8];
	long long id;

	if (parse_data(data, verb, &id) != 0) {
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "core.stale_button"));
		return 0;
	}
	if (id != (long long)c->user.id) {
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "privacy.not_yours"));
		return 0;
	}
	if (strcmp(verb, "del") == 0) {
		if (privacy_delete_user(c->db, c->user.id) < 0)
			return -1;
		reply_callback_answer(c->reply, c->u->callback_id, NULL);
		reply_edit(c->reply, c->u->message_id, reply_fmt(c->reply, "privacy.deleted"));
	} else if (strcmp(verb, "no") == 0) {
		reply_callback_answer(c->reply, c->u->callback_id, NULL);
		reply_edit(c->reply, c->u->message_id, reply_fmt(c->reply, "privacy.kept"));
	} else {
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "core.stale_button"));
	}
	return 0;
}
