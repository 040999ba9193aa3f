package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The current mount namespace's mounts, read from /proc/self/mountinfo. */
public final class MountTable {

  /** One line of mountinfo: where, what type, from what, and its device numbers. */
  public record Entry(Path mountpoint, String fsType, String source, int major, int minor) {
    public boolean isFuse() {
      return fsType.equals("fuse") || fsType.startsWith("fuse.") || fsType.equals("fuseblk");
    }

    /** The device number as {@code stat -c %d} (st_dev) prints it. */
    public long statDevice() {
      return (minor & 0xffL) | ((major & 0xfffL) << 8) | ((minor & ~0xffL) << 12)
          | ((major & ~0xfffL) << 32);
    }

    /**
     * The kernel's own dev_t for the mount: the FUSE connection id in
     * /sys/fs/fuse/connections and in the {@code fuse:*} tracepoints.
     */
    public long connectionId() {
      return ((long) major << 20) | minor;
    }
  }

  private MountTable() {}

  public static List<Entry> read() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      // id parent major:minor root mountpoint options [optional...] - fstype source superopts
      String[] f = line.split(" ");
      int dash = indexOf(f, "-");
      if (f.length < 5 || dash < 0 || dash + 2 >= f.length) {
        continue;
      }
      String[] mm = f[2].split(":");
      entries.add(new Entry(Path.of(unescape(f[4])), f[dash + 1], unescape(f[dash + 2]),
          Integer.parseInt(mm[0]), Integer.parseInt(mm[1])));
    }
    return entries;
  }

  /** The topmost mount exactly at {@code path}, if any. */
  public static Optional<Entry> at(Path path) throws IOException {
    Path want = path.toAbsolutePath().normalize();
    Entry found = null;
    for (Entry e : read()) {
      if (e.mountpoint().equals(want)) {
        found = e; // later lines are mounted on top of earlier ones
      }
    }
    return Optional.ofNullable(found);
  }

  private static int indexOf(String[] fields, String value) {
    for (int i = 6; i < fields.length; i++) {
      if (fields[i].equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
