/**
 * Real servers on loopback for tests and benchmarks, shipped in the test-jar so later modules
 * (cache, mount-service) start the same S3Proxy, SFTP and HTTP servers: S3Proxy in-process, Apache
 * MINA SSHD in-process, OpenSSH sshd and nginx as child processes with their own config, an
 * embedded server for other index-page formats, and the fixture tree every store is tested on.
 */
package dev.transfuse.translators.testing;
