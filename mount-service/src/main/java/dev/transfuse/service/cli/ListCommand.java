package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the mounts.")
final class ListCommand extends ClientCommand {
  @Override
  int run(ApiClient api, PrintWriter out) {
    JsonNode mounts = api.get("api/v1/mounts");
    if (json()) {
      Output.json(out, mounts);
      return 0;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode m : mounts) {
      rows.add(List.of(text(m, "name"), text(m, "state"), text(m, "source"),
          text(m, "mountPoint"), m.path("reason").isNull() ? "" : text(m, "reason")));
    }
    Output.table(out, List.of("NAME", "STATE", "SOURCE", "MOUNTPOINT", "REASON"), rows);
    return 0;
  }
}
