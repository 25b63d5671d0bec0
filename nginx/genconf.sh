#!/bin/sh
# genconf.sh: writes DIR/nginx.conf from nginx/local.conf.in. See LICENSE.
#   sh nginx/genconf.sh DIR PORT SOCK
# DIR must be absolute; DIR/tmp is created for nginx's temp files.
set -eu
[ $# -eq 3 ] || { echo "usage: genconf.sh DIR PORT SOCK" >&2; exit 2; }
dir=$1 port=$2 sock=$3
here=$(cd "$(dirname "$0")" && pwd)
case $dir in /*) ;; *) echo "genconf.sh: DIR must be absolute" >&2; exit 2 ;; esac
mkdir -p "$dir/tmp"
user=$(id -un)
sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@SOCK@|$sock|g" -e "s|@USER@|$user|g" \
	"$here/local.conf.in" > "$dir/nginx.conf.tmp"
mv "$dir/nginx.conf.tmp" "$dir/nginx.conf"
