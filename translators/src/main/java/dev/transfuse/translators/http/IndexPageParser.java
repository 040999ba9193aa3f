package dev.transfuse.translators.http;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a directory index page into entries. JSON pages: nginx {@code autoindex_format json}
 * ({@code name, type, mtime, size}) and Caddy browse ({@code name, size, mod_time, is_dir}). HTML
 * pages of any server: every link that names a direct child of the directory is an entry, and
 * {@link IndexRowReader} reads its size and date from the link's row (table row, list item, or
 * the rest of the line in a {@code <pre>}), which covers nginx, Apache (table, pre, list),
 * lighttpd and python http.server without a parser per server.
 */
final class IndexPageParser {
  private IndexPageParser() {}

  static List<IndexEntry> parse(String body, String contentType, URI dir) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    String trimmed = body.stripLeading();
    if (type.contains("json") || trimmed.startsWith("[")) {
      return json(trimmed);
    }
    return html(body, dir);
  }

  private static List<IndexEntry> json(String body) {
    List<IndexEntry> entries = new ArrayList<>();
    for (Map<String, Object> row : FlatJson.parseArray(body)) {
      Object name = row.get("name");
      if (!(name instanceof String) || ((String) name).isEmpty()) {
        continue;
      }
      String n = (String) name;
      boolean dir = "directory".equals(row.get("type")) || Boolean.TRUE.equals(row.get("is_dir"))
          || n.endsWith("/");
      if (n.endsWith("/")) {
        n = n.substring(0, n.length() - 1);
      }
      if (n.isEmpty() || n.contains("/") || n.equals(".") || n.equals("..")) {
        continue;
      }
      Object size = row.get("size");
      long bytes = size instanceof Long ? (Long) size : -1;
      Instant modified = jsonTime(row.containsKey("mtime") ? row.get("mtime") : row.get("mod_time"));
      entries.add(new IndexEntry(n, dir, dir ? 0 : bytes, modified));
    }
    return entries;
  }

  private static Instant jsonTime(Object value) {
    if (!(value instanceof String)) {
      return null;
    }
    String s = (String) value;
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notRfc1123) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException notIso) {
        return null;
      }
    }
  }

  private static List<IndexEntry> html(String body, URI dir) {
    Document doc = Jsoup.parse(body, dir.toString());
    Map<String, IndexEntry> entries = new LinkedHashMap<>();
    for (Element a : doc.select("a[href]")) {
      String href = a.attr("href");
      if (href.isEmpty() || href.startsWith("?") || href.startsWith("#")) {
        continue; // sort-order links (Apache "?C=N;O=D") and anchors
      }
      ChildLink link = ChildLink.of(dir, href);
      if (link == null || entries.containsKey(link.name())) {
        continue; // not a direct child, or the icon link before the name link (Apache)
      }
      IndexRowReader row = IndexRowReader.of(a);
      entries.put(link.name(), new IndexEntry(link.name(), link.directory(),
          link.directory() ? 0 : row.size(), row.modified()));
    }
    return new ArrayList<>(entries.values());
  }
}
