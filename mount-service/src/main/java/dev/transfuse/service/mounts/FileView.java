package dev.transfuse.service.mounts;

import java.time.Instant;

/** One entry of a {@code files} listing. */
public record FileView(String name, String path, String type, long size, Instant modified) {}
