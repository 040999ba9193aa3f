package dev.transfuse.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the service under test. */
final class Api {
  static final JsonMapper JSON = JsonMapper.builder().build();

  final URI base;
  final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** A client of the service on 127.0.0.1:{@code port}, with the token from its state dir. */
  static Api of(int port, java.nio.file.Path stateDir) throws IOException {
    return new Api(URI.create("http://127.0.0.1:" + port + "/"), dev.transfuse.service.security
        .ApiToken.load(stateDir.resolve(dev.transfuse.service.security.ApiToken.FILE_NAME)));
  }

  /** A response with its body parsed as JSON (empty object for no body). */
  record Response(int status, String contentType, JsonNode json, String body,
      HttpResponse<byte[]> raw) {}

  Response get(String path, String... headers) throws Exception {
    return send(builder(path, headers).GET());
  }

  Response post(String path, String jsonBody) throws Exception {
    return send(builder(path, "Content-Type", "application/json")
        .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  Response delete(String path) throws Exception {
    return send(builder(path).DELETE());
  }

  Response withoutToken(String path) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  private HttpRequest.Builder builder(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode json;
    try {
      json = type.contains("json") && !body.isBlank() ? JSON.readTree(body)
          : JSON.createObjectNode();
    } catch (RuntimeException e) {
      json = JSON.createObjectNode();
    }
    return new Response(r.statusCode(), type, json, body, r);
  }
}
