/* See LICENSE. cmds.h: the subcommands of mystudentbot, the operator's tool. */
#ifndef MSB_CLI_CMDS_H
#define MSB_CLI_CMDS_H

/* Each takes argv with argv[0] the subcommand's name and returns the exit status. */
int	cmd_migrate(int argc, char **argv);
int	cmd_webhook(int argc, char **argv);	/* set URL | info | delete */
int	cmd_commands(int argc, char **argv);	/* set */
int	cmd_parse(int argc, char **argv);	/* CONTRACT.md §5 */
int	cmd_poll(int argc, char **argv);	/* getUpdates into the dispatcher */
int	cmd_chat(int argc, char **argv);	/* a console conversation with the bot */

#endif
