package dev.transfuse.service.cli;

import dev.transfuse.service.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start embedded S3, SFTP and HTTP stores with sample data, mount them under"
        + " ./mnt, and serve the UI. Ctrl-C unmounts everything.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand TransfuseCommand top;
  @Option(names = "--port", description = "port of the service and UI (default 8080)")
  int port = 8080;
  @Option(names = "--dir", description = "where mnt/ and the demo state go (default: .)")
  java.nio.file.Path dir = java.nio.file.Path.of(".");

  @Override
  public Integer call() throws Exception {
    Demo.run(dir, port, top.out());
    return 0;
  }
}
