/* See LICENSE. cmd_chat.c: mystudentbot chat, a conversation with the bot on this terminal, over the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmds.h"
#include "bot/bot.h"
#include "core/config.h"
#include "core/mem.h"
#include "core/num.h"
#include "core/strbuf.h"
#include "db/db.h"

/* The buttons of the last reply, so "!N" can press one. */
static char	*last_buttons[REPLY_MAX_BUTTONS];
static int	 nlast;
static int64_t	 last_message_id;

/* Telegram HTML to terminal text: tags dropped, the three entities undone. */
static void
print_html(const char *s)
{
	struct strbuf out = STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '<') {
			while (*s && *s != '>')
				s++;
			if (!*s)
				break;
		} else if (strncmp(s, "&lt;", 4) == 0) {
			strbuf_addc(&out, '<'); s += 3;
		} else if (strncmp(s, "&gt;", 4) == 0) {
			strbuf_addc(&out, '>'); s += 3;
		} else if (strncmp(s, "&amp;", 5) == 0) {
			strbuf_addc(&out, '&'); s += 4;
		} else if (strncmp(s, "&quot;", 6) == 0) {
			strbuf_addc(&out, '"'); s += 5;
		} else {
			strbuf_addc(&out, *s);
		}
	}
	printf("bot> %s\n", strbuf_str(&out));
	strbuf_release(&out);
}

static void
save_file(const struct reply_item *it, int n)
{
	char name[64];
	FILE *f;

	snprintf(name, sizeof name, "chat-%ld-%d-%s", (long)time(NULL), n, it->filename ? it->filename : "file");
	if ((f = fopen(name, "wb")) == NULL || fwrite(it->file, 1, it->file_len, f) != it->file_len)
		printf("bot> (could not save %s)\n", name);
	else
		printf("bot> [%s saved as %s, %zu bytes]\n", it->kind == REPLY_PHOTO ? "photo" : "file", name,
		    it->file_len);
	if (f != NULL)
		fclose(f);
}

static void
show(const struct reply *r)
{
	size_t i;
	int b;

	for (i = 0; i < r->n; i++) {
		const struct reply_item *it = &r->items[i];

		if (it->kind == REPLY_CALLBACK_ANSWER) {
			if (it->text != NULL)
				print_html(it->text);
			continue;
		}
		if (it->kind == REPLY_PHOTO || it->kind == REPLY_DOCUMENT)
			save_file(it, (int)i);
		if (it->text != NULL && it->text[0] != '\0')
			print_html(it->text);
		if (it->nbuttons == 0)
			continue;
		for (b = 0; b < nlast; b++)
			free(last_buttons[b]);
		nlast = 0;
		for (b = 0; b < it->nbuttons; b++) {
			printf("%s[!%d %s]", b == 0 ? "     " : " ", b + 1, it->buttons[b].text);
			last_buttons[nlast++] = xstrdup(it->buttons[b].data ? it->buttons[b].data : "");
		}
		printf("\n");
		last_message_id++;
	}
}

/* A line typed by the user as an update: "!N" presses button N of the last keyboard. */
static void
make_update(struct update *u, const char *line, int64_t user_id, const char *lang, int64_t seq)
{
	int64_t button = 0;

	memset(u, 0, sizeof *u);
	u->update_id = (int64_t)time(NULL) * 1000 + seq;
	u->user_id = user_id;
	u->chat_id = user_id;
	u->chat_type = "private";
	u->first_name = getenv("USER") ? getenv("USER") : "student";
	u->language_code = lang;
	u->date = time(NULL);
	if (line[0] == '!' && nlast > 0 && num_parse_i64(line + 1, 1, nlast, &button) == 0) {
		u->kind = UPDATE_CALLBACK_QUERY;
		u->callback_id = "console";
		u->callback_data = last_buttons[button - 1];
		u->message_id = last_message_id;
	} else {
		u->kind = UPDATE_MESSAGE;
		u->text = line;
		u->message_id = seq;
	}
}

int
cmd_chat(int argc, char **argv)
{
	struct config cfg;
	struct db *db;
	struct arena *a;
	char line[4096];
	int64_t user_id = 1, seq = 0;
	const char *lang = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--user") == 0 && i + 1 < argc &&
		    num_parse_i64(argv[i + 1], 1, INT64_MAX, &user_id) == 0)
			i++;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else {
			fprintf(stderr, "usage: mystudentbot chat [--user ID] [--lang es|en]\n");
			return 2;
		}
	}
	config_load_or_exit(&cfg, 0);
	if (lang == NULL)
		lang = cfg.lang;
	if ((db = db_open(cfg.database_url)) == NULL) {
		fprintf(stderr, "chat: cannot connect to the database (is `make run` going?)\n");
		return 1;
	}
	a = arena_new();
	printf("Chat with MyStudentBot as user %lld. Type a message; !N presses button N; Ctrl-D ends.\n",
	    (long long)user_id);
	for (;;) {
		struct update u;
		struct reply reply;

		printf("you> ");
		fflush(stdout);
		if (fgets(line, sizeof line, stdin) == NULL)
			break;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0')
			continue;
		make_update(&u, line, user_id, lang, ++seq);
		if (bot_process(db, &cfg, NULL, &u, a, time(NULL), &reply) == BOT_DONE)
			show(&reply);
		else
			printf("bot> (the database did not answer)\n");
		arena_reset(a);
	}
	for (i = 0; i < nlast; i++)
		free(last_buttons[i]);
	arena_free(a);
	db_close(db);
	return 0;
}
