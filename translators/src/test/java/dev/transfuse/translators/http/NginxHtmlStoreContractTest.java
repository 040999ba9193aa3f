package dev.transfuse.translators.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.StoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.NginxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read contract against Debian's nginx with autoindex HTML. */
class NginxHtmlStoreContractTest extends StoreContractTest {
  protected NginxServer server;

  protected Store open(NginxServer server) throws Exception {
    return Stores.open(server.html(), Map.of(), Map.of());
  }

  @Override
  protected Store start() throws Exception {
    Path work = Files.createTempDirectory("transfuse-nginx-");
    Path root = Files.createDirectories(work.resolve("www"));
    FixtureTree.write(FixtureTree.into(root));
    server = NginxServer.start(root, work);
    return open(server);
  }

  @Test
  void listingWithSizesAndDatesIsOneRequest() throws Exception {
    long before = server.requests();
    assertThat(store.list("/large")).hasSize(FixtureTree.LARGE_COUNT);
    assertThat(server.requests() - before).isEqualTo(1);
  }

  @Override
  protected void stop() throws Exception {
    server.close();
  }
}
