package dev.transfuse.service.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show one mount.")
final class StatusCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME") String name;

  @Override
  int run(ApiClient api, PrintWriter out) {
    JsonNode m = api.get("api/v1/mounts/" + ApiClient.q(name));
    if (json()) {
      Output.json(out, m);
      return 0;
    }
    for (String f : new String[] {"name", "state", "reason", "source", "mountPoint", "readOnly",
        "createdAt", "mountedAt", "restarts", "lastError"}) {
      out.printf("%-11s %s%n", f + ":", text(m, f));
    }
    out.printf("%-11s %s%n", "options:", m.path("options").toString());
    out.flush();
    return 0;
  }
}
