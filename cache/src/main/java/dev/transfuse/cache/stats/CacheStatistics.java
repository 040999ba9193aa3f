package dev.transfuse.cache.stats;

/**
 * Everything one mount's cache counts, at one instant.
 *
 * @param attributes the attribute cache, negative entries included
 * @param listings the directory listing cache
 * @param memoryBlocks the in-memory block cache
 * @param diskBlocks the disk block cache (weight = bytes on disk)
 * @param fetches ranged reads sent to the store
 * @param bytesFetched bytes those reads returned
 * @param uploads uploads the store confirmed
 * @param bytesUploaded bytes of those uploads
 * @param uploadFailures uploads that failed (each is kept and retried)
 * @param pendingUploads staged files waiting for an upload now
 */
public record CacheStatistics(
    TierStats attributes,
    TierStats listings,
    TierStats memoryBlocks,
    TierStats diskBlocks,
    long fetches,
    long bytesFetched,
    long uploads,
    long bytesUploaded,
    long uploadFailures,
    int pendingUploads) {}
