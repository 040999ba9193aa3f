/**
 * Serving a mounted filesystem: INIT negotiation, the worker loops (one cloned /dev/fuse fd
 * each), opcode dispatch to the {@link dev.transfuse.fuse.api.Filesystem}, interrupts,
 * notifications, passthrough backing files, request counters, and the session lifecycle.
 */
package dev.transfuse.fuse.server;
