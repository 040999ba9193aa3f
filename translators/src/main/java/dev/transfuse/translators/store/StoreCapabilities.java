package dev.transfuse.translators.store;

/**
 * What a store supports.
 *
 * @param readOnly no upload, mkdir, delete or rename
 * @param atomicRename rename is one atomic step (SFTP, file); S3 copies then deletes
 * @param randomWrite the store can change bytes in place (SFTP, file); S3 and HTTP only replace
 *     whole objects
 * @param listing directories can be listed (an HTTP server without index pages cannot)
 */
public record StoreCapabilities(
    boolean readOnly, boolean atomicRename, boolean randomWrite, boolean listing) {}
