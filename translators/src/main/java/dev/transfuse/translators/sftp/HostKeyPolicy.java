package dev.transfuse.translators.sftp;

import java.util.Locale;

/** What to do with a server host key that the known_hosts file does not list. */
public enum HostKeyPolicy {
  /** Refuse the connection (the default, as OpenSSH's StrictHostKeyChecking=yes). */
  STRICT,
  /**
   * Accept and record a key for a host the file does not know yet; a changed key for a known host
   * is still refused (OpenSSH's StrictHostKeyChecking=accept-new).
   */
  ACCEPT_NEW;

  /** Parses the option value: {@code strict} or {@code accept-new}. */
  public static HostKeyPolicy parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "strict":
        return STRICT;
      case "accept-new":
        return ACCEPT_NEW;
      default:
        throw new IllegalArgumentException(
            "hostKeyPolicy must be strict or accept-new, was '" + text + "'");
    }
  }

  public String optionValue() {
    return this == STRICT ? "strict" : "accept-new";
  }
}
