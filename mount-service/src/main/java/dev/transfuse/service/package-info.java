/**
 * The transfuse service (Spring Boot): mounts as desired state in a database, reconciled into
 * FUSE mounts; the REST API, security, metrics, the CLI and the demo. Features live in their own
 * packages; the FUSE bridge it drives is {@code dev.transfuse.mount.fs}.
 */
package dev.transfuse.service;
