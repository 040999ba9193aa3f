package dev.transfuse.translators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.store.StoreOptions;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory's refusals: each names what is wrong and never echoes a credential. */
class StoresTest {
  private static final Map<String, String> NONE = Map.of();

  @Test
  void unknownSchemeNamesTheSupportedOnes() {
    assertThatThrownBy(() -> Stores.open(URI.create("ftp://host/x"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp").hasMessageContaining("s3, sftp, http, https, file");
  }

  @Test
  void relativeUriIsRefused() {
    assertThatThrownBy(() -> Stores.open(URI.create("just/a/path"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
  }

  @Test
  void s3NeedsABucketAndRefusesKeysInTheUri() {
    assertThatThrownBy(() -> Stores.open(URI.create("s3:///prefix"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket");
    assertThatThrownBy(() -> Stores.open(URI.create("s3://AKIA:topsecret@bucket/"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void unknownOptionsAreRefusedByName() {
    assertThatThrownBy(() -> Stores.open(URI.create("s3://bucket"),
        Map.of("pathstyle", "true"), NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pathstyle")
        .hasMessageContaining(StoreOptions.PATH_STYLE);
  }

  @Test
  void badOptionValuesNameTheOption() {
    assertThatThrownBy(() -> Stores.open(URI.create("s3://bucket"),
        Map.of(StoreOptions.PATH_STYLE, "maybe"), NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pathStyle");
    assertThatThrownBy(() -> Stores.open(URI.create("s3://bucket"),
        Map.of(StoreOptions.PART_SIZE, "1MiB"), NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize");
    assertThatThrownBy(() -> Stores.open(URI.create("http://127.0.0.1/"),
        Map.of(StoreOptions.READ_TIMEOUT, "soon"), NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
  }

  @Test
  void halfStaticKeysAreRefused() {
    assertThatThrownBy(() -> Stores.open(URI.create("s3://bucket"), NONE,
        Map.of(StoreOptions.ACCESS_KEY, "AKIA")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("together");
  }

  @Test
  void sftpNeedsUserAndCredentialAndRefusesPasswordInUri() {
    assertThatThrownBy(() -> Stores.open(URI.create("sftp://host/x"), NONE,
        Map.of(StoreOptions.PASSWORD, "pw")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
    assertThatThrownBy(() -> Stores.open(URI.create("sftp://me:hunter2@host/x"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> Stores.open(URI.create("sftp://me@host/x"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password")
        .hasMessageContaining("privateKey");
    assertThatThrownBy(() -> Stores.open(URI.create("sftp://me@host/x"),
        Map.of(StoreOptions.HOST_KEY_POLICY, "yolo"), Map.of(StoreOptions.PASSWORD, "pw")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accept-new");
  }

  @Test
  void httpRefusesCredentialsInTheUri() {
    assertThatThrownBy(() -> Stores.open(URI.create("https://u:pw123@host/dir/"), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw123");
  }

  @Test
  void redactHidesAUserInfoPassword() {
    assertThat(Stores.redact(URI.create("sftp://me:hunter2@host:2222/x")))
        .isEqualTo("sftp://me:***@host:2222/x");
  }
}
