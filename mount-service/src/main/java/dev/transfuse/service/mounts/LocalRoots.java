package dev.transfuse.service.mounts;

import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For {@code file://} mounts, a symbolic link inside the root could lead an API call to any
 * file of the host: the real path of what is asked must stay under the real root.
 */
final class LocalRoots {
  private LocalRoots() {}

  static void requireInside(MountView mount, String path) {
    URI source = URI.create(mount.source());
    if (!"file".equalsIgnoreCase(source.getScheme())) {
      return; // remote stores resolve links inside themselves
    }
    try {
      Path root = Path.of(source).toRealPath();
      Path target = root.resolve(path.substring(1));
      if (!Files.exists(target)) {
        return; // nothing to escape through; the store answers not-found
      }
      if (!target.toRealPath().startsWith(root)) {
        throw new ApiException(Problem.INVALID_PATH, path + " leads outside the mount",
            Map.of("field", "path"), null);
      }
    } catch (IOException e) {
      throw new ApiException(Problem.STORE_ERROR, "cannot resolve " + path + ": "
          + e.getMessage(), e);
    }
  }
}
