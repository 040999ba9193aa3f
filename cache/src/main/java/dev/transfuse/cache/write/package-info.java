/**
 * Writes: every written file is staged whole on local disk under {@code cacheDir/staging},
 * readable at once by the writer and by every other reader through the cache, and uploaded with
 * {@link dev.transfuse.translators.store.Store#upload} on flush, fsync and close. A staged file is
 * deleted only after the store confirmed an upload of its latest content; a failed upload is
 * reported to the caller, kept, and retried with back-off; staged files left by a killed process
 * are found and uploaded on the next start.
 *
 * <p>Owns the staging directory and upload retries. Must not touch the block or metadata caches
 * (the facade updates them from what this package reports) and must not hold a lock across an
 * upload.
 */
package dev.transfuse.cache.write;
