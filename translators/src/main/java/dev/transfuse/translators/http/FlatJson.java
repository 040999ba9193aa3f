package dev.transfuse.translators.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON array of flat objects (what nginx's {@code autoindex_format json} and Caddy's
 * browse JSON are) into maps of strings, numbers and booleans. Nested values are skipped. Small on
 * purpose: the module needs no JSON library for two listing formats.
 */
final class FlatJson {
  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  static List<Map<String, Object>> parseArray(String text) {
    FlatJson p = new FlatJson(text);
    p.skipSpace();
    p.expect('[');
    List<Map<String, Object>> rows = new ArrayList<>();
    p.skipSpace();
    if (p.peek() == ']') {
      return rows;
    }
    while (true) {
      p.skipSpace();
      Object v = p.value();
      if (v instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) v;
        rows.add(row);
      }
      p.skipSpace();
      char c = p.next();
      if (c == ']') {
        return rows;
      }
      if (c != ',') {
        throw p.error("expected , or ]");
      }
    }
  }

  private Object value() {
    skipSpace();
    char c = peek();
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      skipNested('[', ']');
      return null;
    }
    if (c == '"') {
      return string();
    }
    if (text.startsWith("true", at)) {
      at += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return null;
    }
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error("unexpected character");
    }
    String number = text.substring(start, at);
    return number.contains(".") || number.contains("e") || number.contains("E")
        ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
  }

  private Map<String, Object> object() {
    expect('{');
    Map<String, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      Object v = value();
      map.put(key, v);
      skipSpace();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        case 'r': sb.append('\r'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'u':
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
          break;
        default: sb.append(e);
      }
    }
  }

  private void skipNested(char open, char close) {
    int depth = 0;
    boolean inString = false;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (inString) {
        if (c == '\\') {
          at++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return;
      }
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad JSON listing at offset " + at + ": " + what);
  }
}
