#!/usr/bin/env bash
# Benchmark of the fuse module (issue 2), side by side in one run:
#   - hot stat and hot listdir (250 entries) on the Java mount vs a native tmpfs path;
#   - uncached getattr round trip (timeouts 0) on the Java mount vs a C libfuse3 reference;
#   - sequential read of a 1 GiB in-memory file, Java mount vs the C reference.
# Each measurement runs ROUNDS times, interleaved across targets; medians are reported, and the
# results are appended to bench/RESULTS.md. Needs root (mount(2)), gcc and libfuse3-dev.
#
#   bench/fuse-bench.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-7}
BIG_MIB=1024

command -v pkg-config >/dev/null && pkg-config --exists fuse3 || {
  echo "fuse-bench: needs libfuse3-dev and pkg-config (apt-get install libfuse3-dev pkg-config)" >&2; exit 2; }

work=$(mktemp -d /tmp/transfuse-bench.XXXXXX)
native=$(mktemp -d /dev/shm/transfuse-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for m in "$work"/m-*; do
    grep -q " $m fuse" /proc/self/mounts && umount -l "$m" 2>/dev/null || true
  done
  rm -rf "$work" "$native"
}
trap cleanup EXIT

echo "building ..." >&2
./mvnw -q -B -ntp -pl fuse -am -DskipTests package
./mvnw -q -B -ntp -pl fuse dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp" >/dev/null
cp="fuse/target/classes:fuse/target/test-classes:$(cat "$work/cp")"
gcc -O2 -o "$work/memfs_ref" bench/ref/memfs_ref.c $(pkg-config --cflags --libs fuse3)
gcc -O2 -o "$work/fsbench" bench/ref/fsbench.c
fsbench="$work/fsbench"

# The native tree: the same names on tmpfs.
echo hot > "$native/hot.txt"
mkdir "$native/dir"
for i in $(seq -f %03g 0 249); do head -c $((10#$i)) /dev/zero > "$native/dir/entry-$i.dat"; done

# Java daemons run until their stdin closes; a fifo held open by this script is that stdin.
start_java() { # name timeout bigMiB
  local m="$work/m-$1"; mkdir -p "$m"; mkfifo "$work/in-$1"
  java -Xmx$(( 2 * $3 + 512 ))m -cp "$cp" dev.transfuse.fuse.bench.MemfsDaemon "$m" "$2" "$3" \
    < "$work/in-$1" > "$work/log-$1" 2>&1 &
  pids+=($!)
  exec {fd}> "$work/in-$1"
}
start_c() { # name timeout bigMiB [-s]
  local m="$work/m-$1"; mkdir -p "$m"
  "$work/memfs_ref" "$m" "$2" "$3" ${4:-} > "$work/log-$1" 2>&1 &
  pids+=($!)
}
start_java java-hot 60 $BIG_MIB
start_java java-cold 0 0
start_c c-hot 60 $BIG_MIB
start_c c-cold 0 0
start_c c1-hot 60 $BIG_MIB -s # single-threaded loop: the faster C variant for serial calls
start_c c1-cold 0 0 -s
for n in java-hot java-cold c-hot c-cold c1-hot c1-cold; do
  for _ in $(seq 1 300); do grep -q READY "$work/log-$n" 2>/dev/null && break; sleep 0.2; done
  grep -q READY "$work/log-$n" || { echo "fuse-bench: $n did not start:" >&2; cat "$work/log-$n" >&2; exit 1; }
done

declare -A samples
add() { samples[$1]="${samples[$1]:-} $2"; }
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r/$ROUNDS" >&2
  add stat-native "$($fsbench stat "$native/hot.txt" 200000)"
  add stat-java "$($fsbench stat "$work/m-java-hot/hot.txt" 200000)"
  add listdir-native "$($fsbench listdir "$native/dir" 5000)"
  add listdir-java "$($fsbench listdir "$work/m-java-hot/dir" 5000)"
  add getattr-java "$($fsbench fstat "$work/m-java-cold/hot.txt" 20000)"
  add getattr-c "$($fsbench fstat "$work/m-c-cold/hot.txt" 20000)"
  add getattr-c1 "$($fsbench fstat "$work/m-c1-cold/hot.txt" 20000)"
  add pathstat-java "$($fsbench stat "$work/m-java-cold/hot.txt" 20000)"
  add pathstat-c "$($fsbench stat "$work/m-c-cold/hot.txt" 20000)"
  add pathstat-c1 "$($fsbench stat "$work/m-c1-cold/hot.txt" 20000)"
  add read-java "$($fsbench read "$work/m-java-hot/big.bin" 1048576)"
  add read-c "$($fsbench read "$work/m-c-hot/big.bin" 1048576)"
  add read-c1 "$($fsbench read "$work/m-c1-hot/big.bin" 1048576)"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
declare -A med
for k in "${!samples[@]}"; do med[$k]=$(median "${samples[$k]}"); done
# The reference is the better of libfuse's two loops (multi-threaded, single-threaded).
best() { awk -v a="$1" -v b="$2" -v hi="$3" 'BEGIN {print (hi ? (a > b ? a : b) : (a < b ? a : b))}'; }
med[getattr-ref]=$(best "${med[getattr-c]}" "${med[getattr-c1]}" 0)
med[pathstat-ref]=$(best "${med[pathstat-c]}" "${med[pathstat-c1]}" 0)
med[read-ref]=$(best "${med[read-c]}" "${med[read-c1]}" 1)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## fuse module: Java FUSE protocol vs native tmpfs and C libfuse3 ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/fuse-bench.sh $ROUNDS\` (medians of $ROUNDS interleaved rounds)."
  echo "Machine: $(nproc) cores, $cpu, kernel $(uname -r), $(java -version 2>&1 | head -1), libfuse $(pkg-config --modversion fuse3)."
  echo "Load generator: bench/ref/fsbench.c (C, tight loop). Java: MemoryFilesystem, 8 workers."
  echo "C reference: bench/ref/memfs_ref.c (libfuse3 low-level API); each row compares with the"
  echo "faster of its multi-threaded (c) and single-threaded (c1) loops."
  echo
  echo "| workload | transfuse (Java) | reference | ratio | target | met |"
  echo "|---|---|---|---|---|---|"
  row() { # name java ref unit target-op target
    local q; q=$(ratio "$2" "$3")
    local ok; ok=$(awk -v q="$q" -v t="$6" -v op="$5" 'BEGIN {print ((op=="<=" && q<=t) || (op==">=" && q>=t)) ? "yes" : "NO"}')
    echo "| $1 | $2 $4 | $3 $4 | $q× | $5 $6× | $ok |"
  }
  row "hot stat (200k stat(2), 60 s timeouts) vs tmpfs" "${med[stat-java]}" "${med[stat-native]}" ns "<=" 1.1
  row "hot listdir, 250 entries (opendir+readdir+closedir) vs tmpfs" "${med[listdir-java]}" "${med[listdir-native]}" ns "<=" 1.5
  row "uncached getattr round trip (fstat, timeouts 0) vs C libfuse3" "${med[getattr-java]}" "${med[getattr-ref]}" ns "<=" 1.3
  row "uncached stat of a path (LOOKUP+GETATTR, timeouts 0) vs C libfuse3" "${med[pathstat-java]}" "${med[pathstat-ref]}" ns "<=" 1.3
  row "sequential read of a 1 GiB in-memory file (1 MiB reads) vs C libfuse3" "${med[read-java]}" "${med[read-ref]}" MB/s ">=" 0.8
  echo
  echo "Raw samples:"
  echo
  for k in $(echo "${!samples[@]}" | tr ' ' '\n' | sort); do echo "- $k:${samples[$k]}"; done
} | tee -a bench/RESULTS.md
