/** Benchmarks run by bench/translators-bench.sh; not tests. */
package dev.transfuse.translators.bench;
