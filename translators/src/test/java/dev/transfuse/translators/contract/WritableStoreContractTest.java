package dev.transfuse.translators.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.testing.FixtureTree;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write side of the contract, for stores that are not read-only: create, overwrite, mkdir,
 * delete, rename, multipart-sized uploads, and in-place writes where the store has them. Each test
 * works in its own scratch directory so the read fixtures stay intact.
 */
public abstract class WritableStoreContractTest extends StoreContractTest {
  private static final AtomicInteger SCRATCH = new AtomicInteger();

  @TempDir Path staging;
  protected String dir;

  /** Size of the multipart test upload: above the store's multipart threshold. */
  protected long multipartSize() {
    return 12L * 1024 * 1024 + 3;
  }

  @BeforeEach
  void scratch() throws Exception {
    dir = "/scratch-" + SCRATCH.incrementAndGet();
    store.mkdir(dir);
  }

  private Path staged(byte[] content) throws Exception {
    Path p = Files.createTempFile(staging, "staged", ".bin");
    Files.write(p, content);
    return p;
  }

  private static void assertKind(Kind kind, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void uploadCreatesThenOverwrites() throws Exception {
    byte[] first = "first version".getBytes(StandardCharsets.UTF_8);
    FileAttributes a = store.upload(dir + "/f.txt", staged(first));
    assertThat(a.size()).isEqualTo(first.length);
    assertThat(readAll(store, dir + "/f.txt", 0, 100)).isEqualTo(first);

    byte[] second = "second, longer version".getBytes(StandardCharsets.UTF_8);
    FileAttributes b = store.upload(dir + "/f.txt", staged(second));
    assertThat(b.size()).isEqualTo(second.length);
    assertThat(b.changeToken()).isNotEqualTo(a.changeToken());
    assertThat(readAll(store, dir + "/f.txt", 0, 100)).isEqualTo(second);
    assertThat(store.list(dir)).hasSize(1);
  }

  @Test
  void uploadOfAnOddNameWorks() throws Exception {
    byte[] content = FixtureTree.bytes(1000, 7);
    String path = dir + "/100% ünï cödé+.bin";
    store.upload(path, staged(content));
    assertThat(readAll(store, path, 0, 5000)).isEqualTo(content);
    assertThat(names(store.list(dir))).containsExactly("100% ünï cödé+.bin");
  }

  @Test
  void multipartSizedUploadRoundTrips() throws Exception {
    byte[] content = FixtureTree.bytes((int) multipartSize(), 3);
    FileAttributes a = store.upload(dir + "/big.bin", staged(content));
    assertThat(a.size()).isEqualTo(content.length);
    assertThat(readAll(store, dir + "/big.bin", 0, content.length)).isEqualTo(content);
    int at = 5 * 1024 * 1024 - 7;
    assertThat(readAll(store, dir + "/big.bin", at, 100))
        .isEqualTo(java.util.Arrays.copyOfRange(content, at, at + 100));
  }

  @Test
  void mkdirMakesAnEmptyDirectory() throws Exception {
    store.mkdir(dir + "/sub");
    assertThat(store.stat(dir + "/sub").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    assertThat(store.list(dir + "/sub")).isEmpty();
    assertThat(byName(store.list(dir)).get("sub").type()).isEqualTo(FileType.DIRECTORY);
    assertKind(Kind.ALREADY_EXISTS, () -> store.mkdir(dir + "/sub"));
    assertKind(Kind.NOT_FOUND, () -> store.mkdir(dir + "/missing/sub"));
  }

  @Test
  void deleteRemovesFilesAndEmptyDirectoriesOnly() throws Exception {
    store.upload(dir + "/f", staged(new byte[] {1}));
    store.mkdir(dir + "/d");
    store.upload(dir + "/d/inner", staged(new byte[] {2}));
    assertKind(Kind.NOT_EMPTY, () -> store.delete(dir + "/d"));
    store.delete(dir + "/d/inner");
    store.delete(dir + "/d");
    store.delete(dir + "/f");
    assertThat(store.list(dir)).isEmpty();
    assertThat(store.stat(dir + "/f")).isEmpty();
    assertKind(Kind.NOT_FOUND, () -> store.delete(dir + "/f"));
  }

  @Test
  void renameMovesFilesReplacingTheTarget() throws Exception {
    byte[] content = "moved".getBytes(StandardCharsets.UTF_8);
    store.upload(dir + "/from", staged(content));
    store.upload(dir + "/to", staged("old".getBytes(StandardCharsets.UTF_8)));
    store.rename(dir + "/from", dir + "/to");
    assertThat(store.stat(dir + "/from")).isEmpty();
    assertThat(readAll(store, dir + "/to", 0, 100)).isEqualTo(content);
    assertKind(Kind.NOT_FOUND, () -> store.rename(dir + "/from", dir + "/x"));
  }

  @Test
  void renameToTheSameNameChangesNothing() throws Exception {
    store.upload(dir + "/same", staged(new byte[] {4, 2}));
    store.rename(dir + "/same", dir + "/same");
    assertThat(readAll(store, dir + "/same", 0, 10)).containsExactly(4, 2);
  }

  @Test
  void renameMovesDirectoriesWithTheirContent() throws Exception {
    store.mkdir(dir + "/d");
    store.mkdir(dir + "/d/e");
    store.upload(dir + "/d/e/f", staged(new byte[] {9, 8, 7}));
    store.rename(dir + "/d", dir + "/moved");
    assertThat(store.stat(dir + "/d")).isEmpty();
    assertThat(names(store.list(dir))).containsExactly("moved");
    assertThat(readAll(store, dir + "/moved/e/f", 0, 10)).containsExactly(9, 8, 7);
  }

  @Test
  void inPlaceWritesWhereSupported() throws Exception {
    assumeTrue(store.capabilities().randomWrite(), "store has no in-place writes");
    store.upload(dir + "/rw", staged("0123456789".getBytes(StandardCharsets.UTF_8)));
    store.write(dir + "/rw", 3, ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
    store.write(dir + "/rw", 12, ByteBuffer.wrap("Z".getBytes(StandardCharsets.UTF_8)));
    byte[] got = readAll(store, dir + "/rw", 0, 100);
    assertThat(got).hasSize(13);
    assertThat(new String(got, 0, 10, StandardCharsets.UTF_8)).isEqualTo("012abc6789");
    store.truncate(dir + "/rw", 4);
    assertThat(readAll(store, dir + "/rw", 0, 100))
        .isEqualTo("012a".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void inPlaceWritesAreRefusedWhereUnsupported() {
    assumeTrue(!store.capabilities().randomWrite());
    assertKind(Kind.UNSUPPORTED, () -> store.write(dir + "/x", 0, ByteBuffer.allocate(1)));
  }
}
