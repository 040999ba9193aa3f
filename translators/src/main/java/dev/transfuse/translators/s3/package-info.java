/**
 * {@code s3://bucket[/prefix]}: our Commons VFS provider on AWS SDK for Java v2 (Provider,
 * FileSystem, FileObject, ConfigBuilder) and {@link dev.transfuse.translators.s3.S3Store}, the
 * lock-free Store the mount calls. Owns SDK client settings and the mapping of SDK errors; no SDK
 * or VFS type appears in a public signature outside this package except the VFS provider classes.
 */
package dev.transfuse.translators.s3;
