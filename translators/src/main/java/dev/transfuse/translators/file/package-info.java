/**
 * {@code file:///path}: a local directory as a Store, for tests and the demo. Plain java.nio, no
 * Commons VFS (see {@link dev.transfuse.translators.file.LocalStore} for why).
 */
package dev.transfuse.translators.file;
