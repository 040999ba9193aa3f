package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show a mount's cache statistics and the requests that reached the daemon.")
final class StatsCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME") String name;

  @Override
  int run(ApiClient api, PrintWriter out) {
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
}
