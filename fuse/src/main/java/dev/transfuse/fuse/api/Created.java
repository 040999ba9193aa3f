package dev.transfuse.fuse.api;

/** The answer to CREATE: the new entry (counts as a lookup) and its open file. */
public record Created(Entry entry, Opened opened) {}
