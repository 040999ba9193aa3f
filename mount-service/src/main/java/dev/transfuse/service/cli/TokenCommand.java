package dev.transfuse.service.cli;

import dev.transfuse.service.security.ApiToken;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print the API token, or replace it with --rotate (the old one stops working).")
final class TokenCommand implements Callable<Integer> {
  @ParentCommand TransfuseCommand top;
  @Option(names = "--rotate") boolean rotate;

  @Override
  public Integer call() throws IOException {
    var file = top.stateDir().resolve(ApiToken.FILE_NAME);
    String token = rotate ? ApiToken.rotate(file) : ApiToken.load(file);
    top.out().println(token);
    top.out().flush();
    return 0;
  }
}
