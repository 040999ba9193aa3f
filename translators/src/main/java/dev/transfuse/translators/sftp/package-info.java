/**
 * {@code sftp://user@host[:port]/path}: our Commons VFS provider on Apache MINA SSHD's SFTP client
 * (Provider, FileSystem, FileObject, ConfigBuilder) and {@link
 * dev.transfuse.translators.sftp.SftpStore}, the lock-free Store the mount calls. Owns SSH
 * sessions, channel pooling, host-key checking and authentication; MINA types never leave it.
 */
package dev.transfuse.translators.sftp;
