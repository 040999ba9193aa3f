package dev.transfuse.service.web;

import java.util.Map;

/** A request the API refuses, as a {@link Problem} with a useful detail (and extra fields). */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Problem problem;
  private final transient Map<String, Object> properties;

  public ApiException(Problem problem, String detail) {
    this(problem, detail, Map.of(), null);
  }

  public ApiException(Problem problem, String detail, Throwable cause) {
    this(problem, detail, Map.of(), cause);
  }

  public ApiException(Problem problem, String detail, Map<String, Object> properties,
      Throwable cause) {
    super(detail, cause);
    this.problem = problem;
    this.properties = Map.copyOf(properties);
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
