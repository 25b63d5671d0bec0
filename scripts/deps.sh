#!/bin/sh
# deps.sh: installs the Debian packages MyStudentBot builds, tests and runs with. See LICENSE.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -eu
PKGS="build-essential pkg-config libfcgi-dev libcurl4-openssl-dev libyajl-dev libpq-dev libgd-dev
libutf8proc-dev libical-dev libcmocka-dev fonts-dejavu-core postgresql nginx-light python3 python3-psycopg2 curl
wrk hyperfine time spawn-fcgi fcgiwrap clang libclang-rt-14-dev valgrind procps util-linux"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "missing Debian packages; run: sudo apt-get install -y$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends $missing || { apt-get update && apt-get install -y --no-install-recommends $missing; }
