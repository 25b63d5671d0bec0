#!/bin/sh
# bench/parse.sh: how many messages `nlu_parse` reads per second on one core, over the parse
# examples (../shared/examples and our own cases). Target: 100,000/s. See LICENSE.
set -eu
cd "$(dirname "$0")/.."
make -s build/plain/libmsb.a
mkdir -p build/bench
PKGS="libpq libcurl yajl gdlib fcgi libutf8proc libical"
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Ilib $(pkg-config --cflags $PKGS) -o build/bench/parse_bench \
    bench/parse_bench.c build/plain/libmsb.a $(pkg-config --libs $PKGS) -lm
python3 - >build/bench/messages.tsv <<'PY'
import glob, json
for path in ["tests/unit/test_nlu_data/cases.jsonl"] + glob.glob("../shared/examples/*.jsonl"):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            c = json.loads(line)
            print("%s\t%s" % (c["lang"], c["text"].replace("\t", " ").replace("\n", " ")))
PY
taskset -c 0 build/bench/parse_bench build/bench/messages.tsv "${BENCH_SECONDS:-3}" 2>/dev/null ||
    build/bench/parse_bench build/bench/messages.tsv "${BENCH_SECONDS:-3}"
