package dev.transfuse.translators.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.IndexPageServer;
import dev.transfuse.translators.testing.IndexStyle;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our providers are real Commons VFS providers: through the plain VFS API a bucket or an HTTP
 * directory shows the same types, sizes, children and bytes the Store API shows, and the VFS
 * files cache is off (a change is seen by the next resolve).
 */
class VfsViewTest {
  @TempDir Path root;

  private static void checkView(Store store) throws Exception {
    FileObject top = ((VfsHostedStore) store).vfs().root();
    assertThat(top.getType()).isEqualTo(FileType.FOLDER);
    assertThat(Arrays.stream(top.getChildren()).map(f -> f.getName().getBaseName())
        .collect(Collectors.toSet())).contains("hello.txt", "nested");
    FileObject hello = top.resolveFile("hello.txt");
    assertThat(hello.getType()).isEqualTo(FileType.FILE);
    assertThat(hello.getContent().getSize()).isEqualTo(FixtureTree.HELLO.length);
    try (InputStream in = hello.getContent().getInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(FixtureTree.HELLO);
    }
    assertThat(top.resolveFile("nested/a/b").getType()).isEqualTo(FileType.FOLDER);
    assertThat(top.resolveFile("no-such").exists()).isFalse();
  }

  @Test
  void s3BucketThroughTheVfsApi() throws Exception {
    try (S3ProxyServer server = S3ProxyServer.startInMemory()) {
      server.createBucket("vfs");
      FixtureTree.Sink sink = FixtureTree.into(server.blobStore(), "vfs", "");
      sink.file("/hello.txt", FixtureTree.HELLO);
      sink.file("/nested/a/b/deep.txt", FixtureTree.DEEP);
      try (Store store = Stores.open(URI.create("s3://vfs"), server.options(),
          server.credentials())) {
        checkView(store);
        FileObject top = ((VfsHostedStore) store).vfs().root();
        assertThat(top.resolveFile("later.txt").exists()).isFalse();
        sink.file("/later.txt", new byte[] {1});
        assertThat(top.resolveFile("later.txt").exists()).isTrue(); // no VFS files cache
      }
    }
  }

  @Test
  void httpDirectoryThroughTheVfsApi() throws Exception {
    FixtureTree.Sink sink = FixtureTree.into(root);
    sink.file("/hello.txt", FixtureTree.HELLO);
    sink.file("/nested/a/b/deep.txt", FixtureTree.DEEP);
    try (IndexPageServer server = IndexPageServer.start(root, IndexStyle.APACHE_TABLE);
        Store store = Stores.open(server.base(), Map.of(), Map.of())) {
      checkView(store);
    }
  }
}
