/**
 * Revalidation: re-checking, against the store, the paths the kernel currently caches (the
 * bridge names them), at a bounded rate, so long kernel timeouts stay safe for data that others
 * change. Owns the rate limit and the round-robin order of checks; the comparisons and the
 * resulting {@link dev.transfuse.cache.change.Change}s belong to the metadata cache.
 */
package dev.transfuse.cache.revalidate;
