/**
 * The FUSE bridge: the {@code fuse} module's Filesystem over a cached store. Owns node ids and
 * paths, open files, the kernel cache policy (TTLs, negative entries, KEEP_CACHE by change token,
 * zero-message opendir, passthrough of disk-cached files) and pushing store changes to the kernel.
 * Spring-free; the service builds mounts from it.
 */
package dev.transfuse.mount.fs;
