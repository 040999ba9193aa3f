package dev.transfuse.service.cli;

import tools.jackson.databind.JsonNode;

/** A CLI command that failed, with its exit code and the API's problem, if any. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int FAILED = 1;
  static final int UNREACHABLE = 3;
  static final int NOT_FOUND = 4;
  static final int UNAUTHORIZED = 5;

  private final int exitCode;
  private final transient JsonNode problem;

  CliException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  CliException(int exitCode, String message, JsonNode problem) {
    super(message);
    this.exitCode = exitCode;
    this.problem = problem;
  }

  int exitCode() {
    return exitCode;
  }

  JsonNode problem() {
    return problem;
  }
}
