/**
 * {@code bin/transfuse demo}: embedded S3, SFTP and HTTP stores with sample data, mounted under
 * ./mnt by a running service. Only the demo uses these servers.
 */
package dev.transfuse.service.demo;
