package dev.transfuse.service.mounts;

import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import java.util.Map;

/**
 * Paths given to the files and content calls, made canonical ({@code /a/b}) and kept inside the
 * mount: no "..", no ".", no NUL; an encoded slash decodes to a separator, never to a name part.
 */
final class PathSafety {
  private PathSafety() {}

  static String canonical(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "/";
    }
    if (path.indexOf('\0') >= 0) {
      throw invalid(path, "path may not contain NUL");
    }
    StringBuilder sb = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.equals("..") || part.equals(".")) {
        throw invalid(path, "path may not contain '.' or '..' segments: '" + path + "'");
      }
      sb.append('/').append(part);
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  private static ApiException invalid(String path, String detail) {
    return new ApiException(Problem.INVALID_PATH, detail, Map.of("field", "path"), null);
  }
}
