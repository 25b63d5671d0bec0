#!/bin/sh
# tests/fuzz/run.sh: builds every tests/fuzz/fuzz_*.c with libFuzzer, ASan and UBSan, and runs each
# for FUZZ_SECONDS (default 60) from its seed corpus in tests/fuzz/corpus/<target>/. See LICENSE.
set -eu
cd "$(dirname "$0")/../.."
SECS=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
OUT=build/fuzz
PKGS="libpq libcurl yajl gdlib fcgi libutf8proc libical"
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
    -fno-sanitize-recover=all -Ilib -Ibuild/gen $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lm"

mkdir -p "$OUT/obj"
# The library once, instrumented for coverage; each target links what it needs from it.
objs=""
for src in lib/*/*.c; do
	obj="$OUT/obj/$(echo "$src" | tr / _ | sed 's/\.c$/.o/')"
	$CC $CFLAGS -fsanitize=fuzzer-no-link -c -o "$obj" "$src"
	objs="$objs $obj"
done
rm -f "$OUT/libmsb-fuzz.a"
ar rcs "$OUT/libmsb-fuzz.a" $objs

status=0
for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	$CC $CFLAGS -fsanitize=fuzzer -o "$OUT/$name" "$src" "$OUT/libmsb-fuzz.a" $LIBS
	mkdir -p "$OUT/corpus/$name" "tests/fuzz/corpus/$name"
	echo "fuzz: $name for ${SECS}s"
	if ! "$OUT/$name" -max_total_time="$SECS" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix="$OUT/$name-" \
	    "$OUT/corpus/$name" "tests/fuzz/corpus/$name"; then
		echo "fuzz: $name FAILED (artifacts in $OUT/)" >&2
		status=1
	fi
done
exit $status
