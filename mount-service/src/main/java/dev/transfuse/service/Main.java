package dev.transfuse.service;

import dev.transfuse.service.cli.TransfuseCommand;
import picocli.CommandLine;

/**
 * The jar's entry point: {@code serve} and {@code demo} start the service (and the JVM keeps
 * running until it stops), every other command is a client of its REST API (no Spring context,
 * so scripts start fast) and exits with the command's code.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine cl = TransfuseCommand.commandLine();
    int exit = cl.execute(args);
    if (exit != 0 || !TransfuseCommand.keepsRunning(cl.getParseResult())) {
      System.exit(exit);
    }
  }
}
