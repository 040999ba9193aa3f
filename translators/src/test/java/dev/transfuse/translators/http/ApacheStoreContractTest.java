package dev.transfuse.translators.http;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.StoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.ApacheServer;
import dev.transfuse.translators.testing.FixtureTree;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;

/**
 * The read contract against Debian's Apache httpd, once per mod_autoindex format: table, pre and
 * plain list.
 */
class ApacheStoreContractTest {
  abstract static class Format extends StoreContractTest {
    private ApacheServer server;

    abstract Function<ApacheServer, URI> page();

    @Override
    protected Store start() throws Exception {
      Path work = Files.createTempDirectory("transfuse-apache-");
      Path root = Files.createDirectories(work.resolve("www"));
      FixtureTree.write(FixtureTree.into(root));
      server = ApacheServer.start(root, work);
      return Stores.open(page().apply(server), Map.of(), Map.of());
    }

    @Override
    protected void stop() {
      server.close();
    }
  }

  @Nested
  class Table extends Format {
    @Override
    Function<ApacheServer, URI> page() {
      return ApacheServer::table;
    }
  }

  @Nested
  class Pre extends Format {
    @Override
    Function<ApacheServer, URI> page() {
      return ApacheServer::pre;
    }
  }

  @Nested
  class PlainList extends Format {
    @Override
    Function<ApacheServer, URI> page() {
      return ApacheServer::list;
    }
  }
}
