package dev.transfuse.translators.store;

/** Capacity of a store in bytes, as far as it tells. */
public record SpaceInfo(long totalBytes, long freeBytes) {}
