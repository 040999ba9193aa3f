/**
 * Metadata caching over a {@link dev.transfuse.translators.store.Store}: attributes (with
 * negative entries), directory listings, and stable directory modification times. Owns the
 * Caffeine caches for metadata, their loaders and refresh, and the comparison of old and new
 * listings that turns into {@link dev.transfuse.cache.change.Change}s. Must not touch file content
 * (the {@code block} and {@code write} packages do) and must not speak FUSE.
 */
package dev.transfuse.cache.metadata;
