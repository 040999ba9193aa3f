package dev.transfuse.service.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI's view of the REST API: JSON in and out, problem+json turned into {@link CliException}. */
final class ApiClient {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  ApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  JsonNode post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  JsonNode delete(String path) {
    return send(request(path).DELETE());
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private JsonNode send(HttpRequest.Builder b) {
    HttpResponse<String> res;
    try {
      res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new CliException(CliException.UNREACHABLE, "cannot reach the transfuse service at "
          + base + " (is 'bin/transfuse serve' running? --url sets the address)");
    } catch (IOException e) {
      throw new CliException(CliException.UNREACHABLE, "talking to " + base + " failed: "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(CliException.FAILED, "interrupted");
    }
    String body = res.body();
    JsonNode json = body == null || body.isBlank() ? JSON.createObjectNode() : parse(body);
    if (res.statusCode() >= 400) {
      String title = json.path("title").asText("HTTP " + res.statusCode());
      String detail = json.path("detail").asText(body);
      throw new CliException(res.statusCode() == 404 ? CliException.NOT_FOUND
          : res.statusCode() == 401 ? CliException.UNAUTHORIZED : CliException.FAILED,
          title + ": " + detail, json);
    }
    return json;
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return JSON.createObjectNode().put("detail", body);
    }
  }
}
