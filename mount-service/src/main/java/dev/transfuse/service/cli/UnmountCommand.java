package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "unmount", mixinStandardHelpOptions = true,
    description = "Unmount a mount (by name or mountpoint) and forget it.")
final class UnmountCommand extends ClientCommand {
  @Parameters(paramLabel = "NAME|MOUNTPOINT") String target;
  @Option(names = "--force", description = "unmount even while files are open (lazily)")
  boolean force;

  @Override
  int run(ApiClient api, PrintWriter out) {
    String name = target;
    if (target.startsWith("/") || target.startsWith(".")) {
      String mp = Path.of(target).toAbsolutePath().normalize().toString();
      name = null;
      for (JsonNode m : api.get("api/v1/mounts")) {
        if (m.path("mountPoint").asText().equals(mp)) {
          name = m.path("name").asText();
        }
      }
      if (name == null) {
        throw new CliException(CliException.NOT_FOUND, "no mount on " + mp);
      }
    }
    api.delete("api/v1/mounts/" + ApiClient.q(name) + (force ? "?force=true" : ""));
    if (!json()) {
      out.println("unmounted " + name);
      out.flush();
    }
    return 0;
  }
}
