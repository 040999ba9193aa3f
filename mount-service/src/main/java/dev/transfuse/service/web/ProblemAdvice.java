package dev.transfuse.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json}: our {@link ApiException}s with their type and
 * detail, Spring's own (malformed JSON, wrong method...) with a detail that says what to fix, and
 * anything unexpected as a 500 that names no internals.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest req) {
    Problem p = e.problem();
    ProblemDetail body = ProblemDetail.forStatusAndDetail(p.status(), e.getMessage());
    body.setType(p.type());
    body.setTitle(p.title());
    body.setInstance(URI.create(req.getRequestURI()));
    e.properties().forEach(body::setProperty);
    return ResponseEntity.status(p.status()).body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e, HttpServletRequest req) {
    return api(new ApiException(Problem.INVALID_REQUEST, e.getMessage()), req);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest req) {
    log.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(
        org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
        "the service failed unexpectedly; its log has the details");
    body.setType(URI.create("https://transfuse.dev/problems/internal-error"));
    body.setTitle("Internal error");
    body.setInstance(URI.create(req.getRequestURI()));
    return ResponseEntity.internalServerError().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
        "the request body is not valid JSON for this call: " + firstLine(ex.getMessage()));
    body.setType(Problem.INVALID_REQUEST.type());
    body.setTitle(Problem.INVALID_REQUEST.title());
    return handleExceptionInternal(ex, body, headers, status, request);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable body";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
