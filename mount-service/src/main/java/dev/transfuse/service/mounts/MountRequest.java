package dev.transfuse.service.mounts;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/mounts}.
 *
 * @param name unique, 1..64 of [A-Za-z0-9._-]
 * @param source {@code s3://bucket[/prefix]}, {@code sftp://user@host[:port]/path},
 *     {@code http(s)://host/path/} or {@code file:///path}
 * @param mountPoint absolute path under one of the allowed mount roots
 * @param options store and cache options (see ARCHITECTURE.md, "Contract")
 * @param credentials accessKey, secretKey, profile, password, privateKey, passphrase: write-only
 */
public record MountRequest(
    String name,
    String source,
    String mountPoint,
    Boolean readOnly,
    Map<String, String> options,
    Map<String, String> credentials) {

  /** Credentials are never part of a string form (logs, errors). */
  @Override
  public String toString() {
    return "MountRequest[name=" + name + ", source=" + source + ", mountPoint=" + mountPoint
        + ", readOnly=" + readOnly + ", options=" + options + ", credentials="
        + (credentials == null ? "none" : credentials.keySet() + " (values hidden)") + "]";
  }
}
