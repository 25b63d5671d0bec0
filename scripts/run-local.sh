#!/bin/sh
# run-local.sh: `make run`, the local stack in the foreground (CONTRACT.md section 1). See LICENSE.
#
# PostgreSQL: a private cluster in var/pg (initdb on first run), socket in var/run, migrated on
# every start. mystudentbot-fcgi on var/run/fcgi.sock; nginx on 127.0.0.1:$MSB_HTTP_PORT (8080)
# from nginx/local.conf.in; the reminders once a minute. Then one line on stdout:
#   webhook: http://127.0.0.1:PORT/telegram/webhook
# With MSB_PUBLIC_URL: registers $MSB_PUBLIC_URL/telegram/webhook with Telegram. With a token and
# no public URL: long polling (mystudentbot poll). With no token and a terminal: a console chat.
# Without a token the programs' Bot API calls go to the local stand-in (tests/botapi_standin.py).
# Otherwise it waits. SIGINT/SIGTERM (or the end of the chat) stops everything it started.
# Without MSB_WEBHOOK_SECRET a secret is generated once and kept in var/secret.
# Logs: var/log/. MSB_RUN_DIR replaces var/ (the tests use a temporary one); MSB_BIN replaces bin/.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
var=${MSB_RUN_DIR:-$root/var}	# the tests run it elsewhere; keep it short (unix socket paths)
bindir=${MSB_BIN:-bin}
port=${MSB_HTTP_PORT:-8080}
pg=$root/tests/lib/pg.sh
mkdir -p "$var/run" "$var/log" "$var/nginx"

say() { echo "run-local: $*" >&2; }

for p in mystudentbot mystudentbot-fcgi mystudentbot-remind; do
	[ -x "$bindir/$p" ] || { say "$bindir/$p missing: run make first"; exit 1; }
done
if [ -f "$var/nginx/nginx.pid" ] && kill -0 "$(cat "$var/nginx/nginx.pid")" 2>/dev/null; then
	say "already running (nginx pid $(cat "$var/nginx/nginx.pid")); stop that one first"
	exit 1
fi

pids=""      # process groups started here (each in its own session: pid = pgid)
pg_started=""
stopping=""
# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
	[ -n "$stopping" ] && return
	stopping=1
	trap '' INT TERM HUP
	for p in $pids; do
		kill -TERM "-$p" 2>/dev/null || true
	done
	n=0
	for p in $pids; do
		while kill -0 "-$p" 2>/dev/null && [ "$n" -lt 100 ]; do
			sleep 0.1
			n=$((n + 1))
		done
		kill -KILL "-$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	if [ -n "$pg_started" ]; then
		sh "$pg" stop "$var/pg" || true
	fi
	rm -f "$var/run/fcgi.sock"
	say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# bg LOG CMD...: CMD in its own session (so its whole group can be stopped), output to LOG.
bg() {
	log=$1
	shift
	setsid "$@" </dev/null >>"$log" 2>&1 &
	pids="$! $pids"
	last=$!
}

# The secret Telegram must send back.
if [ -z "${MSB_WEBHOOK_SECRET:-}" ]; then
	if [ ! -s "$var/secret" ]; then
		(umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$var/secret")
		say "generated a webhook secret in var/secret"
	fi
	MSB_WEBHOOK_SECRET=$(cat "$var/secret")
	say "secret: $MSB_WEBHOOK_SECRET  (curl -H 'X-Telegram-Bot-Api-Secret-Token: $MSB_WEBHOOK_SECRET' ...)"
fi
export MSB_WEBHOOK_SECRET

# Without a token nothing can reach Telegram: the programs talk to the local Bot API stand-in
# instead (tests/botapi_standin.py), which records what the bot would have sent.
real_token=${MSB_BOT_TOKEN:-}
if [ -z "$real_token" ]; then
	: >"$var/log/botapi.log"
	bg "$var/log/botapi.log" /usr/bin/python3 tests/botapi_standin.py --port 0
	n=0
	until api=$(sed -n '1s|^\(http://127.0.0.1:[0-9]*\)$|\1|p' "$var/log/botapi.log") && [ -n "$api" ]; do
		[ $n -lt 100 ] || { say "the Bot API stand-in did not start"; exit 1; }
		sleep 0.1
		n=$((n + 1))
	done
	MSB_BOT_TOKEN=$(/usr/bin/python3 -c 'import sys; sys.path.insert(0, "tests"); import botapi_standin; print(botapi_standin.DEFAULT_TOKEN)')
	MSB_TELEGRAM_API=$api
	export MSB_BOT_TOKEN MSB_TELEGRAM_API
	say "no MSB_BOT_TOKEN: Bot API calls go to a local stand-in, $api (see $api/_control/calls)"
fi

# PostgreSQL
sh "$pg" start "$var/pg" "$var/run" "$var/log/postgres.log"
pg_started=1
sh "$pg" createdb "$var/run" mystudentbot
if [ -z "${MSB_DATABASE_URL:-}" ]; then
	MSB_DATABASE_URL="host=$var/run dbname=mystudentbot"
fi
export MSB_DATABASE_URL
"$bindir"/mystudentbot migrate >>"$var/log/migrate.log" 2>&1 || { tail -n 5 "$var/log/migrate.log" >&2; say "migrate failed"; exit 1; }

# FastCGI
rm -f "$var/run/fcgi.sock"
if [ -n "${MSB_FCGI_WORKERS:-}" ]; then
	bg "$var/log/fcgi.log" "$bindir"/mystudentbot-fcgi -s "$var/run/fcgi.sock" -w "$MSB_FCGI_WORKERS"
else
	bg "$var/log/fcgi.log" "$bindir"/mystudentbot-fcgi -s "$var/run/fcgi.sock"
fi
fcgi=$last
n=0
while [ ! -S "$var/run/fcgi.sock" ]; do
	kill -0 "$fcgi" 2>/dev/null || { tail -n 5 "$var/log/fcgi.log" >&2; say "mystudentbot-fcgi exited"; exit 1; }
	[ $n -lt 150 ] || { say "mystudentbot-fcgi made no socket"; exit 1; }
	sleep 0.1
	n=$((n + 1))
done

# nginx
sh nginx/genconf.sh "$var/nginx" "$port" "$var/run/fcgi.sock"
bg "$var/log/nginx.log" nginx -p "$var/nginx" -c "$var/nginx/nginx.conf" -e "$var/nginx/error.log"
nginx=$last
n=0
until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
	kill -0 "$nginx" 2>/dev/null || { tail -n 5 "$var/nginx/error.log" "$var/log/nginx.log" >&2; say "nginx did not start (port $port busy? set MSB_HTTP_PORT)"; exit 1; }
	[ $n -lt 100 ] || { say "nginx does not answer on port $port"; exit 1; }
	sleep 0.1
	n=$((n + 1))
done

# The reminders, at the start of every minute, as cron would run them.
# shellcheck disable=SC2016 # expanded by the inner shell
bg "$var/log/remind.log" sh -c 'while :; do sleep $((60 - $(date +%S | sed "s/^0//"))); "$1"/mystudentbot-remind || true; done' remind "$bindir"

echo "webhook: http://127.0.0.1:$port/telegram/webhook"

if [ -n "${MSB_PUBLIC_URL:-}" ] && [ -n "$real_token" ]; then
	"$bindir"/mystudentbot webhook set "${MSB_PUBLIC_URL%/}/telegram/webhook" >&2 || say "webhook set failed (see above); still serving"
elif [ -n "${MSB_PUBLIC_URL:-}" ]; then
	say "MSB_PUBLIC_URL is set but MSB_BOT_TOKEN is not: nothing registered with Telegram"
elif [ -n "$real_token" ]; then
	bg "$var/log/poll.log" "$bindir"/mystudentbot poll
	say "no MSB_PUBLIC_URL: fetching updates by long polling ($var/log/poll.log)"
fi
if [ -z "$real_token" ] && [ -t 0 ]; then
	say "no MSB_BOT_TOKEN: a console chat with the bot (end with Ctrl-D)"
	"$bindir"/mystudentbot chat || true
	exit 0
fi

# Wait for a signal, or for the server to go away.
while kill -0 "$fcgi" 2>/dev/null && kill -0 "$nginx" 2>/dev/null; do
	sleep 1 &
	wait $! || true
done
say "mystudentbot-fcgi or nginx exited; stopping (logs in var/log, var/nginx)"
exit 1
