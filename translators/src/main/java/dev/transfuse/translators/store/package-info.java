/**
 * The one path-based file API over every store ({@link dev.transfuse.translators.store.Store})
 * and its value types: attributes, entries, capabilities, the {@link
 * dev.transfuse.translators.store.StoreException.Kind} every failure is classified into, the path
 * rules ({@link dev.transfuse.translators.store.StorePath}) and the option and credential names
 * shared with the mount service and the UI ({@link dev.transfuse.translators.store.StoreOptions}).
 * Commons VFS and client-library types never leak past this package: the providers behind it are
 * implementation details. Stores are opened with {@link dev.transfuse.translators.Stores}.
 */
package dev.transfuse.translators.store;
