package dev.transfuse.translators.http;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.contract.StoreContractTest;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.PythonHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The read contract against the real {@code python3 -m http.server}: listings without sizes or
 * dates (one HEAD per file) and no Range support (reads skip to the offset).
 */
class PythonHttpStoreContractTest extends StoreContractTest {
  private PythonHttpServer server;

  @Override
  protected Store start() throws Exception {
    Path work = Files.createTempDirectory("transfuse-python-");
    Path root = Files.createDirectories(work.resolve("www"));
    FixtureTree.write(FixtureTree.into(root));
    server = PythonHttpServer.start(root, work.resolve("server.log"));
    return Stores.open(server.base(), Map.of(), Map.of());
  }

  @Override
  protected void stop() {
    server.close();
  }
}
