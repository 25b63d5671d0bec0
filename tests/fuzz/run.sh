#!/bin/sh
# run.sh: builds and runs every libFuzzer target tests/fuzz/fuzz_*.c. See LICENSE.
#
#   sh tests/fuzz/run.sh                 each target for ${FUZZ_SECONDS:-60} s (what `make fuzz` runs)
#   sh tests/fuzz/run.sh update config   only those targets (fuzz_update.c, fuzz_config.c)
#   sh tests/fuzz/run.sh --replay        no fuzzing: every seed and regression input once (fast)
#
# A target is tests/fuzz/fuzz_NAME.c with one LLVMFuzzerTestOneInput; it is linked against the
# lib/ sources built with clang -fsanitize=fuzzer-no-link,address,undefined into build/fuzz/.
# A line "fuzz-requires: lib/x/y.c" in a target skips it (said so) while that file is absent.
# Seeds: tests/fuzz/corpus/fuzz_NAME/ (kept in git; a crash found becomes a file there, so
# --replay, run by the unit suite, keeps it fixed). The growing corpus lives in
# build/fuzz/corpus/fuzz_NAME/, crashes in build/fuzz/artifacts/fuzz_NAME/. Env: FUZZ_SECONDS, FUZZ_JOBS (parallel processes per
# target, 1), CC_FUZZ (clang). Exits non-zero on a build failure or a finding.
set -u
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
cc=${CC_FUZZ:-clang}
out=$root/build/fuzz
replay=0
if [ "${1:-}" = "--replay" ]; then
	replay=1
	shift
fi
command -v "$cc" >/dev/null 2>&1 || { echo "fuzz: $cc not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

PKGS="libpq libcurl yajl gdlib fcgi libutf8proc libical"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CFLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -Ilib -I$out/gen $(pkg-config --cflags $PKGS) -DMSB_LOCAL_VAR=\"$root/var\" $SAN"
LIBS="$(pkg-config --libs $PKGS) -lm"

# The library once, as an archive, so each target pulls only what it uses.
build_lib() {
	mkdir -p "$out/obj" "$out/gen"
	sh scripts/embed-sql.sh sql/[0-9]*.sql >"$out/gen/migrations.c" || return 1
	objs=""
	for src in lib/*/*.c "$out/gen/migrations.c"; do
		obj=$out/obj/$(echo "$src" | sed -e "s|^$out/||" -e 's|/|_|g' -e 's|\.c$|.o|')
		if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find lib -name '*.h' -newer "$obj" | head -n 1)" ]; then
			$cc $CFLAGS -fsanitize=fuzzer-no-link -c -o "$obj" "$src" || return 1
		fi
		objs="$objs $obj"
	done
	rm -f "$out/libmsb-fuzz.a"
	# shellcheck disable=SC2086
	ar rcs "$out/libmsb-fuzz.a" $objs
}

targets=""
if [ $# -gt 0 ]; then
	for t in "$@"; do targets="$targets tests/fuzz/fuzz_${t#fuzz_}.c"; done
else
	targets=$(ls tests/fuzz/fuzz_*.c 2>/dev/null)
fi
[ -n "$targets" ] || { echo "fuzz: no targets" >&2; exit 1; }

build_lib || { echo "fuzz: building lib/ failed" >&2; exit 1; }
failed=""
summary=""
for src in $targets; do
	name=$(basename "$src" .c)
	req=$(sed -n 's/.*fuzz-requires: *\([^ ]*\).*/\1/p' "$src" | head -n 1)
	if [ -n "$req" ] && [ ! -f "$req" ]; then
		summary="$summary
skip  $name ($req is not here yet)"
		continue
	fi
	bin=$out/bin/$name
	mkdir -p "$out/bin" "$out/corpus/$name" "$out/artifacts/$name" "tests/fuzz/corpus/$name"
	# shellcheck disable=SC2086
	if ! $cc $CFLAGS -fsanitize=fuzzer -o "$bin" "$src" "$out/libmsb-fuzz.a" $LIBS; then
		failed="$failed $name(build)"
		continue
	fi
	log=$out/$name.log
	export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
	export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
	if [ $replay -eq 1 ]; then
		n=$(ls "tests/fuzz/corpus/$name" | wc -l)
		if [ "$n" -eq 0 ] || "$bin" -runs=0 "tests/fuzz/corpus/$name" >"$log" 2>&1; then
			summary="$summary
ok    $name: $n inputs replayed"
		else
			failed="$failed $name"
			tail -n 40 "$log" >&2
		fi
		continue
	fi
	if [ "$jobs" -gt 1 ]; then
		par="-jobs=$jobs -workers=$jobs"
	else
		par=""
	fi
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$name/" $par "$out/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	[ "$jobs" -gt 1 ] && cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{s += $1} END {print s + 0}')
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
	if [ $rc -ne 0 ] || ls "$out/artifacts/$name" | grep -q .; then
		failed="$failed $name"
		summary="$summary
FAIL  $name: rc $rc, see $log and $out/artifacts/$name/"
	else
		summary="$summary
ok    $name: ${secs}s, $execs execs, cov $cov, ft $ft, corpus $corp"
	fi
done
echo "== fuzz ==$summary"
if [ -n "$failed" ]; then
	echo "FAILED:$failed"
	exit 1
fi
