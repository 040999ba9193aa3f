/** Measurements that the stores overlap concurrent requests instead of queueing them. */
package dev.transfuse.translators.parallel;
