#!/usr/bin/env bash
# Translator (S3 Store) vs plain AWS SDK on S3Proxy over loopback: sequential ranged reads of a
# large object and a 5,000-key listing, interleaved rounds, medians. Appends a section to
# bench/RESULTS.md. Usage: bench/translators-bench.sh [ROUNDS] [OBJECT_MIB] [RANGE_MIB]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"; size="${2:-512}"; range="${3:-8}"

./mvnw -q -pl translators -am -DskipTests test-compile
./mvnw -q -pl translators dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/translators/target/bench.classpath" >/dev/null
cp="translators/target/test-classes:translators/target/classes:$(cat translators/target/bench.classpath)"

out="$(mktemp)"
java -Xmx1g -cp "$cp" dev.transfuse.translators.bench.TranslatorBench "$rounds" "$size" "$range" >"$out"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
{
  echo
  echo "## translators: S3 Store vs plain AWS SDK on S3Proxy loopback ($(date -u +%F))"
  echo
  echo "Command: \`bench/translators-bench.sh $rounds $size $range\` (medians of $rounds interleaved rounds after one warm-up)."
  echo "Machine: $(nproc) cores, ${cpu}, kernel $(uname -r), $(java -version 2>&1 | head -1)."
  echo "Server: S3Proxy 2.6 in-process, jclouds filesystem blob store on local disk; both clients use"
  echo "the SDK's Apache HTTP client; the SDK side is a stock S3Client with checksum validation off."
  echo "Load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  cat "$out"
} | tee -a bench/RESULTS.md
rm -f "$out"
