package dev.transfuse.mount.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this machine can run the probe on real mounts: root, /dev/fuse and bpftrace. */
final class ProbeConditions {
  private ProbeConditions() {}

  static boolean canProbe() {
    try {
      return Files.exists(Path.of("/dev/fuse"))
          && Files.isExecutable(ProbeOptions.defaults().bpftrace())
          && Files.readString(Path.of("/proc/self/status")).lines()
              .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
    } catch (IOException e) {
      return false;
    }
  }
}
