package dev.transfuse.service.cli;

import dev.transfuse.service.security.ApiToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code transfuse}: the top command. Global options say where the service is and how to
 * authenticate; by default both come from the state dir the service writes them to.
 */
@Command(name = "transfuse", mixinStandardHelpOptions = true, version = "transfuse 0.1.0",
    description = "Mount S3, SFTP and HTTP stores as local directories through FUSE.",
    subcommands = {ServeCommand.class, DemoCommand.class, MountCommand.class,
        UnmountCommand.class, ListCommand.class, StatusCommand.class, LsCommand.class,
        StatsCommand.class, InvalidateCommand.class, TokenCommand.class,
        CommandLine.HelpCommand.class})
public final class TransfuseCommand implements Runnable {
  /** File in the state dir where a running service writes its base URL. */
  public static final String URL_FILE = "service.url";
  private static final Set<String> LONG_RUNNING = Set.of("serve", "demo");

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--url", scope = ScopeType.INHERIT,
      description = "the service's address (default: from the state dir, else http://127.0.0.1:8080)")
  URI url;

  @Option(names = "--state-dir", scope = ScopeType.INHERIT,
      description = "the service's state dir (default: ~/.local/share/transfuse)")
  Path stateDir;

  @Option(names = "--token", scope = ScopeType.INHERIT,
      description = "the API token (default: the state dir's api-token file)")
  String token;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "print JSON, for scripts")
  boolean json;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TransfuseCommand());
    cl.setExecutionExceptionHandler((ex, line, parse) -> {
      PrintWriter err = line.getErr();
      if (ex instanceof CliException ce) {
        err.println("transfuse: " + ce.getMessage());
        err.flush();
        return ce.exitCode();
      }
      err.println("transfuse: " + ex);
      err.flush();
      return CliException.FAILED;
    });
    return cl;
  }

  /** Whether the command that ran started the service (the JVM must then keep running). */
  public static boolean keepsRunning(CommandLine.ParseResult parsed) {
    return parsed != null && parsed.subcommand() != null
        && !parsed.subcommand().isUsageHelpRequested()
        && LONG_RUNNING.contains(parsed.subcommand().commandSpec().name());
  }

  Path stateDir() {
    return stateDir != null ? stateDir.toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".local", "share", "transfuse");
  }

  ApiClient client() {
    URI base = url;
    Path urlFile = stateDir().resolve(URL_FILE);
    if (base == null && Files.exists(urlFile)) {
      try {
        base = URI.create(Files.readString(urlFile).trim());
      } catch (IOException e) {
        throw new CliException(CliException.FAILED, "cannot read " + urlFile + ": "
            + e.getMessage());
      }
    }
    if (base == null) {
      base = URI.create("http://127.0.0.1:8080");
    }
    String t = token;
    Path tokenFile = stateDir().resolve(ApiToken.FILE_NAME);
    if (t == null && Files.exists(tokenFile)) {
      try {
        t = ApiToken.load(tokenFile);
      } catch (IOException e) {
        throw new CliException(CliException.UNAUTHORIZED, "cannot read the token in "
            + tokenFile + " (" + e.getMessage() + "); pass --token");
      }
    }
    return new ApiClient(base.toString().endsWith("/") ? base : URI.create(base + "/"), t);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
