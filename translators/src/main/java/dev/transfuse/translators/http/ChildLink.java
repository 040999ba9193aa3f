package dev.transfuse.translators.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * A link on an index page that names a direct child of the listed directory. The href is resolved
 * against the directory URL, so "name", "./name", "/dir/name" and "http://host/dir/name" all count,
 * while "../", "/", other hosts, deeper paths and query links do not.
 */
record ChildLink(String name, boolean directory) {

  static ChildLink of(URI dir, String href) {
    URI target;
    try {
      target = dir.resolve(new URI(href.replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null; // hrefs that are not URIs are not entries
    }
    if (target.getRawQuery() != null
        || target.getHost() != null && !target.getHost().equalsIgnoreCase(dir.getHost())
        || target.getPort() != dir.getPort() && target.getHost() != null) {
      return null;
    }
    String dirPath = dir.getRawPath();
    String path = target.getRawPath();
    if (path == null || !path.startsWith(dirPath) || path.length() == dirPath.length()) {
      return null;
    }
    String rest = path.substring(dirPath.length());
    boolean directory = rest.endsWith("/");
    if (directory) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.isEmpty() || rest.contains("/")) {
      return null;
    }
    String name = decode(rest);
    if (name == null || name.equals(".") || name.equals("..") || name.contains("/")
        || name.indexOf('\0') >= 0) {
      return null;
    }
    return new ChildLink(name, directory);
  }

  /** Percent-decoding as UTF-8; "+" stays "+" (it is not a space in a path). */
  static String decode(String raw) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        byte[] utf8 = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        i += Character.charCount(c);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
