/**
 * The entry point of the cache module: {@link dev.transfuse.cache.CachedStore}, one per mount,
 * built from {@link dev.transfuse.cache.CacheOptions} over a translator {@code Store}, with its
 * per-open {@link dev.transfuse.cache.ReadHandle} and {@link dev.transfuse.cache.WriteHandle}.
 * This package only wires the sub-packages together and keeps them coherent on local changes;
 * the caching itself lives in {@code metadata}, {@code block}, {@code write}, {@code revalidate}.
 * It must not speak FUSE: the bridge in mount-service maps its results and errors to the kernel.
 */
package dev.transfuse.cache;
