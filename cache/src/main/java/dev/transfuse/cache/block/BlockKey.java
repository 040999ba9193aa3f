package dev.transfuse.cache.block;

/** Block {@code index} (offset {@code index * blockSize}) of one object version. */
public record BlockKey(ObjectVersion version, long index) {}
