package dev.transfuse.translators.store;

/**
 * Checks and splits the store-relative paths of the {@link Store} API ("/" or "/a/b": absolute, no
 * trailing slash, no empty, "." or ".." segment). Every store validates its input here first, so a
 * malformed path fails the same way everywhere instead of reaching a remote as an odd key.
 */
public final class StorePath {
  public static final String ROOT = "/";

  private StorePath() {}

  /** Returns {@code path} if it is valid, or throws {@link IllegalArgumentException}. */
  public static String require(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("store path must start with '/': " + path);
    }
    if (path.length() == 1) {
      return path;
    }
    if (path.endsWith("/")) {
      throw new IllegalArgumentException("store path must not end with '/': " + path);
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("bad segment '" + segment + "' in store path " + path);
      }
      if (segment.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("NUL in store path");
      }
    }
    return path;
  }

  public static boolean isRoot(String path) {
    return ROOT.equals(path);
  }

  /** The parent of a valid non-root path ("/" for "/a"). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash == 0 ? ROOT : path.substring(0, slash);
  }

  /** The last segment of a valid non-root path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code dir} joined with one child {@code name}. */
  public static String child(String dir, String name) {
    return isRoot(dir) ? ROOT + name : dir + "/" + name;
  }

  /** The path without its leading slash ("" for the root): the form keys and URLs append. */
  public static String relative(String path) {
    return path.substring(1);
  }
}
