package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "ls", mixinStandardHelpOptions = true,
    description = "List a directory of a mount through the API (NAME or NAME:PATH).")
final class LsCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME[:PATH]") String target;

  @Override
  int run(ApiClient api, PrintWriter out) {
    String[] np = nameAndPath(target);
    JsonNode files = api.get("api/v1/mounts/" + ApiClient.q(np[0]) + "/files?path="
        + ApiClient.q(np[1]));
    if (json()) {
      Output.json(out, files);
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode f : files) {
      boolean dir = "directory".equals(f.path("type").asText());
      rows.add(List.of(dir ? "d" : "-", dir ? "-" : Output.size(f.path("size").asLong()),
          text(f, "modified"), f.path("name").asText() + (dir ? "/" : "")));
    }
    Output.table(out, List.of("T", "SIZE", "MODIFIED", "NAME"), rows);
    return 0;
  }
}
