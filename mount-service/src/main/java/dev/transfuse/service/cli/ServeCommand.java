package dev.transfuse.service.cli;

import dev.transfuse.service.TransfuseApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the service: REST API, web UI and mounts (restored from the state dir).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand TransfuseCommand top;
  @Option(names = "--port", description = "TCP port on 127.0.0.1 (default 8080; 0: any free)")
  Integer port;
  @Option(names = "--mount-roots", split = ",", paramLabel = "DIR",
      description = "directories under which mounts may be made (default: ~/mnt and /mnt)")
  List<Path> mountRoots;
  /** Any other --name=value is a Spring property (e.g. --transfuse.kernel-probe.enabled=false). */
  @CommandLine.Unmatched List<String> properties = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = springArgs(top, port, mountRoots);
    for (String p : properties) {
      if (!p.startsWith("--") || !p.contains("=")) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "unknown argument '" + p + "' (service properties are given as --name=value)");
      }
      args.add(p);
    }
    TransfuseApplication.start(args.toArray(String[]::new));
    return 0;
  }

  static List<String> springArgs(TransfuseCommand top, Integer port, List<Path> roots) {
    List<String> args = new ArrayList<>();
    args.add("--transfuse.state-dir=" + top.stateDir());
    if (port != null) {
      args.add("--server.port=" + port);
    }
    if (roots != null && !roots.isEmpty()) {
      args.add("--transfuse.mount-roots=" + String.join(",",
          roots.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()));
    }
    return args;
  }
}
