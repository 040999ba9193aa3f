package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show a mount's cache statistics and the requests that reached the daemon.")
final class StatsCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME") String name;
  @Option(names = "--kernel", description = "what the kernel served, measured with eBPF")
  boolean kernel;

  @Override
  int run(ApiClient api, PrintWriter out) {
    if (kernel) {
      return kernel(api, out);
    }
    JsonNode s = api.get("api/v1/mounts/" + ApiClient.q(name) + "/stats");
    if (json()) {
      Output.json(out, s);
      return 0;
    }
    JsonNode c = s.path("cache");
    for (String tier : new String[] {"attributes", "listings", "memoryBlocks", "diskBlocks"}) {
      JsonNode t = c.path(tier);
      long hits = t.path("hits").asLong();
      long misses = t.path("misses").asLong();
      out.printf("%-13s hits %d, misses %d (hit ratio %s), evictions %d, entries %d%n",
          tier + ":", hits, misses, hits + misses == 0 ? "-"
              : String.format("%.1f%%", 100.0 * hits / (hits + misses)),
          t.path("evictions").asLong(), t.path("entries").asLong());
    }
    out.printf("from store:   %d reads, %s%n", c.path("fetches").asLong(),
        Output.size(c.path("bytesFetched").asLong()));
    out.printf("to store:     %d uploads, %s, %d failed, %d pending%n",
        c.path("uploads").asLong(), Output.size(c.path("bytesUploaded").asLong()),
        c.path("uploadFailures").asLong(), c.path("pendingUploads").asLong());
    out.println("daemon requests (what the kernel did not serve):");
    for (Map.Entry<String, JsonNode> e : s.path("daemonRequests").properties()) {
      out.printf("  %-12s %d%n", e.getKey(), e.getValue().asLong());
    }
    out.flush();
    return 0;
  }

  private int kernel(ApiClient api, PrintWriter out) {
    JsonNode k = api.get("api/v1/mounts/" + ApiClient.q(name) + "/kernel-stats");
    if (json()) {
      Output.json(out, k);
      return 0;
    }
    if (!k.path("available").asBoolean()) {
      out.println(k.path("reason").asText("unavailable"));
      out.flush();
      return 0;
    }
    for (String window : new String[] {"last10s", "sinceMount"}) {
      JsonNode w = k.path(window);
      out.printf("%s (%.0f s):%n", window.equals("last10s") ? "last 10 s" : "since mount",
          w.path("seconds").asDouble());
      for (String cat : new String[] {"stat", "readdir", "read"}) {
        JsonNode c = w.path(cat);
        JsonNode share = c.path("kernelServedShare");
        out.printf("  %-8s %9d calls, %7d reached the daemon, kernel served %s%n", cat,
            c.path("calls").asLong(), c.path("daemonRequests").asLong(),
            share.isNumber() ? String.format("%.2f%%", 100 * share.asDouble()) : "-");
      }
      for (Map.Entry<String, JsonNode> op : w.path("opcodes").properties()) {
        out.printf("  %-12s %7d  p50 %.0f µs  p99 %.0f µs%n", op.getKey(),
            op.getValue().path("count").asLong(), op.getValue().path("p50Micros").asDouble(),
            op.getValue().path("p99Micros").asDouble());
      }
    }
    out.flush();
    return 0;
  }
}
