/**
 * Entry point of the translators module: {@link dev.transfuse.translators.Stores} opens a {@link
 * dev.transfuse.translators.store.Store} from a source URI, options and credentials. The
 * per-scheme packages ({@code s3}, {@code sftp}, {@code http}, {@code file}) hold the providers;
 * callers outside this module use only this package and {@code store}.
 */
package dev.transfuse.translators;
