package dev.transfuse.service.mounts;

import java.time.Instant;
import java.util.Map;

/**
 * A mount as the user asked for it: the desired state, persisted. Credentials are kept encrypted
 * and are only decrypted to open the store.
 */
public record MountDefinition(
    String name,
    String source,
    String mountPoint,
    boolean readOnly,
    Map<String, String> options,
    byte[] encryptedCredentials,
    Instant createdAt) {

  public MountDefinition {
    options = Map.copyOf(options);
  }

  @Override
  public String toString() {
    return "MountDefinition[" + name + " " + source + " on " + mountPoint + "]";
  }
}
