#!/bin/sh
# pg.sh: a private PostgreSQL cluster on a unix socket, for tests, benches and `make run`. See LICENSE.
#
#   pg.sh start DATADIR SOCKDIR [LOGFILE]   initdb on first use, then start (TCP off, fsync off)
#   pg.sh stop DATADIR                      fast shutdown; no-op when not running
#   pg.sh createdb SOCKDIR NAME             creates database NAME unless it exists
#   pg.sh bindir                            prints the newest /usr/lib/postgresql/*/bin
#
# PostgreSQL refuses to run as root: as root the server runs as the "postgres" system user
# (the directories are handed to it), and the cluster's superuser is named after the caller,
# so that libpq's default role (the OS user name) connects over the socket with trust.
set -eu

pgbin() {
	d=$(for b in /usr/lib/postgresql/*/bin; do echo "$b"; done | sort -V | tail -n 1)
	if [ ! -x "$d/pg_ctl" ]; then
		echo "pg.sh: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)" >&2
		exit 1
	fi
	echo "$d"
}

# as_pg CMD...: runs CMD as the server's OS user.
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

give() {
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$@"
	fi
}

cmd=${1:-}
case $cmd in
bindir)
	pgbin
	;;
start)
	[ $# -ge 3 ] || { echo "usage: pg.sh start DATADIR SOCKDIR [LOGFILE]" >&2; exit 2; }
	data=$2 sock=$3 log=${4:-$2/../postgres.log}
	bin=$(pgbin)
	mkdir -p "$data" "$sock"
	data=$(cd "$data" && pwd) sock=$(cd "$sock" && pwd)
	touch "$log"
	give "$data" "$sock" "$log"
	chmod 700 "$data"
	if [ ! -f "$data/PG_VERSION" ]; then
		as_pg "$bin/initdb" -A trust -U "$(id -un)" -E UTF8 --locale=C.UTF-8 -N -D "$data" >"$log.initdb" 2>&1 ||
			{ cat "$log.initdb" >&2; echo "pg.sh: initdb failed" >&2; exit 1; }
	fi
	as_pg "$bin/pg_ctl" start -w -t 60 -D "$data" -l "$log" \
		-o "-c listen_addresses='' -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null ||
		{ tail -n 20 "$log" >&2; echo "pg.sh: PostgreSQL did not start" >&2; exit 1; }
	;;
stop)
	[ $# -ge 2 ] || { echo "usage: pg.sh stop DATADIR" >&2; exit 2; }
	bin=$(pgbin)
	if [ -f "$2/postmaster.pid" ]; then
		as_pg "$bin/pg_ctl" stop -w -t 60 -m fast -D "$2" >/dev/null 2>&1 ||
			as_pg "$bin/pg_ctl" stop -w -t 30 -m immediate -D "$2" >/dev/null 2>&1 || true
	fi
	;;
createdb)
	[ $# -ge 3 ] || { echo "usage: pg.sh createdb SOCKDIR NAME" >&2; exit 2; }
	bin=$(pgbin)
	if ! "$bin/psql" -h "$2" -d postgres -XAtqc "SELECT 1 FROM pg_database WHERE datname = '$3'" | grep -q 1; then
		"$bin/createdb" -h "$2" "$3"
	fi
	;;
*)
	echo "usage: pg.sh start DATADIR SOCKDIR [LOGFILE] | stop DATADIR | createdb SOCKDIR NAME | bindir" >&2
	exit 2
	;;
esac
