#!/usr/bin/env bash
# Kernel-served shares measured by the eBPF probe (issue 6): hot and cold stat, listdir, walk and
# read workloads (bench/ref/fsbench.c, its own process) on one MemoryFilesystem mount with 60 s
# timeouts, and per workload the application calls, daemon requests and kernel-served share the
# probe reports, with the daemon's own request count beside the probe's. Also the probe's cost
# on a hot stat(2). Appends a dated section to bench/RESULTS.md. Needs root, gcc, bpftrace.
#
#   bench/probe-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

command -v gcc >/dev/null || { echo "probe-bench: needs gcc" >&2; exit 2; }
[ -x /usr/bin/bpftrace ] || { echo "probe-bench: needs bpftrace (apt-get install bpftrace)" >&2; exit 2; }

work=$(mktemp -d /tmp/transfuse-probe-bench.XXXXXX)
cleanup() {
  grep -q " $work/mnt fuse" /proc/self/mounts && umount -l "$work/mnt" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building ..." >&2
./mvnw -q -B -ntp -pl mount-service -am -DskipTests install
./mvnw -q -B -ntp -pl mount-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp" >/dev/null
cp="mount-service/target/classes:mount-service/target/test-classes:$(cat "$work/cp")"
gcc -O2 -o "$work/fsbench" bench/ref/fsbench.c
mkdir "$work/mnt"

echo "running ..." >&2
java -Xmx1g -cp "$cp" dev.transfuse.mount.probe.ProbeBench "$work/fsbench" "$work/mnt" "$work/out" \
  > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo
  echo "## eBPF probe: kernel-served shares per workload ($(date -u +%Y-%m-%d))"
  echo
  echo "Command: \`bench/probe-bench.sh\`. Machine: $(nproc) cores, $cpu, kernel $(uname -r),"
  echo "$(java -version 2>&1 | head -1), $(bpftrace --version)."
  echo "Mount: MemoryFilesystem (fuse test-jar), 60 s entry/attr timeouts, KEEP_CACHE, zero-message"
  echo "opendir. Load: bench/ref/fsbench.c in its own process. Each row is the difference between"
  echo "two probe ticks around the workload; share = 1 − requests ÷ calls, clamped to [0, 1]."
  echo "Requests per category: stat = LOOKUP+GETATTR+STATX, getdents64 = OPENDIR+READDIR(PLUS),"
  echo "read = READ. The last column checks the probe's count of all requests against the daemon's."
  echo "Reading the rows: a hot walk costs about one GETATTR per directory (after a READDIR the"
  echo "kernel marks the directory's atime stale, so the next stat of it asks the daemon); a cold"
  echo "read's stat request is the open's LOOKUP, with no stat call to set against it."
  echo
  cat "$work/out"
} | tee -a bench/RESULTS.md
