#!/bin/sh
# run.sh: what `make test` runs after the builds. See LICENSE.
#
#   sh tests/run.sh                 unit tests (plain and ASan builds), then the integration suite
#   sh tests/run.sh unit            only the unit-test binaries
#   sh tests/run.sh integration [unittest args...]   e.g. -k test_duplicate, or a module name
#
# Unit tests get a private PostgreSQL (MSB_TEST_DATABASE_URL, a fresh database for each binary;
# MSB_TEST_PGDATA its data directory). The integration suite starts its own stacks
# (tests/lib/stack.py) with the sanitizer build: MSB_BIN=build/asan/bin unless set.
# Logs: tests/out/. Exits non-zero if anything failed. A unit binary gets MSB_UNIT_TIMEOUT seconds
# (300), the whole integration suite MSB_INTEGRATION_TIMEOUT (1800): a hang fails, it never blocks CI.
set -u
cd "$(dirname "$0")/.." || exit 1
root=$(pwd)
what=${1:-all}
[ $# -gt 0 ] && shift
out=$root/tests/out
mkdir -p "$out/unit"
PY=/usr/bin/python3
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

failed=""
summary=""
note() { summary="$summary$1
"; }

pgtmp=""
cleanup() {
	if [ -n "$pgtmp" ]; then
		sh tests/lib/pg.sh stop "$pgtmp/data" || true
		[ -f "$pgtmp/postgres.log" ] && cp "$pgtmp/postgres.log" "$out/unit/postgres.log"
		rm -rf "$pgtmp"
		pgtmp=""
	fi
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

run_units() {
	nsrc=0
	for s in tests/unit/test_*.c; do
		[ -f "$s" ] && nsrc=$((nsrc + 1))
	done
	pgtmp=$(mktemp -d /tmp/msb-unit-XXXXXX)
	chmod 755 "$pgtmp"
	if ! sh tests/lib/pg.sh start "$pgtmp/data" "$pgtmp/sock" "$pgtmp/postgres.log"; then
		failed="$failed postgres-for-unit-tests"
		note "FAIL  could not start PostgreSQL for the unit tests"
		return
	fi
	export MSB_TEST_PGDATA="$pgtmp/data"
	export MSB_TEST_DATABASE_URL="host=$pgtmp/sock dbname=msb_test"
	pgbin=$(sh tests/lib/pg.sh bindir)
	for build in plain asan; do
		n=0
		for t in "build/$build/utest/"test_*; do
			[ -x "$t" ] || continue
			n=$((n + 1))
			name=$(basename "$t")
			log="$out/unit/$build-$name.log"
			"$pgbin/dropdb" --if-exists -h "$pgtmp/sock" msb_test >/dev/null 2>&1
			"$pgbin/createdb" -h "$pgtmp/sock" msb_test
			if timeout "${MSB_UNIT_TIMEOUT:-300}" "$t" >"$log" 2>&1 && ! grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'ERROR: LeakSanitizer' "$log"; then
				note "ok    unit $build/$name"
			else
				failed="$failed $build/$name"
				note "FAIL  unit $build/$name (log: tests/out/unit/$build-$name.log)"
				tail -n 30 "$log" >&2
			fi
		done
		if [ "$n" -lt "$nsrc" ]; then
			failed="$failed unit-$build-missing"
			note "FAIL  $nsrc unit-test sources but $n binaries in build/$build/utest (run make unit-bins / make asan)"
		fi
	done
	cleanup
	# Every fuzz seed and every input that once crashed (tests/fuzz/corpus/) runs once, so a fixed
	# crash stays fixed. Needs clang (scripts/deps.sh installs it); the objects are cached in build/fuzz.
	if command -v clang >/dev/null 2>&1 && [ -f tests/fuzz/run.sh ]; then
		if sh tests/fuzz/run.sh --replay >"$out/unit/fuzz-replay.log" 2>&1; then
			note "ok    fuzz corpus replay ($(grep -c '^ok' "$out/unit/fuzz-replay.log") targets)"
		else
			failed="$failed fuzz-replay"
			note "FAIL  fuzz corpus replay (log: tests/out/unit/fuzz-replay.log)"
			tail -n 30 "$out/unit/fuzz-replay.log" >&2
		fi
	fi
}

run_integration() {
	export MSB_BIN="${MSB_BIN:-build/asan/bin}"
	export PYTHONPATH="$root/tests/lib:$root/tests${PYTHONPATH:+:$PYTHONPATH}"
	rcfile="$out/integration.rc"
	echo 1 >"$rcfile"
	{
		timeout "${MSB_INTEGRATION_TIMEOUT:-1800}" \
			"$PY" -m unittest discover -s tests/integration -t tests/integration -p 'test_*.py' -v "$@" 2>&1
		echo $? >"$rcfile"
	} | tee "$out/integration.log"
	rc=$(cat "$rcfile")
	if grep -q '^Ran 0 tests' "$out/integration.log"; then
		rc=1
		note "FAIL  integration: no tests ran"
	fi
	if [ "$rc" -eq 0 ]; then
		note "ok    integration ($(grep '^Ran ' "$out/integration.log"), MSB_BIN=$MSB_BIN)"
	else
		failed="$failed integration"
		note "FAIL  integration: $(grep -E '^(Ran |FAILED)' "$out/integration.log" | tr '\n' ' ')(log: tests/out/integration.log)"
	fi
}

case $what in
all)
	run_units
	run_integration "$@"
	;;
unit) run_units ;;
integration) run_integration "$@" ;;
*)
	echo "usage: sh tests/run.sh [all|unit|integration [unittest args...]]" >&2
	exit 2
	;;
esac

echo
echo "== summary =="
printf '%s' "$summary"
if [ -n "$failed" ]; then
	echo "FAILED:$failed"
	exit 1
fi
echo "all tests passed"
