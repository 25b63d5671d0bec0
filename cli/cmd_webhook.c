/* See LICENSE. cmd_webhook.c: mystudentbot webhook set|info|delete and commands set (Bot API setup). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/num.h"
#include "core/strbuf.h"
#include "json/json.h"
#include "telegram/tg.h"

/* The kinds the dispatcher handles; always sent, since leaving it out keeps Telegram's previous list. */
static const char *const allowed_updates[] = { "message", "callback_query", "my_chat_member", NULL };

/* Calls METHOD with the generator's JSON, prints Telegram's answer. Returns the exit status. */
static int
call_and_print(struct tg *tg, const char *method, struct json_gen *g)
{
	struct tg_result res;
	const char *body;
	size_t len;
	int rc;

	memset(&res, 0, sizeof res);
	body = json_gen_text(g, &len);
	rc = tg_call_json(tg, method, body, len, &res);
	if (rc == 0)
		printf("%s\n", strbuf_str(&res.body));
	else
		fprintf(stderr, "%s: %s (%ld) %s\n", method, tg_status_name(res.status), res.http_code,
		    res.description);
	tg_result_release(&res);
	return rc == 0 ? 0 : 1;
}

/* setWebhook as multipart, for a self-signed certificate uploaded with it (Bot API "certificate"). */
static int
webhook_set_with_certificate(struct tg *tg, const struct config *cfg, const char *url, const char *path,
    int max_conn, int drop)
{
	struct strbuf pem = STRBUF_INIT, allowed = STRBUF_INIT;
	struct tg_result res;
	struct tg_part parts[6];
	char conn[16], buf[4096];
	size_t n;
	int i, rc = 1;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "webhook set: cannot read %s\n", path);
		return 2;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&pem, buf, n);
	fclose(f);
	strbuf_addc(&allowed, '[');
	for (i = 0; allowed_updates[i] != NULL; i++)
		strbuf_addf(&allowed, "%s\"%s\"", i ? "," : "", allowed_updates[i]);
	strbuf_addc(&allowed, ']');
	snprintf(conn, sizeof conn, "%d", max_conn);
	parts[0] = (struct tg_part){ "url", url, strlen(url), NULL, NULL };
	parts[1] = (struct tg_part){ "secret_token", cfg->webhook_secret, strlen(cfg->webhook_secret), NULL, NULL };
	parts[2] = (struct tg_part){ "max_connections", conn, strlen(conn), NULL, NULL };
	parts[3] = (struct tg_part){ "drop_pending_updates", drop ? "true" : "false", drop ? 4 : 5, NULL, NULL };
	parts[4] = (struct tg_part){ "allowed_updates", allowed.buf, allowed.len, NULL, NULL };
	parts[5] = (struct tg_part){ "certificate", pem.buf ? pem.buf : "", pem.len, "cert.pem",
	    "application/x-pem-file" };
	memset(&res, 0, sizeof res);
	if (tg_call_multipart(tg, "setWebhook", parts, 6, &res) == 0) {
		printf("%s\n", strbuf_str(&res.body));
		rc = 0;
	} else {
		fprintf(stderr, "setWebhook: %s (%ld) %s\n", tg_status_name(res.status), res.http_code,
		    res.description);
	}
	tg_result_release(&res);
	strbuf_release(&pem);
	strbuf_release(&allowed);
	return rc;
}

static int
webhook_set(struct tg *tg, const struct config *cfg, int argc, char **argv)
{
	struct json_gen *g = json_gen_new();
	int64_t max_conn = sysconf(_SC_NPROCESSORS_ONLN);
	int i, drop = 0, rc;
	const char *url = NULL, *cert = NULL;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--drop-pending") == 0)
			drop = 1;
		else if (strcmp(argv[i], "--max-connections") == 0 && i + 1 < argc) {
			/* setWebhook's max_connections is 1-100 (Bot API); "10x" is a typo, not 10. */
			if (num_parse_i64(argv[++i], 1, 100, &max_conn) != 0)
				goto usage;
		} else if (strcmp(argv[i], "--certificate") == 0 && i + 1 < argc)
			cert = argv[++i];
		else if (url == NULL && argv[i][0] != '-')
			url = argv[i];
		else
			goto usage;
	}
	if (url == NULL || max_conn < 1 || max_conn > 100)
		goto usage;
	if (cfg->webhook_secret[0] == '\0') {
		fprintf(stderr, "webhook set: MSB_WEBHOOK_SECRET is unset; the webhook would refuse every update\n");
		json_gen_free(g);
		return 2;
	}
	if (cert != NULL) {
		json_gen_free(g);
		return webhook_set_with_certificate(tg, cfg, url, cert, (int)max_conn, drop);
	}
	json_gen_obj_open(g);
	json_gen_kv_str(g, "url", url);
	json_gen_kv_str(g, "secret_token", cfg->webhook_secret);
	json_gen_kv_i64(g, "max_connections", max_conn);	/* matched to the FastCGI workers */
	json_gen_kv_bool(g, "drop_pending_updates", drop);
	json_gen_str(g, "allowed_updates");
	json_gen_arr_open(g);
	for (i = 0; allowed_updates[i] != NULL; i++)
		json_gen_str(g, allowed_updates[i]);
	json_gen_arr_close(g);
	json_gen_obj_close(g);
	rc = call_and_print(tg, "setWebhook", g);
	json_gen_free(g);
	return rc;
usage:
	json_gen_free(g);
	fprintf(stderr, "usage: mystudentbot webhook set URL [--drop-pending] [--max-connections 1-100] "
	    "[--certificate FILE]\n");
	return 2;
}

static int
webhook_simple(struct tg *tg, const char *method, int drop)
{
	struct json_gen *g = json_gen_new();
	int rc;

	json_gen_obj_open(g);
	if (drop)
		json_gen_kv_bool(g, "drop_pending_updates", 1);
	json_gen_obj_close(g);
	rc = call_and_print(tg, method, g);
	json_gen_free(g);
	return rc;
}

int
cmd_webhook(int argc, char **argv)
{
	struct config cfg;
	struct tg *tg;
	int rc = 2;

	config_load_or_exit(&cfg, CONFIG_NEED_TOKEN);
	tg_global_init();
	tg = tg_new(cfg.telegram_api, cfg.bot_token, 30000);
	if (argc >= 2 && strcmp(argv[1], "set") == 0)
		rc = webhook_set(tg, &cfg, argc - 1, argv + 1);
	else if (argc == 2 && strcmp(argv[1], "info") == 0)
		rc = webhook_simple(tg, "getWebhookInfo", 0);
	else if (argc >= 2 && strcmp(argv[1], "delete") == 0)
		rc = webhook_simple(tg, "deleteWebhook", argc == 3 && strcmp(argv[2], "--drop-pending") == 0);
	else
		fprintf(stderr, "usage: mystudentbot webhook set URL | info | delete [--drop-pending]\n");
	tg_free(tg);
	return rc;
}

/* The menu of commands Telegram shows, per language; descriptions come from the catalogs. */
static const struct {
	const char	*lang;
	const char	*command;
} menu[] = {
	{ "es", "horario" }, { "es", "agenda" }, { "es", "clases" }, { "es", "tareas" }, { "es", "gastos" },
	{ "es", "grafico" }, { "es", "calendario" }, { "es", "ayuda" }, { "es", "idioma" }, { "es", "zona" },
	{ "en", "timetable" }, { "en", "agenda" }, { "en", "classes" }, { "en", "tasks" },
	{ "en", "expenses" }, { "en", "chart" }, { "en", "calendar" }, { "en", "help" }, { "en", "language" },
	{ "en", "timezone" },
	/* privacy (lib/privacy/catalog.c) */
	{ "es", "exportar" }, { "es", "borrar_mis_datos" }, { "en", "export" }, { "en", "delete_my_data" },
};

/* setMyCommands for "lang"; "scope_lang" NULL sets the default list shown to every other language. */
static int
commands_set_lang(struct tg *tg, const char *lang, const char *scope_lang)
{
	struct json_gen *g = json_gen_new();
	char key[64];
	size_t i;
	int rc;

	json_gen_obj_open(g);
	json_gen_str(g, "commands");
	json_gen_arr_open(g);
	for (i = 0; i < sizeof menu / sizeof menu[0]; i++) {
		if (strcmp(menu[i].lang, lang) != 0)
			continue;
		snprintf(key, sizeof key, "core.cmd.%s", menu[i].command);
		json_gen_obj_open(g);
		json_gen_kv_str(g, "command", menu[i].command);
		json_gen_kv_str(g, "description", i18n_get(lang, key));
		json_gen_obj_close(g);
	}
	json_gen_arr_close(g);
	if (scope_lang != NULL)
		json_gen_kv_str(g, "language_code", scope_lang);
	json_gen_obj_close(g);
	rc = call_and_print(tg, "setMyCommands", g);
	json_gen_free(g);
	return rc;
}

int
cmd_commands(int argc, char **argv)
{
	struct config cfg;
	struct tg *tg;
	int rc;

	if (argc != 2 || strcmp(argv[1], "set") != 0) {
		fprintf(stderr, "usage: mystudentbot commands set\n");
		return 2;
	}
	config_load_or_exit(&cfg, CONFIG_NEED_TOKEN);
	tg_global_init();
	tg = tg_new(cfg.telegram_api, cfg.bot_token, 30000);
	rc = commands_set_lang(tg, "es", "es") | commands_set_lang(tg, "en", "en") |
	    commands_set_lang(tg, cfg.lang, NULL);
	tg_free(tg);
	return rc ? 1 : 0;
}
