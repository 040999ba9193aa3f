/**
 * The one path-based file API over every store ({@link dev.transfuse.translators.store.Store})
 * and its value types. Commons VFS types never leak past this package: the providers behind it
 * are implementation details.
 */
package dev.transfuse.translators.store;
