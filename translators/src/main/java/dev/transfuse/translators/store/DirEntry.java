package dev.transfuse.translators.store;

import java.util.Objects;

/** One child of a listed directory: its name (no slash) and its attributes. */
public record DirEntry(String name, FileAttributes attributes) {
  public DirEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attributes, "attributes");
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a file name: '" + name + "'");
    }
  }
}
