/* See LICENSE. main.c: mystudentbot, the operator's tool: one word picks the subcommand. */
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "core/log.h"

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*help;
} subcommands[] = {
	{ "migrate",	cmd_migrate,	"migrate                     apply the SQL migrations" },
	{ "webhook",	cmd_webhook,	"webhook set URL [--drop-pending] [--max-connections N] [--certificate FILE]\n"
					"  webhook info | webhook delete [--drop-pending]" },
	{ "commands",	cmd_commands,	"commands set                register the bot's commands (es, en)" },
	{ "parse",	cmd_parse,	"parse [--now YYYY-MM-DDTHH:MM] [--tz AREA/CITY] [--lang es|en] -- TEXT" },
	{ "poll",	cmd_poll,	"poll                        fetch updates by long polling (no public URL)" },
	{ "chat",	cmd_chat,	"chat [--user ID] [--lang es|en]  talk to the bot on this terminal" },
};

static int
usage(void)
{
	size_t i;

	fprintf(stderr, "usage: mystudentbot COMMAND ...\n");
	for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
		fprintf(stderr, "  %s\n", subcommands[i].help);
	return 2;
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return usage();
	for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
		if (strcmp(argv[1], subcommands[i].name) == 0) {
			log_init("mystudentbot");
			return subcommands[i].fn(argc - 1, argv + 1);
		}
	}
	return usage();
}
