package dev.transfuse.service.security;

import dev.transfuse.service.config.TransfuseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The bearer token every /api call must carry: generated at first start into
 * {@code stateDir/api-token} (0600), where the CLI reads it too; rotated by
 * {@code bin/transfuse token --rotate}.
 */
@Component
public class ApiToken {
  public static final String FILE_NAME = "api-token";

  private final Path file;

  public ApiToken(TransfuseProperties props) {
    this.file = props.stateDir().resolve(FILE_NAME);
    try {
      load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the API token in " + file, e);
    }
  }

  /** The token, creating the file if needed. */
  public static String load(Path file) throws IOException {
    return new String(SecretFiles.readOrCreate(file, newToken()), StandardCharsets.US_ASCII)
        .trim();
  }

  /** Replaces the token in {@code file}; the old one stops working at once. */
  public static String rotate(Path file) throws IOException {
    byte[] token = newToken();
    SecretFiles.writePrivate(file, token);
    return new String(token, StandardCharsets.US_ASCII);
  }

  private static byte[] newToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretFiles.randomBytes(32))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code presented} is the current token (read from the file, so rotation applies). */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    try {
      byte[] want = load(file).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(want, presented.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  public Path file() {
    return file;
  }
}
