package dev.transfuse.service.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "invalidate", mixinStandardHelpOptions = true,
    description = "Forget what is cached at or below a path (NAME or NAME:PATH), here and in"
        + " the kernel.")
final class InvalidateCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME[:PATH]") String target;

  @Override
  int run(ApiClient api, PrintWriter out) {
    String[] np = nameAndPath(target);
    var r = api.post("api/v1/mounts/" + ApiClient.q(np[0]) + "/invalidate?path="
        + ApiClient.q(np[1]), null);
    if (json()) {
      Output.json(out, r);
    } else {
      out.println("invalidated " + np[0] + ":" + r.path("invalidated").asText());
      out.flush();
    }
    return 0;
  }
}
