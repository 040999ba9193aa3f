/**
 * Glue shared by our Commons VFS providers: a per-mount VFS manager with the files cache off, and
 * the FileObject read side answered by a {@link dev.transfuse.translators.store.Store}. Nothing
 * here is visible through the Store API.
 */
package dev.transfuse.translators.vfs;
