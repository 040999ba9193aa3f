/**
 * {@code sftp://user@host[:port]/path}: our Commons VFS provider on Apache MINA SSHD's SFTP client
 * (Provider, FileSystem, FileObject, ConfigBuilder) and {@link
 * dev.transfuse.translators.sftp.SftpStore}, the lock-free Store the mount calls. Owns SSH
 * sessions, channel pooling, host-key checking and authentication; MINA types never leave it.
 *
 * <p>Why MINA and not Commons VFS's own sftp provider, by the criteria:
 *
 * <ul>
 *   <li>Current OpenSSH. The JSch that VFS 2.10 is built for (0.1.55, 2018) fails against
 *       Debian's OpenSSH 9.2 with its defaults, tried by hand: "Algorithm negotiation fail"
 *       against an ed25519 host key, and with an RSA user key sshd refuses the login
 *       ("signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms"). With the maintained fork
 *       ({@code com.github.mwiede:jsch} 2.28) swapped in, VFS's provider does log in and read
 *       correctly (JschComparisonTest).
 *   <li>8 parallel ranged reads. VFS's provider keeps one idle ChannelSftp per file system; an
 *       operation that finds it taken opens a channel of its own and closes it afterwards (an SSH
 *       channel open plus an SFTP init each time: VFS 2.10 {@code SftpFileSystem.getChannel} and
 *       {@code putChannel}); its stat runs in {@code doGetType()} inside VFS's {@code synchronized
 *       (fileSystem)}; and its ranged reads go through RandomAccessContent. On loopback, 8
 *       parallel stat + 1 MiB reads took 152 and 617 ms through it in two runs, 107 and 93 ms
 *       here (JschComparisonTest);
 *       with 300 ms per request, stat + read through the Commons VFS API (any provider) queue
 *       the stats on that lock: about 4 s against 0.4 s through this store (ParallelReadTest).
 * </ul>
 *
 * MINA gives what a mount needs: a pool of channels on one session ({@code SftpConnection}),
 * requests multiplexed by id so threads never wait on each other, pipelined reads ({@code
 * SftpRangeStream} keeps several READs in flight, within the range), ed25519/ecdsa/rsa-sha2 keys
 * (checked against OpenSSH in OpenSshFailureTest) and known_hosts checking built in.
 */
package dev.transfuse.translators.sftp;
