package dev.transfuse.service.mounts;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.service.config.TransfuseProperties;
import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Where mounts may go: an absolute path strictly under one of {@code transfuse.mount-roots}, not
 * a mount point already, an empty directory (created if missing). Symbolic links are resolved
 * first so a link cannot lead a mount out of the roots.
 */
@Component
class MountPointPolicy {
  private final TransfuseProperties props;

  MountPointPolicy(TransfuseProperties props) {
    this.props = props;
  }

  /** The checked, canonical mountpoint; {@code created} tells whether it was made here. */
  record Checked(Path path, boolean created) {}

  Checked check(String mountPoint) {
    if (mountPoint == null || mountPoint.isBlank()) {
      throw invalid("mountPoint is required");
    }
    Path p;
    try {
      p = Path.of(mountPoint);
    } catch (InvalidPathException e) {
      throw invalid("mountPoint is not a valid path: " + e.getMessage());
    }
    if (!p.isAbsolute()) {
      throw invalid("mountPoint must be an absolute path, was '" + mountPoint + "'");
    }
    p = p.normalize();
    Path real = realOrNormal(p);
    if (props.mountRoots().isEmpty()) {
      throw invalid("no mount roots are configured (transfuse.mount-roots / --mount-roots), so"
          + " no mountpoint is allowed");
    }
    boolean allowed = props.mountRoots().stream().map(MountPointPolicy::realOrNormal)
        .anyMatch(root -> real.startsWith(root) && !real.equals(root));
    if (!allowed) {
      throw invalid("mountPoint " + p + " is not under an allowed mount root "
          + props.mountRoots());
    }
    try {
      if (MountTable.at(real).isPresent()) {
        throw new ApiException(Problem.MOUNT_POINT_IN_USE, real + " is already a mount point",
            Map.of("field", "mountPoint"), null);
      }
      boolean created = false;
      if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(real);
        created = true;
      } else if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
        throw invalid("mountPoint " + real + " exists and is not a directory");
      } else {
        try (Stream<Path> s = Files.list(real)) {
          if (s.findAny().isPresent()) {
            throw invalid("mountPoint " + real + " is not empty");
          }
        }
      }
      return new Checked(real, created);
    } catch (IOException e) {
      throw invalid("mountPoint " + real + " cannot be used: " + e.getMessage());
    }
  }

  /** The path with symbolic links resolved as far as it exists. */
  static Path realOrNormal(Path p) {
    Path existing = p;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return p.normalize();
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return p.normalize();
    }
  }

  private static ApiException invalid(String detail) {
    return new ApiException(Problem.INVALID_MOUNT_POINT, detail, Map.of("field", "mountPoint"),
        null);
  }
}
