package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

/** Prints results: aligned tables for people, the API's JSON for scripts ({@code --json}). */
final class Output {
  private Output() {}

  static void json(PrintWriter out, JsonNode node) {
    out.println(ApiClient.JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(node));
    out.flush();
  }

  static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
    int[] width = new int[headers.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(headers);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : all) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        sb.append(i == r.size() - 1 ? r.get(i) : String.format("%-" + width[i] + "s  ", r.get(i)));
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format("%.1f %s", v, units[u]);
  }
}
