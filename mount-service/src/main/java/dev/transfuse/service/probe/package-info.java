/** The eBPF kernel-cache probe as a service component, and its registration per mount. */
package dev.transfuse.service.probe;
