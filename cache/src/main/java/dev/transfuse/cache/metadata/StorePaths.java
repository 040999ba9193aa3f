package dev.transfuse.cache.metadata;

/** Arithmetic on store paths ("/" is the root, no trailing slash), as {@code Store} defines them. */
public final class StorePaths {
  public static final String ROOT = "/";

  private StorePaths() {}

  /** The directory holding {@code path}; {@code null} for the root. */
  public static String parent(String path) {
    if (ROOT.equals(path)) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? ROOT : path.substring(0, slash);
  }

  /** The last segment of {@code path}; empty for the root. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public static String child(String dir, String name) {
    return ROOT.equals(dir) ? ROOT + name : dir + "/" + name;
  }

  /** Whether {@code path} is {@code ancestor} or lies below it. */
  public static boolean isWithin(String path, String ancestor) {
    return path.equals(ancestor)
        || ROOT.equals(ancestor)
        || (path.startsWith(ancestor) && path.charAt(ancestor.length()) == '/');
  }

  /** {@code path} moved from below {@code from} to below {@code to}. */
  public static String rebase(String path, String from, String to) {
    return path.equals(from) ? to : to + path.substring(from.length());
  }
}
