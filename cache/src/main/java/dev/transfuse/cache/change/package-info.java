/**
 * What the cache tells its owner when it learns that something changed: the {@link
 * dev.transfuse.cache.change.Change} kinds, the {@link dev.transfuse.cache.change.ChangeListener}
 * the FUSE bridge implements, and the dispatcher that calls it off the caller's thread. Knows
 * nothing about FUSE: mapping a change to a kernel notification is the bridge's job.
 */
package dev.transfuse.cache.change;
