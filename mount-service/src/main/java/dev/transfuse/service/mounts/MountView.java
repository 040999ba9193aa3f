package dev.transfuse.service.mounts;

import java.time.Instant;
import java.util.Map;

/**
 * A mount as the API shows it: the definition without credentials (the source with any password
 * removed), and its live state.
 *
 * @param reason why the mount is FAILED (or the last error while it is being remounted)
 * @param restarts how often the reconciler found it dead or hung and mounted it again
 */
public record MountView(
    String name,
    String source,
    String mountPoint,
    boolean readOnly,
    Map<String, String> options,
    MountState state,
    String reason,
    Instant createdAt,
    Instant mountedAt,
    int restarts,
    String lastError) {}
