/**
 * Real servers on loopback for tests and benchmarks, shipped in the test-jar so later modules
 * (cache, mount-service) start the same S3Proxy, SFTP and HTTP servers: S3Proxy in-process, Apache
 * MINA SSHD in-process, OpenSSH sshd and nginx as child processes with their own config, an
 * embedded server for other index-page formats, a TCP relay that delays, freezes or cuts
 * connections, and the fixture tree every store is tested on.
 *
 * <p>A module that uses them through the {@code test-jar} also declares, in test scope, what they
 * run on (a test-jar brings no dependencies): {@code org.gaul:s3proxy} with Jetty excluded plus
 * {@code jakarta.servlet:jakarta.servlet-api:5.0.0} (see translators/pom.xml for why), and
 * {@code org.apache.sshd:sshd-sftp}. OpenSSH and nginx are Debian's {@code openssh-server} and
 * {@code nginx-light}, which {@code .ci/run} installs.
 */
package dev.transfuse.translators.testing;
