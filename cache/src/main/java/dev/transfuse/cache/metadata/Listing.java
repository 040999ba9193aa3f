package dev.transfuse.cache.metadata;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One directory listing as the store returned it, indexed by name, with a fingerprint that
 * changes exactly when a name, type, size, modification time or change token changes.
 */
public final class Listing {
  private final List<DirEntry> entries;
  private final Map<String, DirEntry> byName;
  private final String fingerprint;

  public Listing(List<DirEntry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, DirEntry> m = new LinkedHashMap<>();
    for (DirEntry e : this.entries) {
      m.put(e.name(), e);
    }
    this.byName = Collections.unmodifiableMap(m);
    this.fingerprint = fingerprintOf(m);
  }

  public List<DirEntry> entries() {
    return entries;
  }

  public Map<String, DirEntry> byName() {
    return byName;
  }

  public Optional<FileAttributes> find(String name) {
    DirEntry e = byName.get(name);
    return e == null ? Optional.empty() : Optional.of(e.attributes());
  }

  public String fingerprint() {
    return fingerprint;
  }

  /** Rough heap size, for the cache's weigher. */
  int weight() {
    int w = 64;
    for (DirEntry e : entries) {
      w += 96 + 2 * e.name().length() + 2 * e.attributes().changeToken().length();
    }
    return w;
  }

  private static String fingerprintOf(Map<String, DirEntry> m) {
    List<String> names = new ArrayList<>(m.keySet());
    Collections.sort(names);
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    for (String n : names) {
      FileAttributes a = m.get(n).attributes();
      String line =
          n + '\0' + a.type() + '\0' + a.size() + '\0' + a.modified() + '\0' + a.changeToken() + '\n';
      md.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }
}
