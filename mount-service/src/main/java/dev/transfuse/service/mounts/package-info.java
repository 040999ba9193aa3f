/**
 * Mounts as a feature: definitions (persisted desired state), their live state, validation of
 * names, sources, options and mountpoints, the reconciler, and the REST controller.
 */
package dev.transfuse.service.mounts;
