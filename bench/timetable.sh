#!/bin/sh
# timetable.sh: time to render a full week's timetable PNG (target: under 20 ms). See LICENSE.
#   sh bench/timetable.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
make -s build/plain/libmsb.a >/dev/null
cflags=$(pkg-config --cflags libpq libcurl yajl gdlib libical)
libs=$(pkg-config --libs libpq libcurl yajl gdlib freetype2 fcgi libutf8proc libical)
mkdir -p build/bench
cc -std=c11 -D_GNU_SOURCE -O2 -Ilib $cflags -o build/bench/timetable bench/timetable.c build/plain/libmsb.a $libs -lm
./build/bench/timetable "${1:-100}"
