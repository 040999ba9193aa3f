package dev.transfuse.service.mounts;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes that hold something open under a mountpoint (an open file, or their working
 * directory), found through /proc: who keeps a mount busy, named in a 409 so the user knows
 * what to close.
 */
final class BusyHolders {
  private BusyHolders() {}

  /** "pid 1234 (bash)" for each process using {@code mountPoint}. */
  static List<String> of(Path mountPoint) {
    String prefix = mountPoint.toString();
    List<String> holders = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (uses(proc, prefix)) {
          holders.add("pid " + proc.getFileName() + " (" + comm(proc) + ")");
        }
      }
    } catch (IOException e) {
      // /proc unreadable: nobody can be named
    }
    return holders;
  }

  private static boolean uses(Path proc, String prefix) {
    if (under(link(proc.resolve("cwd")), prefix)) {
      return true;
    }
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        if (under(link(fd), prefix)) {
          return true;
        }
      }
    } catch (IOException | SecurityException e) {
      // the process ended, or is not ours to inspect
    }
    return false;
  }

  private static boolean under(String target, String prefix) {
    return target != null && (target.equals(prefix) || target.startsWith(prefix + "/"));
  }

  private static String link(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static String comm(Path proc) {
    // Not Files.readString: procfs reports size 0 and JDK 17 then reads one byte.
    try (java.io.BufferedReader r = Files.newBufferedReader(proc.resolve("comm"))) {
      String line = r.readLine();
      return line == null ? "?" : line.trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
