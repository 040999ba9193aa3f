package dev.transfuse.translators.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from a named profile of a shared credentials file, and the settings' toString. */
class S3CredentialsTest {
  @TempDir Path dir;

  @Test
  void namedProfileIsUsed() throws Exception {
    Path file = dir.resolve("credentials");
    Files.writeString(file, "[default]\naws_access_key_id = nope\naws_secret_access_key = nope\n"
        + "[transfuse-test]\naws_access_key_id = " + S3ProxyServer.ACCESS_KEY
        + "\naws_secret_access_key = " + S3ProxyServer.SECRET_KEY + "\n");
    String old = System.getProperty("aws.sharedCredentialsFile");
    System.setProperty("aws.sharedCredentialsFile", file.toString());
    try (S3ProxyServer server = S3ProxyServer.startInMemory()) {
      server.createBucket("profiled");
      try (Store store = Stores.open(URI.create("s3://profiled"), server.options(),
          Map.of(StoreOptions.PROFILE, "transfuse-test"))) {
        assertThat(store.list("/")).isEmpty();
      }
    } finally {
      if (old == null) {
        System.clearProperty("aws.sharedCredentialsFile");
      } else {
        System.setProperty("aws.sharedCredentialsFile", old);
      }
    }
  }

  @Test
  void settingsNeverPrintKeys() {
    S3Settings s = S3FileSystemConfigBuilder.settingsFrom(URI.create("s3://b/p"), Map.of(),
        Map.of(StoreOptions.ACCESS_KEY, "AKIAEXAMPLE", StoreOptions.SECRET_KEY, "s3cr3t"));
    assertThat(s.toString()).contains("s3://b/p/").doesNotContain("AKIAEXAMPLE", "s3cr3t");
  }
}
