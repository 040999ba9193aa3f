package dev.transfuse.service.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** A subcommand that talks to the running service. */
abstract class ClientCommand implements Callable<Integer> {
  @ParentCommand TransfuseCommand top;

  @Override
  public final Integer call() {
    return run(top.client(), top.out());
  }

  abstract int run(ApiClient api, PrintWriter out);

  boolean json() {
    return top.json;
  }

  /** NAME or NAME:PATH. */
  static String[] nameAndPath(String arg) {
    int colon = arg.indexOf(':');
    return colon < 0 ? new String[] {arg, "/"}
        : new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? "-" : v.asText();
  }
}
