package dev.transfuse.translators.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the size and date that an index page shows next to one link. The row is the link's table
 * row ({@code <tr>}: Apache fancy index, lighttpd), its list item ({@code <li>}: Apache plain
 * list, python http.server), or the text after it up to the end of the line ({@code <pre>}:
 * nginx, Apache pre). Only a plain integer is an exact size: Apache and lighttpd round ("1.2K"),
 * and a rounded size is reported as unknown so the store asks with HEAD instead of guessing.
 * Times without a zone are taken as UTC (nginx's default; Apache prints server-local time).
 */
final class IndexRowReader {
  private static final Pattern DATES = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?)"     // Apache 2.4: 2026-11-24 06:00
          + "|(\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}(?::\\d{2})?)" // nginx, old Apache
          + "|(\\d{4}-[A-Za-z]{3}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?)"); // lighttpd
  private static final Pattern EXACT = Pattern.compile("^\\d+$");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);
  private static final DateTimeFormatter DAY_FIRST = new java.time.format.DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("dd-MMM-yyyy HH:mm[:ss]").toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter YEAR_FIRST = new java.time.format.DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("yyyy-MMM-dd HH:mm[:ss]").toFormatter(Locale.ENGLISH);

  private final long size;
  private final Instant modified;

  private IndexRowReader(long size, Instant modified) {
    this.size = size;
    this.modified = modified;
  }

  static IndexRowReader of(Element link) {
    String row = rowText(link);
    Instant modified = null;
    Matcher m = DATES.matcher(row);
    if (m.find()) {
      modified = parseDate(m);
      row = row.substring(0, m.start()) + " " + row.substring(m.end());
    }
    long size = -1;
    for (String token : row.trim().split("\\s+")) {
      if (EXACT.matcher(token).matches()) {
        try {
          size = Long.parseLong(token);
        } catch (NumberFormatException tooLong) {
          size = -1;
        }
      }
    }
    return new IndexRowReader(size, modified);
  }

  /** The text of the link's row without the link's own text (a name can contain digits). */
  private static String rowText(Element link) {
    Element tr = link.closest("tr");
    if (tr != null) {
      StringBuilder sb = new StringBuilder();
      for (Element cell : tr.children()) {
        if (!cell.equals(link) && cell.select("a").isEmpty()) {
          sb.append(' ').append(cell.text());
        }
      }
      return sb.toString();
    }
    Element li = link.closest("li");
    if (li != null) {
      return li.ownText();
    }
    StringBuilder sb = new StringBuilder();
    for (Node n = link.nextSibling(); n != null; n = n.nextSibling()) {
      if (!(n instanceof TextNode)) {
        break;
      }
      String text = ((TextNode) n).getWholeText();
      int newline = text.indexOf('\n');
      if (newline >= 0) {
        sb.append(text, 0, newline);
        break;
      }
      sb.append(text);
    }
    return sb.toString();
  }

  private static Instant parseDate(Matcher m) {
    try {
      LocalDateTime t;
      if (m.group(1) != null) {
        t = LocalDateTime.parse(m.group(1), ISO);
      } else if (m.group(2) != null) {
        t = LocalDateTime.parse(m.group(2), DAY_FIRST);
      } else {
        t = LocalDateTime.parse(m.group(3), YEAR_FIRST);
      }
      return t.toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  long size() {
    return size;
  }

  Instant modified() {
    return modified;
  }
}
