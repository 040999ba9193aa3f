package dev.transfuse.translators.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Directory index pages in the shape real servers emit them, for {@link IndexPageServer}: the
 * markup, link encoding, date format and size rounding of each server's listing, reproduced from
 * their documented output.
 */
public enum IndexStyle {
  /** Apache httpd mod_autoindex with FancyIndexing and HTMLTable (2.4 default). */
  APACHE_TABLE,
  /** Apache httpd mod_autoindex with FancyIndexing, no HTMLTable: a {@code <pre>} block. */
  APACHE_PRE,
  /** Apache httpd mod_autoindex without FancyIndexing: a plain {@code <ul>}. */
  APACHE_LIST,
  /** python3 -m http.server: a {@code <ul>} of links, no sizes, no dates. */
  PYTHON,
  /** lighttpd mod_dirlisting: a table with "2026-Nov-24 06:00:00" dates and "1.2K" sizes. */
  LIGHTTPD,
  /** Caddy file_server browse, asked with Accept: application/json. */
  CADDY_JSON;

  /** One child of the listed directory. */
  public record Row(String name, boolean directory, long size, Instant modified) {}

  private static final DateTimeFormatter APACHE_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LIGHTTPD_DATE =
      DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  public String contentType() {
    return this == CADDY_JSON ? "application/json" : "text/html; charset=utf-8";
  }

  public byte[] render(String dirPath, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    switch (this) {
      case APACHE_TABLE:
        sb.append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html><head>"
            + "<title>Index of ").append(html(dirPath)).append("</title></head><body><h1>Index of ")
            .append(html(dirPath)).append("</h1><table>\n<tr><th valign=\"top\"><img src=\""
            + "/icons/blank.gif\" alt=\"[ICO]\"></th><th><a href=\"?C=N;O=D\">Name</a></th>"
            + "<th><a href=\"?C=M;O=A\">Last modified</a></th><th><a href=\"?C=S;O=A\">Size</a>"
            + "</th><th><a href=\"?C=D;O=A\">Description</a></th></tr>\n<tr><td valign=\"top\">"
            + "<img src=\"/icons/back.gif\" alt=\"[PARENTDIR]\"></td><td><a href=\"..\">Parent "
            + "Directory</a></td><td>&nbsp;</td><td align=\"right\">  - </td><td>&nbsp;</td></tr>\n");
        for (Row r : rows) {
          sb.append("<tr><td valign=\"top\"><img src=\"/icons/").append(r.directory ? "folder"
              : "unknown").append(".gif\" alt=\"[   ]\"></td><td><a href=\"").append(href(r))
              .append("\">").append(html(r.name + (r.directory ? "/" : ""))).append("</a></td>"
              + "<td align=\"right\">").append(APACHE_DATE.format(r.modified))
              .append("  </td><td align=\"right\">").append(apacheSize(r)).append(" </td><td>"
              + "&nbsp;</td></tr>\n");
        }
        sb.append("</table></body></html>\n");
        break;
      case APACHE_PRE:
        sb.append("<html><head><title>Index of ").append(html(dirPath)).append("</title></head>"
            + "<body><h1>Index of ").append(html(dirPath)).append("</h1><pre><img src=\"/icons/"
            + "blank.gif\" alt=\"Icon \"> <a href=\"?C=N;O=D\">Name</a>                    "
            + "<a href=\"?C=M;O=A\">Last modified</a>      <a href=\"?C=S;O=A\">Size</a>  "
            + "<hr><img src=\"/icons/back.gif\" alt=\"[PARENTDIR]\"> <a href=\"../\">Parent "
            + "Directory</a>                             -   \n");
        for (Row r : rows) {
          sb.append("<img src=\"/icons/unknown.gif\" alt=\"[   ]\"> <a href=\"").append(href(r))
              .append("\">").append(html(r.name + (r.directory ? "/" : ""))).append("</a>     ")
              .append(APACHE_DATE.format(r.modified)).append("  ").append(apacheSize(r))
              .append("  \n");
        }
        sb.append("<hr></pre>\n</body></html>\n");
        break;
      case APACHE_LIST:
        sb.append("<html><head><title>Index of ").append(html(dirPath)).append("</title></head>"
            + "<body><h1>Index of ").append(html(dirPath)).append("</h1><ul><li><a href=\"../\">"
            + " Parent Directory</a></li>\n");
        for (Row r : rows) {
          sb.append("<li><a href=\"").append(href(r)).append("\"> ")
              .append(html(r.name + (r.directory ? "/" : ""))).append("</a></li>\n");
        }
        sb.append("</ul></body></html>\n");
        break;
      case PYTHON:
        sb.append("<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>Directory listing for ").append(html(dirPath)).append("</title>\n</head>\n"
            + "<body>\n<h1>Directory listing for ").append(html(dirPath)).append("</h1>\n<hr>\n"
            + "<ul>\n");
        for (Row r : rows) {
          sb.append("<li><a href=\"").append(href(r)).append("\">")
              .append(html(r.name + (r.directory ? "/" : ""))).append("</a></li>\n");
        }
        sb.append("</ul>\n<hr>\n</body>\n</html>\n");
        break;
      case LIGHTTPD:
        sb.append("<!DOCTYPE html>\n<html><head><title>Index of ").append(html(dirPath))
            .append("</title></head><body><h2>Index of ").append(html(dirPath)).append("</h2>"
            + "<div class=\"list\"><table summary=\"Directory Listing\" cellpadding=\"0\" "
            + "cellspacing=\"0\"><thead><tr><th class=\"n\">Name</th><th class=\"m\">Last "
            + "Modified</th><th class=\"s\">Size</th><th class=\"t\">Type</th></tr></thead>"
            + "<tbody><tr class=\"d\"><td class=\"n\"><a href=\"../\">..</a>/</td><td "
            + "class=\"m\">&nbsp;</td><td class=\"s\">- &nbsp;</td><td class=\"t\">Directory"
            + "</td></tr>\n");
        for (Row r : rows) {
          sb.append("<tr").append(r.directory ? " class=\"d\"" : "").append("><td class=\"n\">"
              + "<a href=\"").append(href(r)).append("\">").append(html(r.name)).append("</a>")
              .append(r.directory ? "/" : "").append("</td><td class=\"m\">")
              .append(LIGHTTPD_DATE.format(r.modified)).append("</td><td class=\"s\">")
              .append(r.directory ? "- &nbsp;" : lighttpdSize(r.size)).append("</td><td "
              + "class=\"t\">").append(r.directory ? "Directory" : "application/octet-stream")
              .append("</td></tr>\n");
        }
        sb.append("</tbody></table></div></body></html>\n");
        break;
      case CADDY_JSON:
        sb.append('[');
        for (int i = 0; i < rows.size(); i++) {
          Row r = rows.get(i);
          if (i > 0) {
            sb.append(',');
          }
          sb.append("{\"name\":\"").append(json(r.name + (r.directory ? "/" : "")))
              .append("\",\"size\":").append(r.directory ? 4096 : r.size)
              .append(",\"url\":\"./").append(href(r)).append("\",\"mod_time\":\"")
              .append(r.modified).append("\",\"mode\":").append(r.directory ? 2147484141L : 420)
              .append(",\"is_dir\":").append(r.directory).append(",\"is_symlink\":false}");
        }
        sb.append(']');
        break;
      default:
        throw new IllegalStateException(name());
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Percent-encoded as the servers do: all but unreserved characters. */
  static String href(Row r) {
    StringBuilder sb = new StringBuilder();
    for (byte b : r.name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append(String.format("%%%02X", c));
      }
    }
    return sb.append(r.directory ? "/" : "").toString();
  }

  /** Apache's format_size: exact below 973 bytes, then rounded with K/M/G. */
  private static String apacheSize(Row r) {
    if (r.directory) {
      return "  - ";
    }
    long s = r.size;
    if (s < 973) {
      return String.valueOf(s);
    }
    String[] units = {"K", "M", "G", "T"};
    double v = s;
    int u = -1;
    do {
      v /= 1024;
      u++;
    } while (v >= 973 && u < units.length - 1);
    return v < 9.95 ? String.format(Locale.ROOT, "%.1f%s", v, units[u])
        : String.format(Locale.ROOT, "%d%s", Math.round(v), units[u]);
  }

  private static String lighttpdSize(long s) {
    String[] units = {"K", "M", "G"};
    double v = s / 1024.0;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f%s", Math.max(v, 0.1), units[u]);
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
