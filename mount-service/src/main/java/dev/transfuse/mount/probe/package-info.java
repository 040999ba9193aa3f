/**
 * The eBPF kernel-cache probe: per FUSE mount, how many application calls (stat family,
 * getdents64, read) the kernel answered from its caches and how many requests reached the
 * daemon, with per-opcode latency and the processes behind the requests. One bpftrace process,
 * driven from here, serves every mount.
 *
 * <p>Owns: the bpftrace program, its process (started with the first registered mount, ended
 * with the last, on {@code close()} and at JVM exit), parsing its JSON, the windows (since
 * registration, last 10 s) and the {@link dev.transfuse.mount.probe.KernelStats} record tree the
 * REST layer serializes. Spring-free: the service constructs a
 * {@link dev.transfuse.mount.probe.KernelCacheProbe} and registers each mount's
 * {@link dev.transfuse.mount.probe.ProbeTarget}.
 *
 * <p>Must not: touch the mounts or the FUSE sessions (it only reads their device numbers), fail
 * anything else when eBPF is unavailable (it reports "unavailable: reason" instead), or leave a
 * process behind.
 */
package dev.transfuse.mount.probe;
