/* See LICENSE. fuzz_config.c: libFuzzer target for config_load reading an MSB_CONFIG file (KEY=value lines). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"

extern char	**environ;
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

static char	path[64];

/* Only the file may speak: every MSB_* variable of the environment goes away once. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	**e, name[256];
	size_t	  n;
	int	  fd;

again:
	for (e = environ; *e != NULL; e++) {
		if (strncmp(*e, "MSB_", 4) != 0)
			continue;
		n = strcspn(*e, "=");
		if (n >= sizeof name)
			continue;
		memcpy(name, *e, n);
		name[n] = '\0';
		unsetenv(name);
		goto again;
	}
	snprintf(path, sizeof path, "/tmp/msb-fuzz-config-XXXXXX");
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	setenv("MSB_CONFIG", path, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c;
	char		 err[512];
	FILE		*f;

	if ((f = fopen(path, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	if (config_load(&c, CONFIG_NEED_TOKEN, err, sizeof err) == 0) {
		/* What was accepted must be terminated and within the documented ranges. */
		if (memchr(c.bot_token, '\0', sizeof c.bot_token) == NULL ||
		    memchr(c.webhook_secret, '\0', sizeof c.webhook_secret) == NULL ||
		    memchr(c.database_url, '\0', sizeof c.database_url) == NULL ||
		    memchr(c.tz, '\0', sizeof c.tz) == NULL || c.bot_token[0] == '\0' ||
		    (strcmp(c.lang, "es") != 0 && strcmp(c.lang, "en") != 0))
			abort();
	} else if (memchr(err, '\0', sizeof err) == NULL || err[0] == '\0' || strchr(err, '\n') != NULL) {
		abort();	/* a refusal always says why, in one terminated line */
	}
	return 0;
}
