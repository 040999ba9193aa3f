/** Health per mount and Prometheus metrics from each mount's statistics. */
package dev.transfuse.service.metrics;
