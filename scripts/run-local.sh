#!/bin/sh
# run-local.sh: `make run`, the local stack in the foreground (CONTRACT.md section 1). See LICENSE.
#
# PostgreSQL: a private cluster in var/pg (initdb on first run), socket in var/run, migrated on
# every start. mystudentbot-fcgi on var/run/fcgi.sock; nginx on 127.0.0.1:$MSB_HTTP_PORT (8080)
# from nginx/local.conf.in; the reminders once a minute. Then one line on stdout:
#   webhook: http://127.0.0.1:PORT/telegram/webhook
# With MSB_PUBLIC_URL: registers $MSB_PUBLIC_URL/telegram/webhook with Telegram. With a token and
# no public URL: long polling (mystudentbot poll). With no token and a terminal: a console chat.
# Otherwise it waits. SIGINT/SIGTERM (or the end of the chat) stops everything it started.
# Without MSB_WEBHOOK_SECRET a secret is generated once and kept in var/secret.
# Logs: var/log/. MSB_RUN_DIR replaces var/ (the tests use a temporary one).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
var=${MSB_RUN_DIR:-$root/var}   # tests point it elsewhere
port=${MSB_HTTP_PORT:-8080}
pg=$root/tests/lib/pg.sh
mkdir -p "$var/run" "$var/log" "$var/nginx"

say() { echo "run-local: $*" >&2; }

for p in mystudentbot mystudentbot-fcgi mystudentbot-remind; do
	[ -x "bin/$p" ] || { say "bin/$p missing: run make first"; exit 1; }
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

# PostgreSQL
sh "$pg" start "$var/pg" "$var/run" "$var/log/postgres.log"
pg_started=1
sh "$pg" createdb "$var/run" mystudentbot
if [ -z "${MSB_DATABASE_URL:-}" ]; then
	MSB_DATABASE_URL="host=$var/run dbname=mystudentbot"
fi
export MSB_DATABASE_URL
bin/mystudentbot migrate >>"$var/log/migrate.log" 2>&1 || { tail -n 5 "$var/log/migrate.log" >&2; say "migrate failed"; exit 1; }

# FastCGI. Without a token the webhook still answers (its one reply rides in the HTTP response);
# a placeholder lets the programs start, and what they would send through the Bot API fails visibly.
run_token=${MSB_BOT_TOKEN:-0:local-no-token}
rm -f "$var/run/fcgi.sock"
if [ -n "${MSB_FCGI_WORKERS:-}" ]; then
	bg "$var/log/fcgi.log" env MSB_BOT_TOKEN="$run_token" bin/mystudentbot-fcgi -s "$var/run/fcgi.sock" -w "$MSB_FCGI_WORKERS"
else
	bg "$var/log/fcgi.log" env MSB_BOT_TOKEN="$run_token" bin/mystudentbot-fcgi -s "$var/run/fcgi.sock"
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
bg "$var/log/remind.log" sh -c 'while :; do sleep $((60 - $(date +%S | sed "s/^0//"))); MSB_BOT_TOKEN="$0" bin/mystudentbot-remind || true; done' "$run_token"

echo "webhook: http://127.0.0.1:$port/telegram/webhook"

if [ -n "${MSB_PUBLIC_URL:-}" ]; then
	bin/mystudentbot webhook set "${MSB_PUBLIC_URL%/}/telegram/webhook" >&2 || say "webhook set failed (see above); still serving"
elif [ -n "${MSB_BOT_TOKEN:-}" ]; then
	bg "$var/log/poll.log" bin/mystudentbot poll
	say "no MSB_PUBLIC_URL: fetching updates by long polling (var/log/poll.log)"
elif [ -t 0 ]; then
	say "no MSB_BOT_TOKEN: a console chat with the bot (end with Ctrl-D)"
	bin/mystudentbot chat || true
	exit 0
fi

# Wait for a signal, or for the server to go away.
while kill -0 "$fcgi" 2>/dev/null && kill -0 "$nginx" 2>/dev/null; do
	sleep 1 &
	wait $! || true
done
say "mystudentbot-fcgi or nginx exited; stopping (logs in var/log, var/nginx)"
exit 1
